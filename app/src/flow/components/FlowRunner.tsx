import {
  canStartPhase,
  isHalted,
  pausedStep,
  runningStep,
  STEP_INFO,
} from '@mcp-auth-playground/core';
import type { FlowPhase, StepState } from '@mcp-auth-playground/core';
import { useCallback, useEffect } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';
import { HostedFlowNotice } from '../../hosting/HostedFlowNotice.tsx';
import {
  FlowSequencePanel,
  openLoggedExchange,
} from '../../pictures/sequence/FlowSequencePanel.tsx';
import type { FlowSession } from '../session/session.ts';
import type { FlowSnapshot } from '@mcp-auth-playground/client';
import { useFlowDriver, useFlowSnapshot } from '../useFlow.ts';
import { returnShown, returnToShow } from './arrival.ts';
import { FlowSettings } from './FlowSettings.tsx';
import { HttpLog } from './HttpLog.tsx';
import { StepCard } from './StepCard.tsx';
import { TokenPanel } from './TokenPanel.tsx';

const PHASE_TITLES: Readonly<Record<FlowPhase, string>> = {
  main: 'From the server URL to an authenticated call',
  refresh: 'Refresh',
  'step-up': 'Step-up authorization',
};

function refreshBlocked(snapshot: FlowSnapshot): string | undefined {
  if (snapshot.tokens?.refreshToken) return undefined;
  const why =
    snapshot.data['step-up-token']?.missingRefreshToken ?? snapshot.data.token?.missingRefreshToken;
  return why?.message ?? 'There is no refresh token.';
}

function writeNoteBlocked(snapshot: FlowSnapshot): string | undefined {
  const tools = snapshot.data.mcp?.tools;
  if (!tools) return 'List the tools first.';
  return tools.some((tool) => tool.name === 'write_note')
    ? undefined
    : 'This server lists no write_note tool.';
}

/** The step that finished last (done or failed), the one a reader wants to see first. */
function lastFinished(snapshot: FlowSnapshot): StepState | undefined {
  let last: StepState | undefined;
  for (const step of snapshot.machine.steps) {
    if (step.endedAt === undefined || (step.status !== 'done' && step.status !== 'error')) continue;
    if (last === undefined || (last.endedAt ?? 0) <= step.endedAt) last = step;
  }
  return last;
}

/** What the flow is doing, after what happened last: the status reads right after a redirect. */
function modeText(snapshot: FlowSnapshot): string {
  const { machine } = snapshot;
  const last = lastFinished(snapshot);
  const lastText = last
    ? `“${STEP_INFO[last.name].title}” ${last.status === 'error' ? 'failed' : 'done'}. `
    : '';
  if (isHalted(machine)) return `${lastText}Stopped at an error.`;
  const running = runningStep(machine);
  if (running) {
    const title = STEP_INFO[running.name].title;
    return `${lastText}${machine.mode === 'run-all' ? 'Running all steps' : 'Running one step'}: “${title}”.`;
  }
  const paused = pausedStep(machine);
  if (paused) {
    return `${lastText}Step mode: Continue runs “${STEP_INFO[paused.name].title}”.`;
  }
  return canStartPhase(machine) ? `${lastText}Done: the client holds a token.` : '';
}

/**
 * Back from the authorization server, the page opens at its top: once the flow has settled
 * (nothing running), scroll to the step that ran last and give it focus.
 */
function useShowReturn(snapshot: FlowSnapshot, enabled: boolean): void {
  useEffect(() => {
    if (!enabled || !returnToShow() || runningStep(snapshot.machine)) return;
    const last = lastFinished(snapshot);
    if (!last) return;
    const element = document.querySelector<HTMLElement>(
      `[data-testid="flow-step"][data-step="${last.name}"]`,
    );
    if (!element) return;
    returnShown();
    // The controls stick to the top of the window; the step's heading must not sit under them.
    const toolbar = document.querySelector('.flow-toolbar');
    const covered =
      toolbar && getComputedStyle(toolbar).position === 'sticky'
        ? toolbar.getBoundingClientRect().height
        : 0;
    element.style.scrollMarginTop = `${Math.ceil(covered) + 8}px`;
    element.scrollIntoView({ block: 'start' });
    element.focus({ preventScroll: true });
  }, [snapshot, enabled]);
}

/**
 * The flow: settings, controls, the steps with what each found, the tokens and the HTTP log.
 * `showReturn`: this view is where the reader lands after a redirect (the /flow page).
 */
export function FlowRunner({
  session,
  showReturn = false,
}: {
  session: FlowSession;
  showReturn?: boolean;
}) {
  const snapshot = useFlowSnapshot(session);
  useFlowDriver(session);
  useShowReturn(snapshot, showReturn);
  const { machine, config, tokens } = snapshot;
  const continueFlow = useCallback(() => session.continue(), [session]);
  const halted = isHalted(machine);
  const canRunAll =
    !halted &&
    (pausedStep(machine) !== undefined ||
      (runningStep(machine) !== undefined && machine.mode === 'step'));
  const phases = (['main', 'refresh', 'step-up'] as const)
    .map((phase) => ({ phase, steps: machine.steps.filter((step) => step.phase === phase) }))
    .filter((group) => group.steps.length > 0);
  const numbers = new Map<StepState, number>(machine.steps.map((step, index) => [step, index + 1]));

  return (
    <section className="flow-view" aria-labelledby="flow-title">
      <header className="flow-intro">
        <h2 id="flow-title">Run the flow</h2>
        <p>
          The real authorization code flow with PKCE, from an MCP server URL to an authenticated MCP
          call, in this browser: each step explained, every HTTP exchange shown. Run it step by step
          with Continue, or all at once.
        </p>
        <p>
          Once the client holds a token, Refresh trades its refresh token for new ones, and Call
          write_note shows a step-up: the server answers 403 insufficient_scope, the client asks for
          the larger scope, and retries once. After each trip to the authorization server the page
          comes back to the step that just ran.
        </p>
      </header>
      {snapshot.notice && (
        <p className="flow-notice" role="status">
          {snapshot.notice}
        </p>
      )}
      <HostedFlowNotice />
      <FlowSettings
        config={config}
        locked={session.hasStarted()}
        onChange={(patch) => session.setConfig(patch)}
      />
      <div className="flow-toolbar" role="toolbar" aria-label="Flow controls">
        <button
          type="button"
          className="primary"
          onClick={() => session.runAll()}
          disabled={!canRunAll}
        >
          Run all
        </button>
        <button type="button" onClick={() => session.restart()}>
          Restart
        </button>
        <span className="flow-mode" role="status">
          {modeText(snapshot)}
        </span>
      </div>
      <div className="flow-columns">
        <div className="flow-main">
          {phases.map(({ phase, steps }) => (
            <section key={phase} className="flow-phase" aria-label={PHASE_TITLES[phase]}>
              {phase !== 'main' && <h3 className="flow-phase-title">{PHASE_TITLES[phase]}</h3>}
              <ol className="flow-steps">
                {steps.map((step) => (
                  <ErrorBoundary key={step.name} name={`The step “${step.name}”`}>
                    <StepCard
                      step={step}
                      number={numbers.get(step) ?? 0}
                      snapshot={snapshot}
                      onContinue={continueFlow}
                    />
                  </ErrorBoundary>
                ))}
              </ol>
              {phase === 'main' && tokens && (
                <TokenPanel
                  tokens={tokens}
                  canAct={canStartPhase(machine)}
                  refreshBlocked={refreshBlocked(snapshot)}
                  writeNoteBlocked={writeNoteBlocked(snapshot)}
                  onRefresh={() => session.startPhase('refresh')}
                  onWriteNote={() => session.startPhase('step-up')}
                />
              )}
            </section>
          ))}
        </div>
        <div className="flow-side">
          <ErrorBoundary name="The sequence diagram">
            <FlowSequencePanel snapshot={snapshot} onOpenExchange={openLoggedExchange} />
          </ErrorBoundary>
          <ErrorBoundary name="The HTTP log">
            <HttpLog log={snapshot.log} secrets={session.secrets()} />
          </ErrorBoundary>
        </div>
      </div>
    </section>
  );
}
