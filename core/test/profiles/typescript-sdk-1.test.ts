import { describe, expect, it } from 'vitest';
import { determineScope, type ScopeInput } from '../../src/index.ts';
import { AS_OFFLINE, CLIENT, outcome, PRM, REFRESHING } from './fixtures.ts';

type Expected = ReturnType<typeof outcome>;

const expected = (
  scope: string | undefined,
  source: Expected['source'],
  offlineAccess: Expected['offlineAccess'] = 'not-added',
  promptConsent = false,
): Expected => ({ scope, source, offlineAccess, promptConsent });

// `scope || scopes_supported.join(' ') || clientMetadata.scope`, no SEP-2207, and
// `prompt=consent` when the scope string contains "offline_access" anywhere.
const VECTORS: [string, ScopeInput, Expected][] = [
  [
    'the challenge scope is used as it is',
    { challengeScope: 'a  a', resourceMetadata: PRM(['b']) },
    expected('a  a', 'challenge'),
  ],
  [
    'PRM scopes when the challenge has none',
    { resourceMetadata: PRM(['a', 'b']) },
    expected('a b', 'resource-metadata'),
  ],
  [
    "the client's scope when PRM scopes_supported is empty",
    { resourceMetadata: PRM([]), clientMetadata: CLIENT({ scope: 'mine' }) },
    expected('mine', 'client-metadata'),
  ],
  ['nothing at all: no scope', {}, expected(undefined, 'none')],
  [
    'never adds offline_access, even when all four conditions hold',
    { challengeScope: 'a', authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
    expected('a', 'challenge'),
  ],
  [
    'offline_access the server asked for gets prompt=consent',
    { challengeScope: 'a offline_access' },
    expected('a offline_access', 'challenge', 'already-present', true),
  ],
  [
    'a token merely containing offline_access also gets prompt=consent',
    { challengeScope: 'read:offline_access_logs' },
    expected('read:offline_access_logs', 'challenge', 'not-added', true),
  ],
];

describe('profile typescript-sdk-1', () => {
  it.each(VECTORS)('%s', (_name, input, want) => {
    expect(outcome(determineScope(input, 'typescript-sdk-1'))).toEqual(want);
  });

  it('reports the substring prompt test as a deviation', () => {
    const decision = determineScope(VECTORS[6]![1], 'typescript-sdk-1');
    const step = decision.steps.find((candidate) => candidate.rule === 'prompt-consent');
    expect(step?.outcome).toBe('applied');
    expect(step?.deviation).toMatch(/string/);
  });

  it('adds no deviation to a prompt for a real offline_access token', () => {
    const decision = determineScope(VECTORS[5]![1], 'typescript-sdk-1');
    const step = decision.steps.find((candidate) => candidate.rule === 'prompt-consent');
    expect(step?.deviation).toBeUndefined();
  });
});
