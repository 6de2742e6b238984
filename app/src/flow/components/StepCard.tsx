import { STEP_INFO } from '@mcp-auth-playground/core';
import type { StepState } from '@mcp-auth-playground/core';
import { memo } from 'react';
import type { FlowSnapshot } from '@mcp-auth-playground/client';
import { CiteLink, FindingList } from './common.tsx';
import { StepDetails } from './StepDetails.tsx';

const STATUS_TEXT = {
  pending: 'Not reached',
  paused: 'Waiting for you',
  running: 'Running',
  done: 'Done',
  error: 'Failed',
} as const;

interface StepCardProps {
  step: StepState;
  number: number;
  snapshot: FlowSnapshot;
  onContinue: () => void;
}

function StepCardView({ step, number, snapshot, onContinue }: StepCardProps) {
  const info = STEP_INFO[step.name];
  const headingId = `flow-step-${step.name}`;
  const duration =
    step.startedAt !== undefined && step.endedAt !== undefined
      ? `${Math.max(0, step.endedAt - step.startedAt)} ms`
      : undefined;
  const waitingAway = step.status === 'running' && info.redirects;
  return (
    <li
      className={`flow-step status-${step.status}`}
      data-testid="flow-step"
      data-step={step.name}
      data-status={step.status}
      aria-labelledby={headingId}
      // Focused (not tabbed to) when the page comes back from the authorization server.
      tabIndex={-1}
      aria-current={step.status === 'running' || step.status === 'paused' ? 'step' : undefined}
    >
      <div className="flow-step-head">
        <span className="flow-step-number" aria-hidden="true">
          {number}
        </span>
        <h3 id={headingId}>{info.title}</h3>
        <span className={`flow-status status-${step.status}`}>
          {STATUS_TEXT[step.status]}
          {duration && <span className="muted"> · {duration}</span>}
        </span>
      </div>
      <p className="flow-step-summary">
        {info.summary} <CiteLink cite={info.cite} />
      </p>
      {waitingAway && (
        <p className="flow-note" role="status">
          At the authorization server: sign in and consent there, and it sends the browser back to
          /callback.
        </p>
      )}
      {step.status !== 'pending' && (
        <div className="flow-step-body">
          <StepDetails step={step.name} snapshot={snapshot} />
        </div>
      )}
      {step.error && (
        <div className="flow-error" role="alert">
          <p>
            <strong>{step.error.message}</strong>
            {step.error.cite && (
              <>
                {' '}
                <CiteLink cite={step.error.cite} />
              </>
            )}
          </p>
          {step.error.findings && <FindingList findings={step.error.findings} />}
          <p className="muted">Press Restart to run the flow again from the first step.</p>
        </div>
      )}
      {step.status === 'paused' && (
        <button type="button" className="flow-continue primary" onClick={onContinue}>
          Continue
        </button>
      )}
    </li>
  );
}

/**
 * A step redraws only when its own state, its own findings or the profile change: the flow
 * updates its snapshot on every logged request, and redrawing every step each time shows.
 */
export const StepCard = memo(
  StepCardView,
  (before, after) =>
    before.step === after.step &&
    before.number === after.number &&
    before.onContinue === after.onContinue &&
    before.snapshot.config.profile === after.snapshot.config.profile &&
    before.snapshot.data[before.step.name] === after.snapshot.data[after.step.name],
);
