import { AS, AS_OFFLINE, CLIENT, PRM, REFRESHING } from '../fixtures.ts';
import { expecting, type Vector } from './expect.ts';

const expected = expecting('never');

// DefaultMcpOAuth2ClientManager.updateScopes: configured → challenge → PRM, fixed at
// registration; ScopeStepUpMcpOAuth2ClientManager: add the challenged scopes the registration lacks.
export const VECTORS: Vector[] = [
  [
    'the configured registration scope wins over the challenge',
    { challengeScope: 'b', clientMetadata: CLIENT({ scope: 'cfg' }) },
    expected('cfg', 'client-metadata'),
  ],
  [
    'the challenge comes before the PRM',
    { challengeScope: 'b', resourceMetadata: PRM(['x']) },
    expected('b', 'challenge'),
  ],
  [
    'a challenge without text falls through to the PRM',
    { challengeScope: '  ', resourceMetadata: PRM(['x', 'y']) },
    expected('x y', 'resource-metadata'),
  ],
  [
    'an empty PRM list gives no scope; the AS is never asked',
    { resourceMetadata: PRM([]), authServerMetadata: AS(['a']) },
    expected(undefined, 'none'),
  ],
  [
    'never adds offline_access',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'a registered client reuses its scopes on a 401, ignoring the new challenge',
    { previousScope: 'old', challengeScope: 'new' },
    expected('old', 'client-metadata'),
  ],
  [
    'a step-up adds the missing challenged scopes after the registered ones',
    { challengeError: 'insufficient_scope', challengeScope: 'b c', previousScope: 'a b' },
    expected('a b c', 'step-up-union'),
  ],
  [
    'a step-up whose scopes are all registered changes nothing',
    { challengeError: 'insufficient_scope', challengeScope: 'a', previousScope: 'a b' },
    expected('a b', 'client-metadata'),
  ],
  [
    'a step-up challenge without a scope changes nothing',
    { challengeError: 'insufficient_scope', previousScope: 'a' },
    expected('a', 'client-metadata'),
  ],
  [
    'splits on single spaces, as Java does, keeping the empty piece between two',
    { challengeScope: 'a  b' },
    expected('a  b', 'challenge'),
  ],
];

/** The spring-ai-mcp-security profile's vectors, in the order they run. */
export const vectors: readonly Vector[] = [...VECTORS];
