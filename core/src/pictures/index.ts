// The pure halves of the playground's pictures: which nodes of a profile's rule a decision took
// (and where two decisions part ways), and which party each HTTP exchange of a flow talks to.
export { comparePaths, decisionPath } from './decision-path.ts';
export type {
  ComparedNode,
  DecisionPath,
  NodeOrigin,
  NodeStatus,
  PathComparison,
  PathNode,
} from './decision-path.ts';
export { exchangeLane, SEQUENCE_LANES, sequenceArrows } from './sequence-lanes.ts';
export type {
  ArrowOutcome,
  KnownAuthServer,
  SequenceArrow,
  SequenceLane,
  SequenceParties,
} from './sequence-lanes.ts';
