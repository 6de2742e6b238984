import type { DecisionStep, RuleNode, ScopeDecision, StepOutcome } from '../types.ts';

/** What a decision did at one node of its profile's rule; 'not-reached' when it has no step. */
export type NodeStatus = StepOutcome | 'not-reached';

/** One node of a profile's rule with what one decision did there. */
export interface PathNode {
  node: RuleNode;
  status: NodeStatus;
  /** Index into the decision's steps of the (last) step at this node; absent when not reached. */
  step?: number;
}

/** A profile's rule, in the profile's order, with the path one decision took through it. */
export interface DecisionPath {
  nodes: PathNode[];
  /**
   * The rule ids the decision visited, in the order of its steps. A client can visit its rule
   * out of the drawn order (C# unions the previous scope after choosing a tier), so a picture
   * draws the path from this list, not from the nodes' order.
   */
  visits: string[];
}

/** Which side of a comparison a node belongs to. */
export type NodeOrigin = 'both' | 'primary' | 'other';

/** One node of two overlaid rules: what each decision did there and whether they agree. */
export interface ComparedNode {
  /** The primary profile's node when it has one, else the other profile's. */
  node: RuleNode;
  /** The other profile's node for the same id, when it has one (its label may differ). */
  otherNode?: RuleNode;
  origin: NodeOrigin;
  primary: NodeStatus;
  other: NodeStatus;
  primaryStep?: number;
  otherStep?: number;
  /** The two decisions did different things here (a rule one profile lacks counts as not reached). */
  differs: boolean;
}

export interface PathComparison {
  /** The primary's nodes in its order, each node only the other has placed after its predecessor. */
  nodes: ComparedNode[];
  primaryVisits: string[];
  otherVisits: string[];
  /**
   * The first differing node along the primary's path (else along the other's): where a reader
   * sees the two clients part ways. Undefined when no node differs; two clients that visit the
   * same nodes with the same outcomes in another order take the same path.
   */
  partsAt?: string;
}

/** Where each rule id was last visited, and how. Later visits of the same node win. */
function visitsOf(
  steps: readonly DecisionStep[],
): Map<string, { status: StepOutcome; step: number }> {
  const visits = new Map<string, { status: StepOutcome; step: number }>();
  steps.forEach((step, index) => visits.set(step.rule, { status: step.outcome, step: index }));
  return visits;
}

/**
 * Steps whose rule id names a node of `rule`. Profiles only record steps of their own rule; the
 * filter keeps a picture honest if one ever does not, rather than drawing an edge to nowhere.
 */
function knownVisits(rule: readonly RuleNode[], steps: readonly DecisionStep[]): string[] {
  const ids = new Set(rule.map((node) => node.rule));
  return steps.map((step) => step.rule).filter((id) => ids.has(id));
}

/** Rule nodes with each id once, the first occurrence kept. */
function distinctNodes(rule: readonly RuleNode[]): RuleNode[] {
  const seen = new Set<string>();
  return rule.filter((node) => !seen.has(node.rule) && seen.add(node.rule));
}

/**
 * The path `decision` took through `rule`: every node with what the decision did there, and the
 * nodes it visited in order. Pure and total; the rule is the profile's own, never a copy.
 */
export function decisionPath(rule: readonly RuleNode[], decision: ScopeDecision): DecisionPath {
  const visits = visitsOf(decision.steps);
  const nodes = distinctNodes(rule).map((node): PathNode => {
    const visit = visits.get(node.rule);
    return visit
      ? { node, status: visit.status, step: visit.step }
      : { node, status: 'not-reached' };
  });
  return { nodes, visits: knownVisits(rule, decision.steps) };
}

/**
 * The primary rule's nodes, with each node only `other` has inserted right after the nearest
 * node before it in `other`'s rule that is already placed (at the start when there is none). Shared
 * nodes keep the primary's position, so the primary's picture does not move when an overlay is
 * chosen; only the other profile's extra nodes appear.
 */
function mergedOrder(primary: readonly RuleNode[], other: readonly RuleNode[]): string[] {
  const order = primary.map((node) => node.rule);
  let anchor = -1;
  for (const node of other) {
    const at = order.indexOf(node.rule);
    if (at >= 0) {
      anchor = at;
    } else {
      order.splice(anchor + 1, 0, node.rule);
      anchor += 1;
    }
  }
  return order;
}

/**
 * Overlays the path of a second decision on the first: one list of nodes from both rules, with
 * what each decision did at each, marked where they differ, and the rule where they part ways.
 */
export function comparePaths(
  primary: { rule: readonly RuleNode[]; decision: ScopeDecision },
  other: { rule: readonly RuleNode[]; decision: ScopeDecision },
): PathComparison {
  const primaryNodes = distinctNodes(primary.rule);
  const otherNodes = distinctNodes(other.rule);
  const primaryById = new Map(primaryNodes.map((node) => [node.rule, node]));
  const otherById = new Map(otherNodes.map((node) => [node.rule, node]));
  const primaryVisits = visitsOf(primary.decision.steps);
  const otherVisits = visitsOf(other.decision.steps);

  const nodes = mergedOrder(primaryNodes, otherNodes).map((id): ComparedNode => {
    const mine = primaryById.get(id);
    const theirs = otherById.get(id);
    const primaryVisit = mine ? primaryVisits.get(id) : undefined;
    const otherVisit = theirs ? otherVisits.get(id) : undefined;
    const primaryStatus: NodeStatus = primaryVisit?.status ?? 'not-reached';
    const otherStatus: NodeStatus = otherVisit?.status ?? 'not-reached';
    const compared: ComparedNode = {
      node: (mine ?? theirs) as RuleNode,
      origin: mine && theirs ? 'both' : mine ? 'primary' : 'other',
      primary: primaryStatus,
      other: otherStatus,
      differs: primaryStatus !== otherStatus,
    };
    if (mine && theirs) compared.otherNode = theirs;
    if (primaryVisit) compared.primaryStep = primaryVisit.step;
    if (otherVisit) compared.otherStep = otherVisit.step;
    return compared;
  });

  const comparison: PathComparison = {
    nodes,
    primaryVisits: knownVisits(primaryNodes, primary.decision.steps),
    otherVisits: knownVisits(otherNodes, other.decision.steps),
  };
  const differing = new Set(nodes.filter((node) => node.differs).map((node) => node.node.rule));
  const partsAt = [...comparison.primaryVisits, ...comparison.otherVisits].find((id) =>
    differing.has(id),
  );
  if (partsAt !== undefined) comparison.partsAt = partsAt;
  return comparison;
}
