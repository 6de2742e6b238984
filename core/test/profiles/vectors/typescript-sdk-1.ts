import { AS_OFFLINE, CLIENT, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// `scope || scopes_supported.join(' ') || clientMetadata.scope`, no SEP-2207, and
// `prompt=consent` when the scope string contains "offline_access" anywhere.
export const VECTORS: Vector[] = [
  [
    'the challenge scope is used as it is',
    { challengeScope: 'a  a', resourceMetadata: PRM(['b']) },
    expected('a  a', 'challenge'),
  ],
  [
    'PRM scopes when the challenge has none',
    { resourceMetadata: PRM(['a', 'b']) },
    expected('a b', 'resource-metadata'),
  ],
  [
    "the client's scope when PRM scopes_supported is empty",
    { resourceMetadata: PRM([]), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('mine', 'client-metadata'),
  ],
  ['nothing at all: no scope', {}, expected(undefined, 'none')],
  [
    'never adds offline_access, even when all four conditions hold',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'offline_access the server asked for gets prompt=consent',
    { challengeScope: 'a offline_access' },
    expected('a offline_access', 'challenge', 'already-present', true),
  ],
  [
    'a token merely containing offline_access also gets prompt=consent',
    { challengeScope: 'read:offline_access_logs' },
    expected('read:offline_access_logs', 'challenge', 'not-added', true),
  ],
];

/** The typescript-sdk-1 profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
