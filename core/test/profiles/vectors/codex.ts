import { AS, AS_OFFLINE, CLIENT, PRM } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// codex-mcp/src/mcp/auth.rs resolve_oauth_scopes: --scopes / configured → normalised AS list →
// nothing, handed to rmcp 3.x, which auto-selects (PRM, then AS) when given no scopes.
export const VECTORS: Vector[] = [
  [
    'ignores the challenge; with no AS list rmcp picks the PRM scopes',
    { challengeScope: 'a', resourceMetadata: PRM(['p']) },
    expected('p', 'resource-metadata'),
  ],
  [
    'asks for every AS scope, trimmed, without blanks or repeats, before the PRM',
    { resourceMetadata: PRM(['p']), authServerMetadata: AS([' b ', 'a', 'b', '']) },
    expected('b a', 'authorization-server'),
  ],
  [
    'configured scopes win',
    { clientMetadata: CLIENT({ scope: 'cfg' }), authServerMetadata: AS(['a']) },
    expected('cfg', 'client-metadata'),
  ],
  [
    'an explicitly empty configured list lets rmcp pick the PRM scopes',
    {
      clientMetadata: CLIENT({ scope: '' }),
      resourceMetadata: PRM(['p']),
      authServerMetadata: AS(['a']),
    },
    expected('p', 'resource-metadata'),
  ],
  [
    'offline_access from the AS list is already there',
    { authServerMetadata: AS_OFFLINE },
    expected('mcp:read mcp:write offline_access', 'authorization-server', 'already-present'),
  ],
  [
    'rmcp appends offline_access to configured scopes when the AS lists it',
    { clientMetadata: CLIENT({ scope: 'cfg' }), authServerMetadata: AS_OFFLINE },
    expected('cfg offline_access', 'client-metadata', 'added'),
  ],
  [
    'no automatic step-up: the same scopes as a first login',
    {
      challengeError: 'insufficient_scope',
      challengeScope: 'admin',
      previousScope: 'read',
      authServerMetadata: AS(['read']),
    },
    expected('read', 'authorization-server'),
  ],
  ['nothing anywhere, no scope', {}, expected(undefined, 'none')],
];

/** The codex profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
