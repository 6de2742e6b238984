import type { ScopeDecision } from '../types.ts';
import type { DecisionDocuments, FieldRead } from './read-documents.ts';
import type { OFFLINE_ACCESS_RULE } from './rule-ids.ts';
import type { Trace } from './trace.ts';

export const OFFLINE_ACCESS = 'offline_access';
export const REFRESH_TOKEN = 'refresh_token';

/**
 * The four conditions under which a client following SEP-2207 adds `offline_access`. Each
 * profile judges them its own way (token-wise, `split(" ")`, `is not None`, a default for
 * `grant_types`) and hands the verdicts here to be explained the same way everywhere.
 */
export interface OfflineAccessConditions {
  scopeSelected: boolean;
  authServerLists: boolean;
  clientRefreshes: boolean;
  alreadyPresent: boolean;
}

export function listIncludes(read: FieldRead<string[]>, value: string): boolean {
  return read.state === 'present' && read.value.includes(value);
}

export function offlineAccessOutcome(
  conditions: OfflineAccessConditions,
): ScopeDecision['offlineAccess'] {
  if (conditions.alreadyPresent) return 'already-present';
  const { scopeSelected, authServerLists, clientRefreshes } = conditions;
  return scopeSelected && authServerLists && clientRefreshes ? 'added' : 'not-added';
}

/** Why offline_access was not added, as one clause listing each condition that failed. */
export function unmetConditions(
  conditions: OfflineAccessConditions,
  documents: DecisionDocuments,
): string {
  const reasons: string[] = [];
  if (!conditions.scopeSelected) reasons.push('no scope was selected to add it to');
  if (!conditions.authServerLists) {
    const read = documents.authServerScopes;
    reasons.push(
      read.state === 'no-document'
        ? 'there is no authorization server metadata to say it supports offline_access'
        : read.state === 'present'
          ? 'the authorization server does not list offline_access in `scopes_supported`'
          : 'the authorization server metadata has no usable `scopes_supported`',
    );
  }
  if (!conditions.clientRefreshes) {
    const read = documents.grantTypes;
    reasons.push(
      read.state === 'present'
        ? "the client's `grant_types` do not include refresh_token"
        : read.state === 'no-document'
          ? 'there is no client metadata declaring the refresh_token grant'
          : 'the client metadata has no usable `grant_types`, so it does not declare the refresh_token grant',
    );
  }
  return joinReasons(reasons);
}

/**
 * The offline_access step when nothing is appended, in the same words for every client: already
 * there (`holder` names what has it, e.g. 'The selection'), or not added and which conditions
 * failed. A profile words the 'added' step itself, since what it appends to differs.
 */
export function recordOfflineAccessKept<R extends string>(
  trace: Trace<R | typeof OFFLINE_ACCESS_RULE>,
  outcome: 'already-present' | 'not-added',
  conditions: OfflineAccessConditions,
  documents: DecisionDocuments,
  holder: string,
): void {
  trace.notApplied(
    'offline-access',
    outcome === 'already-present'
      ? `${holder} already has offline_access, so it is not added again.`
      : `offline_access is not added, because ${unmetConditions(conditions, documents)}.`,
  );
}

/** The detail of an offline_access step whose outcome was 'added'; `shown` is the new scope, shown. */
export function addedDetail(shown: string): string {
  return `Appended offline_access, giving ${shown}: a scope was selected, the authorization server lists offline_access, the client's grant_types include refresh_token, and the scope did not have it yet.`;
}

function joinReasons(reasons: readonly string[]): string {
  if (reasons.length <= 1) return reasons[0] ?? '';
  return `${reasons.slice(0, -1).join(', ')} and ${reasons[reasons.length - 1]}`;
}
