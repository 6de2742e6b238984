import type { Profile, ProfileGroup, ProfileId, ScopeDecision } from '@mcp-auth-playground/core';
import { profilesByGroup, referenceProfile } from './profiles.ts';
import { OFFLINE_ACCESS_TEXT } from './words.ts';

export type Column = 'scope' | 'offlineAccess' | 'promptConsent';

const NONE: ReadonlySet<Column> = new Set();

/**
 * The one rule for a comparison cell's ≠: the columns in which a decision differs from the
 * reference profile's. Without a reference decision nothing can differ.
 */
export function differences(
  decision: ScopeDecision,
  reference: ScopeDecision | undefined,
): ReadonlySet<Column> {
  const differs = new Set<Column>();
  if (!reference) return differs;
  if (decision.scope !== reference.scope) differs.add('scope');
  if (decision.offlineAccess !== reference.offlineAccess) differs.add('offlineAccess');
  if (decision.promptConsent !== reference.promptConsent) differs.add('promptConsent');
  return differs;
}

/** One profile's row of the comparison table. */
export interface ComparisonRow {
  profile: Profile;
  decision: ScopeDecision;
  /** The reference profile's own row, which the others are compared with and never differs. */
  isReference: boolean;
  /** The profile the playground is set to. */
  selected: boolean;
  differs: ReadonlySet<Column>;
  offlineAccessText: string;
  promptConsentText: string;
}

export interface ComparisonGroup {
  group: ProfileGroup;
  title: string;
  rows: ComparisonRow[];
}

export interface Comparison {
  reference: Profile | undefined;
  groups: ComparisonGroup[];
  /** How many profiles other than the reference decide exactly as it does. */
  agreeing: number;
}

/** The comparison table's rows: grouped as the profiles are, the reference first in its group. */
export function comparisonRows(
  comparison: readonly ScopeDecision[],
  selected: ProfileId,
): Comparison {
  const reference = referenceProfile();
  const referenceDecision = comparison.find((decision) => decision.profile === reference?.id);
  const byProfile = new Map(comparison.map((decision) => [decision.profile, decision]));
  const groups = profilesByGroup().map(({ group, title, profiles }) => ({
    group,
    title,
    // The reference row leads, so every other row reads as a comparison with the one above.
    rows: [...profiles]
      .sort((a, b) => Number(b.id === reference?.id) - Number(a.id === reference?.id))
      .flatMap((profile): ComparisonRow[] => {
        const decision = byProfile.get(profile.id);
        if (!decision) return [];
        const isReference = profile.id === reference?.id;
        return [
          {
            profile,
            decision,
            isReference,
            selected: profile.id === selected,
            differs: isReference ? NONE : differences(decision, referenceDecision),
            offlineAccessText: OFFLINE_ACCESS_TEXT[decision.offlineAccess],
            promptConsentText: decision.promptConsent ? 'Sent' : 'Not sent',
          },
        ];
      }),
  }));
  const agreeing = comparison.filter(
    (decision) =>
      decision.profile !== reference?.id && differences(decision, referenceDecision).size === 0,
  ).length;
  return { reference, groups, agreeing };
}

/** How many clients decide otherwise than the reference profile (the spec) in any column. */
export function differingCount(comparison: readonly ScopeDecision[]): number {
  const referenceId = referenceProfile()?.id;
  const reference = comparison.find((decision) => decision.profile === referenceId);
  return comparison.filter(
    (decision) => decision.profile !== referenceId && differences(decision, reference).size > 0,
  ).length;
}
