import type { ScopeDecision } from '@mcp-auth-playground/core';
import { referenceProfile } from './profiles.ts';

export type Column = 'scope' | 'offlineAccess' | 'promptConsent';

/** The columns in which a decision differs from the reference profile's. */
export function differences(
  decision: ScopeDecision,
  reference: ScopeDecision | undefined,
): Set<Column> {
  const differs = new Set<Column>();
  if (!reference) return differs;
  if (decision.scope !== reference.scope) differs.add('scope');
  if (decision.offlineAccess !== reference.offlineAccess) differs.add('offlineAccess');
  if (decision.promptConsent !== reference.promptConsent) differs.add('promptConsent');
  return differs;
}

/** How many clients decide otherwise than the reference profile (the spec) in any column. */
export function differingCount(comparison: readonly ScopeDecision[]): number {
  const referenceId = referenceProfile()?.id;
  const reference = comparison.find((decision) => decision.profile === referenceId);
  return comparison.filter(
    (decision) => decision.profile !== referenceId && differences(decision, reference).size > 0,
  ).length;
}
