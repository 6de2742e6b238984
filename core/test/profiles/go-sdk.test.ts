import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { AS_OFFLINE, path, REFRESHING } from './fixtures.ts';

describe('profile go-sdk', () => {
  it('warns that the order of two or more scopes changes between runs', () => {
    const decision = determineScope({ challengeScope: 'a b' }, 'go-sdk');
    expect(path(decision)).toContain('unordered-set:applied');
    const single = determineScope({ challengeScope: 'a' }, 'go-sdk');
    expect(path(single)).not.toContain('unordered-set:applied');
  });

  it('flags offline_access alone as a deviation', () => {
    const decision = determineScope(
      { authServerMetadata: AS_OFFLINE, clientMetadata: REFRESHING },
      'go-sdk',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'offline-access');
    expect(step?.deviation).toMatch(/sends it alone/);
  });
});
