import type { DocumentSubject, Evaluation } from '@mcp-auth-playground/core';
import { lazy, memo, Suspense } from 'react';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { TraceWithFlowchart } from '../../../pictures/flowchart/TraceWithFlowchart.tsx';
import { profileOf } from '../../../shared/profiles.ts';
import { AuthorizationRequest } from './AuthorizationRequest.tsx';
import { ScopeValue } from '../../../components/ScopeValue.tsx';
import { Trace, traceStepId } from '../../../components/Trace.tsx';
import { decisionFacts } from '../../../shared/decision-facts.ts';

// Only a broken document needs it, so it stays out of the first decision's JavaScript.
const UnparsedNotice = lazy(() =>
  import('./UnparsedNotice.tsx').then((module) => ({ default: module.UnparsedNotice })),
);

function StepReference({ number }: { number: number | undefined }) {
  return number === undefined ? null : <span className="muted"> (step {number} below)</span>;
}

interface DecisionPanelProps {
  /** The decision for what is on screen now: its scope and facts are painted with the keystroke. */
  evaluation: Evaluation;
  /**
   * What explains it: the trace, the flowchart and the request. A deferred render brings these
   * up to date a moment after the scope, so drawing them never holds up the scope's frame.
   */
  explained: Evaluation;
  /** Puts the cursor at `offset` in the subject's editor. */
  onRevealOffset: (subject: DocumentSubject, offset: number) => void;
}

/** The decision: scope and facts at once, then how the client reached it and what it sends. */
export const DecisionPanel = memo(function DecisionPanel({
  evaluation,
  explained,
  onRevealOffset,
}: DecisionPanelProps) {
  const { decision } = evaluation;
  const profile = profileOf(decision.profile);

  return (
    <section className="panel decision" aria-labelledby="decision-title">
      <h2 id="decision-title" tabIndex={-1}>
        Decision
      </h2>
      {evaluation.unparsedDocuments.length > 0 && (
        <Suspense fallback={null}>
          <UnparsedNotice documents={evaluation.unparsedDocuments} onReveal={onRevealOffset} />
        </Suspense>
      )}
      <p className="decision-profile">
        {profile?.title ?? decision.profile}
        {profile && <span className="muted">: {profile.summary}</span>}
      </p>
      <div className="decision-scope">
        <span className="decision-label">scope</span>
        <div className="decision-scope-value">
          <ScopeValue
            scope={decision.scope}
            testId="decision-scope"
            className="large"
            shownTokens={12}
          />
        </div>
        <CopyButton
          text={decision.scope ?? ''}
          label="Copy scope"
          disabled={decision.scope === undefined}
        />
      </div>
      <dl className="decision-facts">
        {decisionFacts(decision, profile).map((fact) => (
          <div key={fact.key}>
            <dt>{fact.term}</dt>
            <dd>
              {fact.description}
              <StepReference number={fact.step} />
            </dd>
          </div>
        ))}
      </dl>
      <DecisionExplained evaluation={explained} />
    </section>
  );
});

/** The trace beside its flowchart, and the authorization request: redrawn only when they change. */
const DecisionExplained = memo(function DecisionExplained({
  evaluation,
}: {
  evaluation: Evaluation;
}) {
  const { decision } = evaluation;
  const profile = profileOf(decision.profile);
  return (
    <>
      <h3>How the client decided</h3>
      <TraceWithFlowchart evaluation={evaluation} stepElementId={traceStepId}>
        <Trace decision={decision} profile={profile} />
      </TraceWithFlowchart>
      <h3>Authorization request</h3>
      <AuthorizationRequest request={evaluation.authorizationRequest} profile={profile} />
    </>
  );
});
