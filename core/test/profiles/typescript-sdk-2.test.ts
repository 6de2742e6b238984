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
  promptConsent = offlineAccess !== 'not-added',
): Expected => ({ scope, source, offlineAccess, promptConsent });

/**
 * The situations the SDK's own determineScope tests cover (selection tiers and SEP-2207
 * augmentation), re-derived from the rule `requested || PRM.join(' ') || client.scope`, then
 * `offline_access` when the scope is truthy, the AS lists it, `split(' ')` lacks it and
 * `grant_types` has refresh_token.
 */
const SDK_CASES: [string, ScopeInput, Expected][] = [
  [
    '1. the requested (challenge) scope is used as it is',
    {
      challengeScope: 'files:read',
      resourceMetadata: PRM(['files:write']),
      clientMetadata: CLIENT({ scope: 'mine' }),
    },
    expected('files:read', 'challenge'),
  ],
  [
    '2. PRM scopes_supported without a requested scope',
    { resourceMetadata: PRM(['a', 'b']), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('a b', 'resource-metadata'),
  ],
  [
    "3. the client's scope when the PRM has no scopes",
    { resourceMetadata: PRM(), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('mine', 'client-metadata'),
  ],
  ['4. no source at all: no scope', { clientMetadata: CLIENT() }, expected(undefined, 'none')],
  [
    '5. PRM without scopes_supported and client without scope: no scope',
    { resourceMetadata: PRM(), clientMetadata: CLIENT() },
    expected(undefined, 'none'),
  ],
  [
    '6. augments the requested scope with offline_access',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a offline_access', 'challenge', 'added'),
  ],
  [
    '7. augments PRM scopes when the AS lists offline_access and the client can refresh',
    {
      resourceMetadata: PRM(['a', 'b']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('a b offline_access', 'resource-metadata', 'added'),
  ],
  [
    "8. augments the client's fallback scope",
    {
      authServerMetadata: AS_OFFLINE,
      clientMetadata: CLIENT({
        scope: 'mine',
        grant_types: ['authorization_code', 'refresh_token'],
      }),
    },
    expected('mine offline_access', 'client-metadata', 'added'),
  ],
  [
    '9. nothing to augment when no scope was selected',
    { authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected(undefined, 'none'),
  ],
  [
    '10. no augmentation when the AS does not list offline_access',
    { challengeScope: 'a', authServerMetadata: AS(['a']), clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    '11. no augmentation without AS metadata',
    { challengeScope: 'a', clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    "12. offline_access already in the client's scope is not added again",
    {
      authServerMetadata: AS_OFFLINE,
      clientMetadata: CLIENT({
        scope: 'a offline_access',
        grant_types: ['authorization_code', 'refresh_token'],
      }),
    },
    expected('a offline_access', 'client-metadata', 'already-present', true),
  ],
  [
    '13. a non-compliant PRM listing offline_access is not augmented again',
    {
      resourceMetadata: PRM(['a', 'offline_access']),
      authServerMetadata: AS_OFFLINE,
      clientMetadata: REFRESHING,
    },
    expected('a offline_access', 'resource-metadata', 'already-present', true),
  ],
  [
    '14. no augmentation when grant_types omits refresh_token',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: NOT_REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    '15. no augmentation when grant_types is undefined (a statically registered client)',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: CLIENT() },
    expected('a', 'challenge'),
  ],
];

/** Where `||`, the transport's union and split(' ') make the SDK differ from the spec. */
const QUIRKS: [string, ScopeInput, Expected][] = [
  [
    'an empty scopes_supported falls through to the client scope (spec: omit)',
    { resourceMetadata: PRM([]), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('mine', 'client-metadata'),
  ],
  [
    'an empty challenge scope falls through like the spec',
    { challengeScope: '', resourceMetadata: PRM(['a']) },
    expected('a', 'resource-metadata'),
  ],
  [
    "an empty client scope ends the chain with '' and no scope parameter",
    { clientMetadata: CLIENT({ scope: '' }), authServerMetadata: AS_OFFLINE },
    expected(undefined, 'none'),
  ],
  [
    'the transport normalises the challenge scope (whitespace, repeats)',
    { challengeScope: ' a\tb  a ' },
    expected('a b', 'challenge'),
  ],
  [
    'PRM entries are joined as they are, repeats included',
    { resourceMetadata: PRM(['a', 'a']) },
    expected('a a', 'resource-metadata'),
  ],
  [
    "split(' ') misses offline_access after a tab and appends it again",
    {
      clientMetadata: CLIENT({
        scope: 'a\toffline_access',
        grant_types: ['authorization_code', 'refresh_token'],
      }),
      authServerMetadata: AS_OFFLINE,
    },
    expected('a\toffline_access offline_access', 'client-metadata', 'added'),
  ],
  [
    'on a 401 the transport still unions with the scope it asked for before',
    { challengeScope: 'b', previousScope: 'a' },
    expected('a b', 'step-up-union'),
  ],
];

describe('profile typescript-sdk-2', () => {
  it.each(SDK_CASES)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'typescript-sdk-2'))).toEqual(want);
  });

  it.each(QUIRKS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'typescript-sdk-2'))).toEqual(want);
  });

  it('reports the client-scope fallback as a deviation from the spec', () => {
    const decision = determineScope(
      { resourceMetadata: PRM([]), clientMetadata: CLIENT({ scope: 'mine' }) },
      'typescript-sdk-2',
    );
    expect(path(decision)).toEqual([
      'challenge-scope:skipped',
      'resource-scopes:skipped',
      'client-scope:used',
      'offline-access:not-applied',
      'prompt-consent:not-applied',
    ]);
    const deviations = decision.steps.filter((step) => step.deviation !== undefined);
    expect(deviations.map((step) => step.rule)).toEqual(['resource-scopes', 'client-scope']);
  });

  it('reports the duplicate offline_access that split(" ") causes', () => {
    const decision = determineScope(QUIRKS[5]![1], 'typescript-sdk-2');
    const step = decision.steps.find((candidate) => candidate.rule === 'offline-access');
    expect(step?.deviation).toMatch(/twice/);
  });

  it('warns that prompt=consent is appended next to a prompt the endpoint already has', () => {
    const decision = determineScope(
      {
        challengeScope: 'a',
        authServerMetadata: {
          ...AS_OFFLINE,
          authorization_endpoint: 'https://auth.example.com/authorize?prompt=login',
        },
        clientMetadata: REFRESHING,
      },
      'typescript-sdk-2',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'prompt-consent');
    expect(step?.outcome).toBe('applied');
    expect(step?.deviation).toMatch(/two prompt/);
  });
});
