import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';

describe('profile codex', () => {
  it('reports the ignored challenge as a deviation', () => {
    const decision = determineScope({ challengeScope: 'a' }, 'codex');
    const challenge = decision.steps.find((step) => step.rule === 'challenge-scope');
    expect(challenge?.outcome).toBe('skipped');
    expect(challenge?.deviation).toBeDefined();
  });
});
