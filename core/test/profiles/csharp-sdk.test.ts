import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';

describe('profile csharp-sdk', () => {
  it('marks a reordering as a deviation only when the order changed', () => {
    const sorted = determineScope({ challengeScope: 'a b' }, 'csharp-sdk');
    const reordered = determineScope({ challengeScope: 'b a' }, 'csharp-sdk');
    const step = (decision: typeof sorted) =>
      decision.steps.find((candidate) => candidate.rule === 'sort-ordinal');
    expect(step(sorted)?.deviation).toBeUndefined();
    expect(step(reordered)?.deviation).toBeDefined();
  });
});
