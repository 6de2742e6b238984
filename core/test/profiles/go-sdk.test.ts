import { describe, expect, it } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import {
  AS,
  AS_OFFLINE,
  CLIENT,
  NOT_REFRESHING,
  outcome,
  path,
  PRM,
  REFRESHING,
} from './fixtures.ts';

type Expected = ReturnType<typeof outcome>;

const expected = (
  scope: string | undefined,
  source: Expected['source'],
  offlineAccess: Expected['offlineAccess'] = 'not-added',
): Expected => ({ scope, source, offlineAccess, promptConsent: false });

// authorization_code.go: challenge (strings.Fields) → PRM → nothing; offline_access with
// RequestRefreshToken (even alone); UnionScopes(granted, requested) through a map.
const VECTORS: [string, ScopeInput, Expected][] = [
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

describe('profile go-sdk', () => {
  it.each(VECTORS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'go-sdk'))).toEqual(want);
  });

  it('warns that the order of two or more scopes changes between runs', () => {
    const decision = determineScope({ challengeScope: 'a b' }, 'go-sdk');
    expect(path(decision)).toContain('unordered-set:applied');
    const single = determineScope({ challengeScope: 'a' }, 'go-sdk');
    expect(path(single)).not.toContain('unordered-set:applied');
  });

  it('flags offline_access alone as a deviation', () => {
    const decision = determineScope(
      { authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
      'go-sdk',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'offline-access');
    expect(step?.deviation).toMatch(/sends it alone/);
  });
});
