import { MutationObserver, useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import type { FlowSession } from './session/session.ts';
import type { FlowSnapshot } from '@mcp-auth-playground/client';

export function useFlowSnapshot(session: FlowSession): FlowSnapshot {
  return useSyncExternalStore(session.subscribe, session.getSnapshot, session.getSnapshot);
}

/**
 * Runs each step as a TanStack Query mutation of its own, keyed by the step, the moment the
 * machine starts it (not a render later). Never retried: a retried token request would spend a
 * code twice. Restart aborts the run's requests, and the session ignores what they still answer.
 */
export function useFlowDriver(session: FlowSession): void {
  const client = useQueryClient();
  useEffect(() => {
    // Not detached on unmount: moving from /callback to /flow remounts the runner, and the flow
    // must go on meanwhile. The next view attaches the same driver again.
    session.attachDriver((run) => {
      const observer = new MutationObserver(client, {
        mutationKey: ['flow-step', run.step],
        mutationFn: () => session.execute(run),
        retry: false,
        // One step at a time, in order, whichever view started it.
        scope: { id: 'flow-runner' },
      });
      void observer.mutate();
    });
  }, [client, session]);
}
