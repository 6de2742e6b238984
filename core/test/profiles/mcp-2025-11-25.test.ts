import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { path } from './fixtures.ts';

describe('profile mcp-2025-11-25', () => {
  it('cites the 2025-11-25 revision for its tiers', () => {
    const decision = determineScope({ challengeScope: 'a' }, 'mcp-2025-11-25');
    expect(decision.steps[0]?.cite.url).toContain('2025-11-25');
    expect(path(decision)).toEqual([
      'challenge-scope:used',
      'offline-access:not-applied',
      'prompt-consent:not-applied',
    ]);
  });
});
