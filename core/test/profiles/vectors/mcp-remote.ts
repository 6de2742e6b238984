import { AS, AS_OFFLINE, CLIENT, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// node-oauth-client-provider.ts getEffectiveScope: static → startup challenge → PRM ([] = none)
// → AS ([] = none) → "openid email profile", written over the SDK 1.x URL scope; the SDK's own
// `scope || join || clientMetadata.scope` decides prompt=consent by substring.
export const VECTORS: Vector[] = [
  [
    'the static client metadata scope wins over the challenge',
    { challengeScope: 'b', clientMetadata: CLIENT({ scope: 'cfg' }) },
    expected('cfg', 'client-metadata'),
  ],
  [
    'the challenge comes before the PRM',
    { challengeScope: 'b', resourceMetadata: PRM(['x']) },
    expected('b', 'challenge'),
  ],
  [
    'blank static and challenge scopes fall through to the PRM',
    {
      challengeScope: '  ',
      clientMetadata: CLIENT({ scope: ' ' }),
      resourceMetadata: PRM(['x', 'y']),
    },
    expected('x y', 'resource-metadata'),
  ],
  [
    'a PRM with scopes_supported: [] means no scope',
    { resourceMetadata: PRM([]), authServerMetadata: AS(['a']) },
    expected(undefined, 'none'),
  ],
  [
    'a PRM without scopes_supported asks for every AS scope',
    { resourceMetadata: PRM(), authServerMetadata: AS(['openid', 'admin']) },
    expected('openid admin', 'authorization-server'),
  ],
  [
    'an AS with scopes_supported: [] means no scope',
    { resourceMetadata: PRM(), authServerMetadata: AS([]) },
    expected(undefined, 'none'),
  ],
  [
    'with no scope anywhere it asks for openid email profile',
    { resourceMetadata: PRM(), authServerMetadata: AS() },
    expected('openid email profile', 'client-metadata'),
  ],
  [
    'never adds offline_access itself',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'prompt=consent follows a substring match, not a token',
    { resourceMetadata: PRM(['mcp:offline_access_logs']) },
    expected('mcp:offline_access_logs', 'resource-metadata', 'not-added', true),
  ],
  [
    'a step-up sends the startup scope again, losing the challenged one',
    {
      challengeError: 'insufficient_scope',
      challengeScope: 'admin',
      previousScope: 'read',
      resourceMetadata: PRM(['read']),
    },
    expected('read', 'client-metadata'),
  ],
  [
    'on a step-up the SDK still decides prompt=consent from the new challenge',
    {
      challengeError: 'insufficient_scope',
      challengeScope: 'x offline_access',
      previousScope: 'r',
    },
    expected('r', 'client-metadata', 'not-added', true),
  ],
];

/** The mcp-remote profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
