import { describe, expect, it } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import { AS, AS_OFFLINE, CLIENT, outcome, PRM } from './fixtures.ts';

type Expected = ReturnType<typeof outcome>;

const expected = (
  scope: string | undefined,
  source: Expected['source'],
  offlineAccess: Expected['offlineAccess'] = 'not-added',
): Expected => ({ scope, source, offlineAccess, promptConsent: false });

// codex-mcp/src/mcp/auth.rs resolve_oauth_scopes: --scopes / configured → normalised AS list →
// nothing, handed to rmcp 3.x, which auto-selects (PRM, then AS) when given no scopes.
const VECTORS: [string, ScopeInput, Expected][] = [
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

describe('profile codex', () => {
  it.each(VECTORS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'codex'))).toEqual(want);
  });

  it('reports the ignored challenge as a deviation', () => {
    const decision = determineScope({ challengeScope: 'a' }, 'codex');
    const challenge = decision.steps.find((step) => step.rule === 'challenge-scope');
    expect(challenge?.outcome).toBe('skipped');
    expect(challenge?.deviation).toBeDefined();
  });
});
