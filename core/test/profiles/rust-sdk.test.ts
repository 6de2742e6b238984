import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { PRM } from './fixtures.ts';

describe('profile rust-sdk', () => {
  it('says the PRM scopes joining the challenge depart from the spec', () => {
    const decision = determineScope(
      { challengeScope: 'b', resourceMetadata: PRM(['c']) },
      'rust-sdk',
    );
    const prm = decision.steps.find((step) => step.rule === 'resource-scopes');
    expect(prm?.outcome).toBe('used');
    expect(prm?.deviation).toMatch(/challenge's scope alone/);
  });
});
