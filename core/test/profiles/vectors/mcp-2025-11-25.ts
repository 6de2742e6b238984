import { AS, AS_OFFLINE, CLIENT, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// The 2025-11-25 Scope Selection Strategy: the same tiers as 2026-07-28, no SEP-2207.
export const VECTORS: Vector[] = [
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

/** The mcp-2025-11-25 profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
