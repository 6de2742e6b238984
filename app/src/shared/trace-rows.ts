import type { Profile, ScopeDecision, StepOutcome } from '@mcp-auth-playground/core';
import { ruleLabel } from './profiles.ts';
import { OUTCOME_TEXT } from './words.ts';

const OUTCOME_ICON: Readonly<Record<StepOutcome, string>> = {
  used: '✓',
  applied: '✓',
  skipped: '–',
  'not-applied': '–',
};

/** One step of a decision as both the playground and the embed show it. */
export interface TraceRow {
  /** Stable within one trace: a rule can run more than once, so the index is part of it. */
  key: string;
  outcome: StepOutcome;
  icon: string;
  outcomeText: string;
  /** The rule in the profile's own words, or the rule id when the profile has none. */
  ruleText: string;
  /** Core's sentence, with `backticks` around field names and values. */
  detail: string;
  deviation: string | undefined;
  /** The spec section behind the step. */
  cite: ScopeDecision['steps'][number]['cite'];
}

/** The steps of one decision, in order, in the words the trace shows. */
export function traceRows(decision: ScopeDecision, profile: Profile | undefined): TraceRow[] {
  return decision.steps.map((step, index) => ({
    key: `${index}:${step.rule}`,
    outcome: step.outcome,
    icon: OUTCOME_ICON[step.outcome],
    outcomeText: OUTCOME_TEXT[step.outcome],
    ruleText: ruleLabel(profile, step.rule),
    detail: step.detail,
    deviation: step.deviation,
    cite: step.cite,
  }));
}
