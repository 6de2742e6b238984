import { describe, expect, it } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import { AS, AS_OFFLINE, CLIENT, outcome, path, PRM, REFRESHING } from './fixtures.ts';

type Expected = ReturnType<typeof outcome>;

const expected = (
  scope: string | undefined,
  source: Expected['source'],
  offlineAccess: Expected['offlineAccess'] = 'not-added',
): Expected => ({ scope, source, offlineAccess, promptConsent: false });

// The 2025-11-25 Scope Selection Strategy: the same tiers as 2026-07-28, no SEP-2207.
const VECTORS: [string, ScopeInput, Expected][] = [
  [
    'the challenge scope wins',
    { challengeScope: 'files:read', resourceMetadata: PRM(['files:write']) },
    expected('files:read', 'challenge'),
  ],
  [
    'every PRM scope when the challenge has none',
    { resourceMetadata: PRM(['a', 'b']) },
    expected('a b', 'resource-metadata'),
  ],
  [
    'omit without scopes_supported',
    { resourceMetadata: PRM(), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected(undefined, 'none'),
  ],
  [
    'an empty challenge scope falls through',
    { challengeScope: '', resourceMetadata: PRM(['a']) },
    expected('a', 'resource-metadata'),
  ],
  [
    'an empty scopes_supported means omit',
    { resourceMetadata: PRM([]), authServerMetadata: AS(['a']) },
    expected(undefined, 'none'),
  ],
  [
    'never adds offline_access, even when all four conditions hold',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'offline_access already requested by the server stays',
    { challengeScope: 'a offline_access' },
    expected('a offline_access', 'challenge', 'already-present'),
  ],
];

describe('profile mcp-2025-11-25', () => {
  it.each(VECTORS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'mcp-2025-11-25'))).toEqual(want);
  });

  it('cites the 2025-11-25 revision for its tiers', () => {
    const decision = determineScope({ challengeScope: 'a' }, 'mcp-2025-11-25');
    expect(decision.steps[0]?.cite.url).toContain('2025-11-25');
    expect(path(decision)).toEqual([
      'challenge-scope:used',
      'offline-access:not-applied',
      'prompt-consent:not-applied',
    ]);
  });
});
