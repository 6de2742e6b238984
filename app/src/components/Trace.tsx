import type { Profile, ScopeDecision } from '@mcp-auth-playground/core';
import { ExternalLink } from './ExternalLink.tsx';
import { InlineCode } from './InlineCode.tsx';
import { ruleLabel } from '../shared/profiles.ts';
import { OUTCOME_TEXT } from '../shared/words.ts';

const OUTCOME_ICON = { used: '✓', applied: '✓', skipped: '–', 'not-applied': '–' } as const;

/** The element id of step `index` (from 0), so the flowchart's nodes can move focus to it. */
export function traceStepId(index: number): string {
  return `decision-step-${index + 1}`;
}

/** The steps of one decision, in order, each with what it saw and the spec section behind it. */
export function Trace({
  decision,
  profile,
}: {
  decision: ScopeDecision;
  profile: Profile | undefined;
}) {
  return (
    <ol className="trace">
      {decision.steps.map((step, index) => (
        <li
          key={`${index}:${step.rule}`}
          id={traceStepId(index)}
          tabIndex={-1}
          className={`step step-${step.outcome}`}
        >
          <div className="step-head">
            <span className={`outcome outcome-${step.outcome}`}>
              <span aria-hidden="true">{OUTCOME_ICON[step.outcome]} </span>
              {OUTCOME_TEXT[step.outcome]}
            </span>
            <strong className="step-rule">{ruleLabel(profile, step.rule)}</strong>
          </div>
          <p className="step-detail">
            <InlineCode text={step.detail} />
          </p>
          {step.deviation && (
            <p className="deviation">
              <strong>Departs from the spec:</strong> <InlineCode text={step.deviation} />
            </p>
          )}
          <p className="step-cite">
            <ExternalLink href={step.cite.url}>{step.cite.title}</ExternalLink>
          </p>
        </li>
      ))}
    </ol>
  );
}
