import type { Profile, ScopeDecision } from '@mcp-auth-playground/core';
import { ExternalLink } from './ExternalLink.tsx';
import { InlineCode } from './InlineCode.tsx';
import { traceRows } from '../shared/trace-rows.ts';

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
      {traceRows(decision, profile).map((row, index) => (
        <li
          key={row.key}
          id={traceStepId(index)}
          tabIndex={-1}
          className={`step step-${row.outcome}`}
        >
          <div className="step-head">
            <span className={`outcome outcome-${row.outcome}`}>
              <span aria-hidden="true">{row.icon} </span>
              {row.outcomeText}
            </span>
            <strong className="step-rule">{row.ruleText}</strong>
          </div>
          <p className="step-detail">
            <InlineCode text={row.detail} />
          </p>
          {row.deviation && (
            <p className="deviation">
              <strong>Departs from the spec:</strong> <InlineCode text={row.deviation} />
            </p>
          )}
          <p className="step-cite">
            <ExternalLink href={row.cite.url}>{row.cite.title}</ExternalLink>
          </p>
        </li>
      ))}
    </ol>
  );
}
