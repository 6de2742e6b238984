import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';

describe('profile spring-ai-mcp-security', () => {
  it('records the ignored step-up without a scope as a deviation', () => {
    const decision = determineScope(
      { challengeError: 'insufficient_scope', previousScope: 'a' },
      'spring-ai-mcp-security',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'step-up');
    expect(step?.outcome).toBe('not-applied');
    expect(step?.deviation).toBeDefined();
  });
});
