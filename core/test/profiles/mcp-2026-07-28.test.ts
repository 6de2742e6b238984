import { describe, expect, it } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import {
  AS,
  AS_OFFLINE,
  CLIENT,
  NOT_REFRESHING,
  outcome,
  path,
  PRM,
  REFRESHING,
} from './fixtures.ts';

type Expected = ReturnType<typeof outcome>;

const expected = (
  scope: string | undefined,
  source: Expected['source'],
  offlineAccess: Expected['offlineAccess'] = 'not-added',
): Expected => ({ scope, source, offlineAccess, promptConsent: false });

// Each row is derived from the 2026-07-28 Scope Selection Strategy and SEP-2207 (spec-notes §1–3).
const VECTORS: [string, ScopeInput, Expected][] = [
  [
    'the challenge scope wins over scopes_supported',
    { challengeScope: 'files:read', resourceMetadata: PRM(['files:read', 'files:write']) },
    expected('files:read', 'challenge'),
  ],
  [
    'no challenge scope: every PRM scope, in order',
    { resourceMetadata: PRM(['files:read', 'files:write']) },
    expected('files:read files:write', 'resource-metadata'),
  ],
  [
    'no challenge scope and no scopes_supported: omit',
    { resourceMetadata: PRM(), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected(undefined, 'none'),
  ],
  [
    'no PRM at all: omit (the client scope is not a source)',
    { clientMetadata: CLIENT({ scope: 'mine' }), authServerMetadata: AS(['a']) },
    expected(undefined, 'none'),
  ],
  [
    'an empty challenge scope counts as not provided',
    { challengeScope: '', resourceMetadata: PRM(['files:read']) },
    expected('files:read', 'resource-metadata'),
  ],
  [
    'a whitespace-only challenge scope counts as not provided',
    { challengeScope: '  \t', resourceMetadata: PRM(['files:read']) },
    expected('files:read', 'resource-metadata'),
  ],
  [
    'an empty scopes_supported means omit, not the AS scopes',
    { resourceMetadata: PRM([]), authServerMetadata: AS(['a', 'b']) },
    expected(undefined, 'none'),
  ],
  [
    'duplicate challenge tokens are sent once',
    { challengeScope: 'a  b a\tb' },
    expected('a b', 'challenge'),
  ],
  [
    'duplicate PRM entries are sent once',
    { resourceMetadata: PRM(['a', 'b', 'a']) },
    expected('a b', 'resource-metadata'),
  ],
  [
    'offline_access appended when all four conditions hold',
    { challengeScope: 'files:read', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('files:read offline_access', 'challenge', 'added'),
  ],
  [
    'offline_access appended to PRM scopes too',
    {
      resourceMetadata: PRM(['files:read']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('files:read offline_access', 'resource-metadata', 'added'),
  ],
  [
    'no offline_access without a selected scope',
    { authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected(undefined, 'none'),
  ],
  [
    'no offline_access when the AS does not list it',
    { challengeScope: 'a', authServerMetadata: AS(['a']), clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'no offline_access without AS metadata',
    { challengeScope: 'a', clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'no offline_access when grant_types lacks refresh_token',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: NOT_REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'no offline_access when grant_types is absent (RFC 7591 default: authorization_code)',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: CLIENT() },
    expected('a', 'challenge'),
  ],
  [
    'offline_access already in the challenge is not added twice',
    {
      challengeScope: 'offline_access a',
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('offline_access a', 'challenge', 'already-present'),
  ],
  [
    'a scopes_supported of the wrong type is ignored like an absent one',
    { resourceMetadata: PRM('files:read') },
    expected(undefined, 'none'),
  ],
  [
    'non-string scopes_supported entries are skipped',
    { resourceMetadata: PRM(['a', 7, null, 'b']) },
    expected('a b', 'resource-metadata'),
  ],
  [
    'a PRM that is not an object counts as no PRM',
    { resourceMetadata: ['a'], challengeScope: undefined },
    expected(undefined, 'none'),
  ],
];

describe('profile mcp-2026-07-28', () => {
  it.each(VECTORS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'mcp-2026-07-28'))).toEqual(want);
  });

  it('is the default profile', () => {
    const input = { challengeScope: 'a', resourceMetadata: PRM(['b']) };
    expect(determineScope(input)).toEqual(determineScope(input, 'mcp-2026-07-28'));
  });

  it('traces the tiers it tried, in order', () => {
    const decision = determineScope({ challengeScope: '', resourceMetadata: PRM([]) });
    expect(path(decision)).toEqual([
      'challenge-scope:skipped',
      'resource-scopes:skipped',
      'omit:applied',
      'offline-access:not-applied',
      'prompt-consent:not-applied',
    ]);
    expect(decision.steps[0]?.detail).toMatch(/counts as not provided/);
    expect(decision.steps[1]?.detail).toMatch(/empty list/);
  });

  it('says which offline_access conditions failed', () => {
    const decision = determineScope({
      challengeScope: 'a',
      authServerMetadata: AS(['a']),
      clientMetadata: NOT_REFRESHING,
    });
    const step = decision.steps.find((candidate) => candidate.rule === 'offline-access');
    expect(step?.detail).toMatch(/does not list offline_access/);
    expect(step?.detail).toMatch(/do not include refresh_token/);
  });

  it('mentions the OIDC prompt=consent advice without adding it', () => {
    const decision = determineScope({
      challengeScope: 'a',
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    });
    const step = decision.steps.find((candidate) => candidate.rule === 'prompt-consent');
    expect(decision.promptConsent).toBe(false);
    expect(step?.outcome).toBe('not-applied');
    expect(step?.cite.url).toContain('openid');
    expect(step?.detail).toMatch(/OpenID Connect Core §11/);
  });

  it('has no deviation steps: it is the reference', () => {
    const decision = determineScope({ challengeScope: '', resourceMetadata: PRM([]) });
    expect(decision.steps.every((step) => step.deviation === undefined)).toBe(true);
  });
});
