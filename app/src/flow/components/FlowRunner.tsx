import { canStartPhase, isHalted, pausedStep, runningStep } from '@mcp-auth-playground/core';
import type { FlowPhase, StepState } from '@mcp-auth-playground/core';
import { useCallback } from 'react';
import { ErrorBoundary } from '../../components/ErrorBoundary.tsx';
import { HostedFlowNotice } from '../../hosting/HostedFlowNotice.tsx';
import {
  FlowSequencePanel,
  openLoggedExchange,
} from '../../pictures/sequence/FlowSequencePanel.tsx';
import type { FlowSession } from '../session/session.ts';
import type { FlowSnapshot } from '@mcp-auth-playground/client';
import { useFlowDriver, useFlowSnapshot } from '../useFlow.ts';
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

function modeText(snapshot: FlowSnapshot): string {
  const { machine } = snapshot;
  if (isHalted(machine)) return 'Stopped at an error.';
  if (runningStep(machine))
    return machine.mode === 'run-all' ? 'Running all steps.' : 'Running one step.';
  if (pausedStep(machine)) return 'Step mode: Continue runs the next step.';
  return canStartPhase(machine) ? 'Done: the client holds a token.' : '';
}

/** The flow: settings, controls, the steps with what each found, the tokens and the HTTP log. */
export function FlowRunner({ session }: { session: FlowSession }) {
  const snapshot = useFlowSnapshot(session);
  useFlowDriver(session);
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
