import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { EMPTY_VALUES } from './vectors/python-sdk.ts';

describe('profile python-sdk', () => {
  it('reports the leading space and the AS fallback as deviations', () => {
    const leading = determineScope(EMPTY_VALUES[1]![1], 'python-sdk');
    expect(leading.steps.map((step) => step.deviation).filter(Boolean)).toEqual([
      expect.stringMatching(/not provided/),
      expect.stringMatching(/leading space/),
    ]);
    const fallback = determineScope(EMPTY_VALUES[3]![1], 'python-sdk');
    const step = fallback.steps.find((candidate) => candidate.rule === 'auth-server-scopes');
    expect(step?.outcome).toBe('used');
    expect(step?.deviation).toMatch(/no such source/);
  });
});
