import { CITES, type Cite } from '../cite.ts';
import type { RuleNode } from '../types.ts';
import { OFFLINE_ACCESS_RULE, OMIT, PROMPT_CONSENT, STEP_UP } from './rule-ids.ts';

// Constructors for the nodes of a profile's rule. Each kind of node has one id or one usual
// citation, so a profile's rule reads as its labels: `tierNode(CHALLENGE_SCOPE, 'Use it')`.
// A node keeps its literal id, which types the steps a profile's trace may record.

type Node<R extends string> = RuleNode & { readonly rule: R };

function node<R extends string>(rule: R, label: string, kind: RuleNode['kind'], cite: Cite) {
  return { rule, label, kind, cite } as const satisfies Node<R>;
}

/** A step-up rule: what the client asks for after a 403 insufficient_scope. */
export function stepUpNode(label: string, cite: Cite = CITES.stepUp) {
  return node(STEP_UP, label, 'step-up', cite);
}

/** A source of scope the client tries in turn (challenge, PRM, configured, AS…). */
export function tierNode<R extends string>(
  rule: R,
  label: string,
  cite: Cite = CITES.scopeSelection,
) {
  return node(rule, label, 'tier', cite);
}

/** A change the client makes to what it selected (union, sort, overwrite…). */
export function transformNode<R extends string>(rule: R, label: string, cite: Cite) {
  return node(rule, label, 'transform', cite);
}

/** The point where the client sends no scope parameter. */
export function omitNode(label: string, cite: Cite = CITES.scopeSelection) {
  return node(OMIT, label, 'omit', cite);
}

/** The client's offline_access rule (SEP-2207 or its own). */
export function offlineAccessNode(label: string, cite: Cite = CITES.refreshTokens) {
  return node(OFFLINE_ACCESS_RULE, label, 'offline-access', cite);
}

/** The client's prompt=consent rule. */
export function promptNode(label: string, cite: Cite = CITES.oidcOfflineAccess) {
  return node(PROMPT_CONSENT, label, 'prompt', cite);
}
