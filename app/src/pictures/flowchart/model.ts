import {
  comparePaths,
  decisionPath,
  type Cite,
  type NodeOrigin,
  type NodeStatus,
  type Profile,
  type RuleNode,
  type ScopeDecision,
} from '@mcp-auth-playground/core';

/** One drawn node: a rule node of the profile (or of the compared one) and what each did there. */
export interface ChartNode {
  id: string;
  label: string;
  kind: RuleNode['kind'];
  cite: Cite;
  origin: NodeOrigin;
  status: NodeStatus;
  /** Index of the decision's step at this node; the trace numbers it `step + 1`. */
  step?: number;
  other?: NodeStatus;
  otherStep?: number;
  /** The compared profile's own label for this node, when it words it differently. */
  otherLabel?: string;
  differs: boolean;
}

export interface FlowchartModel {
  title: string;
  otherTitle?: string;
  nodes: ChartNode[];
  visits: string[];
  otherVisits?: string[];
  partsAt?: string;
}

export interface DecidedProfile {
  profile: Profile;
  decision: ScopeDecision;
}

/**
 * What the flowchart draws, from core's reading of the profile's own rule and the decision's
 * steps: no rule is restated here, only shaped for drawing.
 */
export function flowchartModel(primary: DecidedProfile, other?: DecidedProfile): FlowchartModel {
  if (!other) {
    const path = decisionPath(primary.profile.rule, primary.decision);
    return {
      title: primary.profile.title,
      visits: path.visits,
      nodes: path.nodes.map(({ node, status, step }) => ({
        id: node.rule,
        label: node.label,
        kind: node.kind,
        cite: node.cite,
        origin: 'primary',
        status,
        ...(step === undefined ? {} : { step }),
        differs: false,
      })),
    };
  }
  const comparison = comparePaths(
    { rule: primary.profile.rule, decision: primary.decision },
    { rule: other.profile.rule, decision: other.decision },
  );
  return {
    title: primary.profile.title,
    otherTitle: other.profile.title,
    visits: comparison.primaryVisits,
    otherVisits: comparison.otherVisits,
    ...(comparison.partsAt === undefined ? {} : { partsAt: comparison.partsAt }),
    nodes: comparison.nodes.map((compared) => ({
      id: compared.node.rule,
      label: compared.node.label,
      kind: compared.node.kind,
      cite: compared.node.cite,
      origin: compared.origin,
      status: compared.primary,
      other: compared.other,
      differs: compared.differs,
      ...(compared.primaryStep === undefined ? {} : { step: compared.primaryStep }),
      ...(compared.otherStep === undefined ? {} : { otherStep: compared.otherStep }),
      ...(compared.otherNode && compared.otherNode.label !== compared.node.label
        ? { otherLabel: compared.otherNode.label }
        : {}),
    })),
  };
}
