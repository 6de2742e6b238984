import { describe, expect, it } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import { AS, AS_OFFLINE, CLIENT, outcome, PRM, REFRESHING } from './fixtures.ts';

type Expected = ReturnType<typeof outcome>;

const expected = (
  scope: string | undefined,
  source: Expected['source'],
  offlineAccess: Expected['offlineAccess'] = 'not-added',
  promptConsent = false,
): Expected => ({ scope, source, offlineAccess, promptConsent });

// node-oauth-client-provider.ts getEffectiveScope: static → startup challenge → PRM ([] = none)
// → AS ([] = none) → "openid email profile", written over the SDK 1.x URL scope; the SDK's own
// `scope || join || clientMetadata.scope` decides prompt=consent by substring.
const VECTORS: [string, ScopeInput, Expected][] = [
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

describe('profile mcp-remote', () => {
  it.each(VECTORS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'mcp-remote'))).toEqual(want);
  });

  it('explains the overwrite of the scope the SDK chose', () => {
    const decision = determineScope(
      { challengeScope: 'b', clientMetadata: CLIENT({ scope: 'cfg' }) },
      'mcp-remote',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'scope-overwrite');
    expect(step?.outcome).toBe('applied');
    expect(step?.detail).toContain('"b"');
    expect(step?.detail).toContain('"cfg"');
  });

  it('names the lost scope in the step-up deviation', () => {
    const decision = determineScope(
      { challengeError: 'insufficient_scope', challengeScope: 'admin', previousScope: 'read' },
      'mcp-remote',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'step-up');
    expect(step?.deviation).toContain('"admin"');
  });
});
