import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { CLIENT, path } from './fixtures.ts';

describe('profile fastmcp', () => {
  it('reports its own steps before the Python SDK’s', () => {
    const decision = determineScope(
      { clientMetadata: CLIENT({ scope: 'mine' }), challengeScope: 'a' },
      'fastmcp',
    );
    expect(decision.profile).toBe('fastmcp');
    expect(path(decision).slice(0, 3)).toEqual([
      'client-scope:skipped',
      'refresh-grant:applied',
      'challenge-scope:used',
    ]);
  });
});
