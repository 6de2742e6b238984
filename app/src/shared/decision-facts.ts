import type { Profile, RuleNode, ScopeDecision } from '@mcp-auth-playground/core';
import { OFFLINE_ACCESS_TEXT, SOURCE_TEXT } from './words.ts';

/** One line of the facts under a decision's scope: a term and what the decision says for it. */
export interface DecisionFact {
  key: 'source' | 'offlineAccess' | 'promptConsent';
  term: string;
  description: string;
  /** The number (from 1) of the trace step that settled it, when one did. */
  step: number | undefined;
}

/** The number (from 1) of the step a profile's rule node of `kind` produced, if there is one. */
function stepNumberOf(
  decision: ScopeDecision,
  profile: Profile | undefined,
  kind: RuleNode['kind'],
): number | undefined {
  const rules = new Set(
    profile?.rule.filter((node) => node.kind === kind).map((node) => node.rule),
  );
  const index = decision.steps.findIndex((step) => rules.has(step.rule));
  return index < 0 ? undefined : index + 1;
}

/** Where the scope came from, and what the client does about offline_access and consent. */
export function decisionFacts(
  decision: ScopeDecision,
  profile: Profile | undefined,
): DecisionFact[] {
  return [
    {
      key: 'source',
      term: 'Where it came from',
      description: SOURCE_TEXT[decision.source],
      step: undefined,
    },
    {
      key: 'offlineAccess',
      term: 'offline_access',
      description: OFFLINE_ACCESS_TEXT[decision.offlineAccess],
      step: stepNumberOf(decision, profile, 'offline-access'),
    },
    {
      key: 'promptConsent',
      term: 'prompt=consent',
      description: decision.promptConsent ? 'Sent' : 'Not sent',
      step: stepNumberOf(decision, profile, 'prompt'),
    },
  ];
}
