export { CITES } from './cite.ts';
export type { Cite, CiteKey } from './cite.ts';
export type {
  DecisionStep,
  DocumentSubject,
  Finding,
  ProfileId,
  Scenario,
  ScopeDecision,
  ScopeInput,
  ScopeSource,
  StepOutcome,
} from './types.ts';
