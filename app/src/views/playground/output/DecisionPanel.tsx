import type {
  DocumentSubject,
  Evaluation,
  Profile,
  RuleNode,
  ScopeDecision,
} from '@mcp-auth-playground/core';
import { lazy, memo, Suspense } from 'react';
import { CopyButton } from '../../../components/CopyButton.tsx';
import { TraceWithFlowchart } from '../../../pictures/flowchart/TraceWithFlowchart.tsx';
import { profileOf } from '../../../shared/profiles.ts';
import { AuthorizationRequest } from './AuthorizationRequest.tsx';
import { ScopeValue } from '../../../components/ScopeValue.tsx';
import { Trace, traceStepId } from '../../../components/Trace.tsx';
import { OFFLINE_ACCESS_TEXT, SOURCE_TEXT } from '../../../shared/words.ts';

// Only a broken document needs it, so it stays out of the first decision's JavaScript.
const UnparsedNotice = lazy(() =>
  import('./UnparsedNotice.tsx').then((module) => ({ default: module.UnparsedNotice })),
);

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
  const offlineStep = stepNumberOf(decision, profile, 'offline-access');
  const promptStep = stepNumberOf(decision, profile, 'prompt');

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
        <div>
          <dt>Where it came from</dt>
          <dd>{SOURCE_TEXT[decision.source]}</dd>
        </div>
        <div>
          <dt>offline_access</dt>
          <dd>
            {OFFLINE_ACCESS_TEXT[decision.offlineAccess]}
            <StepReference number={offlineStep} />
          </dd>
        </div>
        <div>
          <dt>prompt=consent</dt>
          <dd>
            {decision.promptConsent ? 'Sent' : 'Not sent'}
            <StepReference number={promptStep} />
          </dd>
        </div>
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
