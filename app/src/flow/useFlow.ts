import { useMutation } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { FlowSession, StepRun } from './session/session.ts';
import type { FlowSnapshot } from './session/types.ts';

export function useFlowSnapshot(session: FlowSession): FlowSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}

/**
 * Starts each step when the machine says it runs: a TanStack Query mutation per step run, never
 * retried (a retried token request would spend a code twice). Restart aborts the run's requests
 * and the session ignores whatever they still answer.
 */
export function useFlowDriver(session: FlowSession, snapshot: FlowSnapshot): void {
  const { mutate } = useMutation({
    mutationKey: ['flow-step'],
    mutationFn: (run: StepRun) => session.execute(run),
    retry: false,
    // One step at a time, in order, whichever view started it.
    scope: { id: 'flow-runner' },
  });
  const { machine } = snapshot;
  useEffect(() => {
    const run = session.claimRunningStep();
    if (run) mutate(run);
  }, [machine, mutate, session]);
}
