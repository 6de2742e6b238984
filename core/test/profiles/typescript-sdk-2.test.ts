import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { AS_OFFLINE, CLIENT, path, PRM, REFRESHING } from './fixtures.ts';
import { QUIRKS } from './vectors/typescript-sdk-2.ts';

describe('profile typescript-sdk-2', () => {
  it('reports the client-scope fallback as a deviation from the spec', () => {
    const decision = determineScope(
      { resourceMetadata: PRM([]), clientMetadata: CLIENT({ scope: 'mine' }) },
      'typescript-sdk-2',
    );
    expect(path(decision)).toEqual([
      'challenge-scope:skipped',
      'resource-scopes:skipped',
      'client-scope:used',
      'offline-access:not-applied',
      'prompt-consent:not-applied',
    ]);
    const deviations = decision.steps.filter((step) => step.deviation !== undefined);
    expect(deviations.map((step) => step.rule)).toEqual(['resource-scopes', 'client-scope']);
  });

  it('reports the duplicate offline_access that split(" ") causes', () => {
    const decision = determineScope(QUIRKS[5]![1], 'typescript-sdk-2');
    const step = decision.steps.find((candidate) => candidate.rule === 'offline-access');
    expect(step?.deviation).toMatch(/twice/);
  });

  it('warns that prompt=consent is appended next to a prompt the endpoint already has', () => {
    const decision = determineScope(
      {
        challengeScope: 'a',
        authServerMetadata: {
          ...AS_OFFLINE,
          authorization_endpoint: 'https://auth.example.com/authorize?prompt=login',
        },
        clientMetadata: REFRESHING,
      },
      'typescript-sdk-2',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'prompt-consent');
    expect(step?.outcome).toBe('applied');
    expect(step?.deviation).toMatch(/two prompt/);
  });
});
