import {
  DEFAULT_PRESET,
  PRESETS,
  PROFILES,
  evaluateScenario,
  type ScopeDecision,
} from '@mcp-auth-playground/core';
import { describe, expect, it } from 'vitest';
import { comparisonRows, differences, differingCount } from '../../src/shared/comparison-rows.ts';
import { referenceProfile } from '../../src/shared/profiles.ts';

function decision(overrides: Partial<ScopeDecision> = {}): ScopeDecision {
  return {
    profile: 'mcp-2025-11-25',
    scope: 'files:read',
    source: 'challenge',
    offlineAccess: 'not-added',
    promptConsent: false,
    steps: [],
    ...overrides,
  };
}

describe('the differs rule', () => {
  it('marks nothing when the decision agrees with the reference', () => {
    expect([...differences(decision(), decision())]).toEqual([]);
  });

  it('marks each column that differs, and only those', () => {
    const reference = decision();
    expect([...differences(decision({ scope: 'files:write' }), reference)]).toEqual(['scope']);
    expect([...differences(decision({ offlineAccess: 'added' }), reference)]).toEqual([
      'offlineAccess',
    ]);
    expect([...differences(decision({ promptConsent: true }), reference)]).toEqual([
      'promptConsent',
    ]);
    expect([
      ...differences(
        decision({ scope: undefined, offlineAccess: 'already-present', promptConsent: true }),
        reference,
      ),
    ]).toEqual(['scope', 'offlineAccess', 'promptConsent']);
  });

  it('tells an omitted scope from an empty one', () => {
    expect(differences(decision({ scope: '' }), decision({ scope: undefined })).has('scope')).toBe(
      true,
    );
  });

  it('ignores where the scope came from and the steps', () => {
    const other = decision({ source: 'resource-metadata', steps: decision().steps.concat() });
    expect(differences(other, decision()).size).toBe(0);
  });

  it('marks nothing without a reference decision', () => {
    expect(differences(decision({ scope: 'other' }), undefined).size).toBe(0);
  });
});

describe('the comparison rows', () => {
  const evaluation = evaluateScenario(DEFAULT_PRESET.scenario);
  const reference = referenceProfile();

  it('has one row per profile, grouped, the reference first in its group', () => {
    const { groups, reference: shownReference } = comparisonRows(
      evaluation.comparison,
      evaluation.profile,
    );
    expect(shownReference?.id).toBe(reference?.id);
    const rows = groups.flatMap((group) => group.rows);
    expect(rows.map((row) => row.profile.id).sort()).toEqual(
      PROFILES.map((profile) => profile.id).sort(),
    );
    const specGroup = groups.find((group) => group.group === 'spec');
    expect(specGroup?.rows[0]?.isReference).toBe(true);
    expect(rows.filter((row) => row.isReference)).toHaveLength(1);
    expect(rows.filter((row) => row.selected).map((row) => row.profile.id)).toEqual([
      evaluation.profile,
    ]);
  });

  it('flags each row with the same rule, never the reference row', () => {
    // A preset where clients disagree, so some rows differ and some may not.
    const scenario = PRESETS.find((preset) => preset.id === 'vscode-every-as-scope')?.scenario;
    if (!scenario) throw new Error('preset missing');
    const { comparison, profile } = evaluateScenario(scenario);
    const referenceDecision = comparison.find((entry) => entry.profile === reference?.id);
    const { groups, agreeing } = comparisonRows(comparison, profile);
    const rows = groups.flatMap((group) => group.rows);
    for (const row of rows) {
      const expected = row.isReference ? [] : [...differences(row.decision, referenceDecision)];
      expect([...row.differs], row.profile.id).toEqual(expected);
    }
    expect(rows.some((row) => row.differs.size > 0)).toBe(true);
    const differing = rows.filter((row) => !row.isReference && row.differs.size > 0).length;
    expect(differing).toBe(differingCount(comparison));
    expect(agreeing).toBe(rows.length - 1 - differing);
  });

  it('says offline_access and prompt=consent in words', () => {
    if (!reference) throw new Error('no reference profile');
    const rows = comparisonRows(
      [decision({ profile: reference.id, offlineAccess: 'added', promptConsent: true })],
      'mcp-2025-11-25',
    ).groups.flatMap((group) => group.rows);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.offlineAccessText).toBe('Added, to ask for a refresh token');
    expect(rows[0]?.promptConsentText).toBe('Sent');
  });
});
