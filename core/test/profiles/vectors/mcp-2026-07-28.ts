import { AS, AS_OFFLINE, CLIENT, NOT_REFRESHING, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// Each row is derived from the 2026-07-28 Scope Selection Strategy and SEP-2207 (spec-notes §1–3).
export const VECTORS: Vector[] = [
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

/** The mcp-2026-07-28 profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
