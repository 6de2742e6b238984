import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { AS, AS_OFFLINE, path, PRM, REFRESHING } from './fixtures.ts';

describe('profile vscode', () => {
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
