import { describe, expect, it } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import { AS, AS_OFFLINE, CLIENT, outcome, path, PRM, REFRESHING } from './fixtures.ts';

type Expected = ReturnType<typeof outcome>;

const expected = (
  scope: string | undefined,
  source: Expected['source'],
  offlineAccess: Expected['offlineAccess'] = 'not-added',
): Expected => ({ scope, source, offlineAccess, promptConsent: false });

// extHostMcp.ts: challenge tokens ?? PRM scopes_supported (`??=`, so [] stays);
// mainThreadMcp.ts: ?? AS scopes_supported ?? []; the URL has `scope` only when non-empty.
const VECTORS: [string, ScopeInput, Expected][] = [
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

describe('profile vscode', () => {
  it.each(VECTORS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'vscode'))).toEqual(want);
  });

  it('flags the dropped previous scope and the missing offline_access as deviations', () => {
    const stepUp = determineScope(
      {
        challengeError: 'insufficient_scope',
        challengeScope: 'b',
        previousScope: 'a',
        authServerMetadata: AS_OFFLINE,
        clientMetadata: REFRESHING,
      },
      'vscode',
    );
    const deviating = stepUp.steps.filter((step) => step.deviation !== undefined);
    expect(deviating.map((step) => step.rule)).toEqual(['step-up', 'offline-access']);
  });

  it('takes the path challenge → PRM → AS when each is missing', () => {
    const decision = determineScope(
      { resourceMetadata: PRM(), authServerMetadata: AS(['x']) },
      'vscode',
    );
    expect(path(decision)).toEqual([
      'challenge-scope:skipped',
      'resource-scopes:skipped',
      'auth-server-scopes:used',
      'offline-access:not-applied',
      'prompt-consent:not-applied',
    ]);
  });
});
