import { AS, AS_OFFLINE, CLIENT, NOT_REFRESHING, PRM } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// fastmcp client/auth/oauth.py on mcp 2.0.0: the Python SDK's selection, with grant_types fixed
// to authorization_code + refresh_token and the configured scopes= overwritten by the selection.
export const VECTORS: Vector[] = [
  [
    'the configured scopes= are overwritten by the PRM scopes',
    { clientMetadata: CLIENT({ scope: 'mine' }), resourceMetadata: PRM(['a']) },
    expected('a', 'resource-metadata'),
  ],
  [
    'the configured scopes= are lost when the server names none',
    { clientMetadata: CLIENT({ scope: 'mine' }) },
    expected(undefined, 'none'),
  ],
  [
    'always opts in to refresh, whatever grant_types say',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: NOT_REFRESHING },
    expected('a offline_access', 'challenge', 'added', true),
  ],
  [
    'an empty challenge scope stops the fallback and becomes " offline_access"',
    { challengeScope: '', resourceMetadata: PRM(['a']), authServerMetadata: AS_OFFLINE },
    expected(' offline_access', 'challenge', 'added', true),
  ],
  [
    'a PRM without scopes_supported asks for every AS scope',
    { resourceMetadata: PRM(), authServerMetadata: AS(['openid', 'admin']) },
    expected('openid admin', 'authorization-server'),
  ],
  [
    'an empty PRM list stops the fallback: no scope',
    { resourceMetadata: PRM([]), authServerMetadata: AS(['x']) },
    expected(undefined, 'none'),
  ],
  [
    'a step-up unions the previous scope with the new selection',
    { challengeError: 'insufficient_scope', challengeScope: 'b', previousScope: 'a' },
    expected('a b', 'step-up-union'),
  ],
];

/** The fastmcp profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
