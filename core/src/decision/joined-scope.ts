import type { ScopeDecision } from '../types.ts';
import { hasOnlyToken, listsHoldOnlyToken, type JoinedParts } from '../text/scope-fast.ts';

// A profile that joins its scope from a list can say so, and then the lint answers its
// questions about that scope from the list. A joined megabyte scope is a concatenation that V8
// copies into one piece the first time any character of it is read; the lint asks about every
// client's scope, and for a scope that nothing else reads that copy would be its whole cost.

const PARTS = new WeakMap<ScopeDecision, JoinedParts>();

/**
 * Records that `decision.scope` is exactly the text of `parts` (see JoinedParts), and returns
 * the decision. A decision without a scope records nothing.
 */
export function withJoinedParts<D extends ScopeDecision>(decision: D, parts: JoinedParts): D {
  if (decision.scope !== undefined) PARTS.set(decision, parts);
  return decision;
}

/** The parts `decision.scope` was joined from, when its profile recorded them. */
export function joinedPartsOf(decision: ScopeDecision): JoinedParts | undefined {
  return PARTS.get(decision);
}

/** `hasOnlyToken(decision.scope, token)`, from the recorded parts when there are any. */
export function scopeHasOnlyToken(decision: ScopeDecision, token: string): boolean {
  const parts = PARTS.get(decision);
  if (parts === undefined) return hasOnlyToken(decision.scope, token);
  const appended = parts.appended === undefined ? [] : [parts.appended];
  return listsHoldOnlyToken(token, parts.entries, appended);
}
