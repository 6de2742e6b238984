import { PROFILES, type ScopeDecision } from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { traceRows } from '../../src/shared/trace-rows.ts';

const cite = { url: 'https://example.com/spec#scope', title: 'The spec, scope selection' };

const decision: ScopeDecision = {
  profile: 'mcp-2025-11-25',
  scope: 'files:read',
  source: 'challenge',
  offlineAccess: 'not-added',
  promptConsent: false,
  steps: [
    { rule: 'challenge-scope', outcome: 'used', detail: 'The `scope` was used.', cite },
    {
      rule: 'not-a-rule-of-any-profile',
      outcome: 'not-applied',
      detail: 'Nothing happened.',
      cite,
      deviation: 'The spec would add it.',
    },
    { rule: 'challenge-scope', outcome: 'skipped', detail: 'Again.', cite },
  ],
};

describe('the trace rows', () => {
  const profile = PROFILES.find((candidate) => candidate.id === 'mcp-2025-11-25');

  it('has one row per step, in order, with keys that stay apart when a rule repeats', () => {
    const rows = traceRows(decision, profile);
    expect(rows.map((row) => row.key)).toEqual([
      '0:challenge-scope',
      '1:not-a-rule-of-any-profile',
      '2:challenge-scope',
    ]);
  });

  it('says each outcome in words and with its icon', () => {
    const rows = traceRows(decision, profile);
    expect(rows.map((row) => [row.outcome, row.icon, row.outcomeText])).toEqual([
      ['used', '✓', 'Used'],
      ['not-applied', '–', 'Not applied'],
      ['skipped', '–', 'Skipped'],
    ]);
  });

  it("names a rule by the profile's label, or by its id when the profile has no such node", () => {
    const label = profile?.rule.find((node) => node.rule === 'challenge-scope')?.label;
    expect(label).toBeDefined();
    const rows = traceRows(decision, profile);
    expect(rows[0]?.ruleText).toBe(label);
    expect(rows[1]?.ruleText).toBe('not-a-rule-of-any-profile');
    expect(traceRows(decision, undefined)[0]?.ruleText).toBe('challenge-scope');
  });

  it('keeps the detail, the deviation and the citation as core gave them', () => {
    const [first, second] = traceRows(decision, profile);
    expect(first?.detail).toBe('The `scope` was used.');
    expect(first?.deviation).toBeUndefined();
    expect(second?.deviation).toBe('The spec would add it.');
    expect(second?.cite).toEqual(cite);
  });
});
