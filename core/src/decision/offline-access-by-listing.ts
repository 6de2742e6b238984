import { showJoined } from '../text/describe.ts';
import {
  listIncludes,
  OFFLINE_ACCESS,
  offlineAccessOutcome,
  REFRESH_TOKEN,
  recordOfflineAccessKept,
  type OfflineAccessConditions,
} from './offline-access.ts';
import type { DecisionDocuments } from './read-documents.ts';
import type { OFFLINE_ACCESS_RULE } from './rule-ids.ts';
import { includesEntry, type JoinedParts } from '../text/scope-fast.ts';
import type { Trace } from './trace.ts';
import type { ScopeDecision } from '../types.ts';

/** How a client's own offline_access rule differs from SEP-2207's four conditions. */
export interface ListingRule {
  /** True when the client adds it only if it opted in to refresh tokens (`grant_types`). */
  requiresOptIn: boolean;
  /** True when the client adds it even to an empty selection, sending it alone. */
  evenWhenEmpty: boolean;
  /** Why the client's `grant_types` setting does not matter to it, when it does not. */
  whyNoOptIn?: string;
}

export interface ListingResult {
  /**
   * The selection with offline_access appended when added, as the parts of its text, which the
   * finish step joins. Copying a 1 MB token list per profile just to append a token to it would
   * be the cost.
   */
  parts: JoinedParts;
  outcome: ScopeDecision['offlineAccess'];
}

/**
 * offline_access for the SDKs that add it whenever the authorization server lists it (rmcp,
 * C#, Go, Codex through rmcp): each judges "a scope was selected" and "the client wants refresh
 * tokens" its own way, and says so with a deviation where SEP-2207 would decide differently.
 */
export function appendOfflineAccessIfListed<R extends string>(
  trace: Trace<R | typeof OFFLINE_ACCESS_RULE>,
  tokens: readonly string[],
  documents: DecisionDocuments,
  rule: ListingRule,
): ListingResult {
  const optedIn = listIncludes(documents.grantTypes, REFRESH_TOKEN);
  const conditions: OfflineAccessConditions = {
    scopeSelected: rule.evenWhenEmpty || tokens.length > 0,
    authServerLists: listIncludes(documents.authServerScopes, OFFLINE_ACCESS),
    clientRefreshes: rule.requiresOptIn ? optedIn : true,
    alreadyPresent: includesEntry(tokens, OFFLINE_ACCESS),
  };
  const outcome = offlineAccessOutcome(conditions);
  if (outcome !== 'added') {
    recordOfflineAccessKept(trace, outcome, conditions, documents, 'The selection');
    return { parts: { entries: tokens }, outcome };
  }

  const parts: JoinedParts =
    tokens.length === 0
      ? { entries: [OFFLINE_ACCESS] }
      : { entries: tokens, appended: OFFLINE_ACCESS };
  const deviations: string[] = [];
  if (tokens.length === 0) {
    deviations.push(
      'SEP-2207 adds offline_access to a scope that was selected; this client sends it alone, asking for a refresh token and none of the MCP server’s scopes.',
    );
  }
  if (!rule.requiresOptIn && !optedIn) {
    deviations.push(
      `SEP-2207 adds offline_access for a client that declares the refresh_token grant; this client adds it whenever the authorization server lists it${rule.whyNoOptIn ? ` (${rule.whyNoOptIn})` : ''}.`,
    );
  }
  const why = rule.requiresOptIn
    ? 'the client opted in to refresh tokens (its `grant_types` include refresh_token) and the authorization server lists offline_access'
    : 'the authorization server lists offline_access, which is all this client checks';
  trace.applied(
    'offline-access',
    `Appended offline_access, giving ${showJoined(tokens, OFFLINE_ACCESS)}: ${why}.`,
    deviations.length > 0 ? deviations.join(' ') : undefined,
  );
  return { parts, outcome };
}
