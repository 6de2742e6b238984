import { describe, expect, it } from 'vitest';
import { determineScope } from '../../src/index.ts';
import { CLIENT } from './fixtures.ts';

describe('profile mcp-remote', () => {
  it('explains the overwrite of the scope the SDK chose', () => {
    const decision = determineScope(
      { challengeScope: 'b', clientMetadata: CLIENT({ scope: 'cfg' }) },
      'mcp-remote',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'scope-overwrite');
    expect(step?.outcome).toBe('applied');
    expect(step?.detail).toContain('"b"');
    expect(step?.detail).toContain('"cfg"');
  });

  it('names the lost scope in the step-up deviation', () => {
    const decision = determineScope(
      { challengeError: 'insufficient_scope', challengeScope: 'admin', previousScope: 'read' },
      'mcp-remote',
    );
    const step = decision.steps.find((candidate) => candidate.rule === 'step-up');
    expect(step?.deviation).toContain('"admin"');
  });
});
