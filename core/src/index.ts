export { CITES } from './cite.ts';
export type { Cite, CiteKey } from './cite.ts';
export type {
  AuthorizationRequestPreview,
  Challenge,
  DecisionStep,
  Evaluation,
  Profile,
  ProfileGroup,
  ProfileSource,
  RuleNode,
  DocumentSubject,
  Finding,
  ProfileId,
  Scenario,
  ScopeDecision,
  ScopeInput,
  ScopeSource,
  StepOutcome,
} from './types.ts';
