import { AS, AS_OFFLINE, CLIENT, NOT_REFRESHING, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// authorization_code.go: challenge (strings.Fields) → PRM → nothing; offline_access with
// RequestRefreshToken (even alone); UnionScopes(granted, requested) through a map.
export const VECTORS: Vector[] = [
  [
    'the challenge tokens win',
    { challengeScope: 'a  b', resourceMetadata: PRM(['c']) },
    expected('a b', 'challenge'),
  ],
  [
    'a blank challenge falls through to the PRM',
    { challengeScope: ' ', resourceMetadata: PRM(['c', 'd']) },
    expected('c d', 'resource-metadata'),
  ],
  [
    'no AS tier and no configured-scope tier',
    {
      resourceMetadata: PRM(),
      authServerMetadata: AS(['x']),
      clientMetadata: CLIENT({ scope: 'y' }),
    },
    expected(undefined, 'none'),
  ],
  [
    'duplicates disappear in the map',
    { resourceMetadata: PRM(['a', 'a']) },
    expected('a', 'resource-metadata'),
  ],
  [
    'offline_access needs the refresh opt-in',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: NOT_REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'offline_access with the refresh opt-in',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a offline_access', 'challenge', 'added'),
  ],
  [
    'offline_access alone when nothing else was selected',
    { resourceMetadata: PRM([]), authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('offline_access', 'authorization-server', 'added'),
  ],
  [
    'granted scopes join even a 401 re-authorization',
    { previousScope: 'x', challengeScope: 'a' },
    expected('x a', 'challenge'),
  ],
  [
    'a step-up unions granted and challenged scopes',
    { challengeError: 'insufficient_scope', challengeScope: 'b', previousScope: 'a' },
    expected('a b', 'step-up-union'),
  ],
  [
    'a step-up without a challenge scope unions in every PRM scope',
    { challengeError: 'insufficient_scope', previousScope: 'a', resourceMetadata: PRM(['p']) },
    expected('a p', 'step-up-union'),
  ],
  [
    'an empty string in scopes_supported still sends the parameter',
    { resourceMetadata: PRM(['']) },
    expected('', 'resource-metadata'),
  ],
];

/** The go-sdk profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
