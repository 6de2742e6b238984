import { AS, AS_OFFLINE, CLIENT, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// extHostMcp.ts: challenge tokens ?? PRM scopes_supported (`??=`, so [] stays);
// mainThreadMcp.ts: ?? AS scopes_supported ?? []; the URL has `scope` only when non-empty.
export const VECTORS: Vector[] = [
  [
    'the challenge tokens win, split on spaces with blanks dropped',
    { challengeScope: 'files:read  files:write', resourceMetadata: PRM(['other']) },
    expected('files:read files:write', 'challenge'),
  ],
  [
    'a blank challenge scope falls through to the PRM',
    { challengeScope: '   ', resourceMetadata: PRM(['a', 'b']) },
    expected('a b', 'resource-metadata'),
  ],
  [
    'a PRM with scopes_supported: [] ends the search: no scope, the AS is not asked',
    { resourceMetadata: PRM([]), authServerMetadata: AS(['a', 'b']) },
    expected(undefined, 'none'),
  ],
  [
    'a PRM without scopes_supported asks for every AS scope',
    { resourceMetadata: PRM(), authServerMetadata: AS(['openid', 'admin']) },
    expected('openid admin', 'authorization-server'),
  ],
  [
    'an AS with scopes_supported: [] gives no scope',
    { resourceMetadata: PRM(), authServerMetadata: AS([]) },
    expected(undefined, 'none'),
  ],
  [
    'the configured scope plays no part',
    { clientMetadata: CLIENT({ scope: 'mine' }) },
    expected(undefined, 'none'),
  ],
  [
    'never adds offline_access, even when SEP-2207 would',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'offline_access from the AS list stays, without prompt=consent',
    { resourceMetadata: PRM(), authServerMetadata: AS_OFFLINE },
    expected('mcp:read mcp:write offline_access', 'authorization-server', 'already-present'),
  ],
  [
    'a step-up replaces the previous scope with the challenge',
    { challengeError: 'insufficient_scope', challengeScope: 'b', previousScope: 'a' },
    expected('b', 'challenge'),
  ],
  [
    'a step-up challenge without a scope resets to the PRM scopes',
    {
      challengeError: 'insufficient_scope',
      previousScope: 'a',
      resourceMetadata: PRM(['x']),
    },
    expected('x', 'resource-metadata'),
  ],
];

/** The vscode profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
