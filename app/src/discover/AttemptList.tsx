import type { AttemptOutcome, DiscoveryAttempt } from '@mcp-auth-playground/core';
import { memo } from 'react';

const STEP_TITLES: Readonly<Record<DiscoveryAttempt['step'], string>> = {
  challenge: '401 challenge',
  'resource-metadata': 'Protected Resource Metadata',
  'auth-server-metadata': 'Authorization Server Metadata',
};

const OUTCOME_LABELS: Readonly<Record<AttemptOutcome, string>> = {
  pending: 'waiting…',
  ok: 'read',
  'not-found': 'not used',
  invalid: 'unusable',
  cors: 'blocked by CORS',
  unreachable: 'unreachable',
  refused: 'refused by relay',
  timeout: 'timed out',
  cancelled: 'cancelled',
};

function AttemptItem({ attempt }: { attempt: DiscoveryAttempt }) {
  const pending = attempt.outcome === 'pending';
  return (
    <li
      className={`attempt attempt-${attempt.outcome}`}
      data-testid="discover-attempt"
      data-outcome={attempt.outcome}
      aria-busy={pending}
    >
      <div className="attempt-head">
        <span className="attempt-step">{STEP_TITLES[attempt.step]}</span>
        <span className="attempt-method">{attempt.method}</span>
        {/* Shown as text, never as a link: a hostile server chooses these URLs. */}
        <code className="attempt-url">{attempt.url}</code>
      </div>
      <div className="attempt-result">
        {attempt.status !== undefined && <span className="attempt-status">{attempt.status}</span>}
        <span className="attempt-outcome">{OUTCOME_LABELS[attempt.outcome]}</span>
        {!pending && <span className="attempt-ms">{attempt.ms} ms</span>}
        {attempt.relayed && (
          <span className="tag relayed" title="Read through the local relay, not by the browser">
            relayed
          </span>
        )}
      </div>
      <p className="attempt-reason">{pending ? attempt.purpose : attempt.reason}</p>
    </li>
  );
}

/** The requests of a discovery run, in the order sent, each updated when it settles. */
export const AttemptList = memo(function AttemptList({
  attempts,
}: {
  attempts: readonly DiscoveryAttempt[];
}) {
  if (attempts.length === 0) return null;
  return (
    <ol className="attempts" aria-label="Discovery requests">
      {attempts.map((attempt) => (
        <AttemptItem key={attempt.id} attempt={attempt} />
      ))}
    </ol>
  );
});
