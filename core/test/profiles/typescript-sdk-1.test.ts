import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { VECTORS } from './vectors/typescript-sdk-1.ts';

describe('profile typescript-sdk-1', () => {
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
