import {
  discoverFromServer,
  type DiscoveryAttempt,
  type DiscoveryResult,
} from '@mcp-auth-playground/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, type Dispatch } from 'react';
import type { Drafts, DraftsAction } from '../shared/drafts.ts';
import { applyDiscovery, readAnything } from './applyDiscovery.ts';
import { relayQuery, type RelayStatus } from './relay.ts';

/**
 * One step back, or forward again: undoing a discovery keeps what it replaced, and redoing it
 * keeps what the undo replaced, so no edit is ever lost by either button.
 */
export type UndoState = { kind: 'undo'; previous: Drafts } | { kind: 'redo'; next: Drafts };

interface Variables {
  serverUrl: string;
  signal: AbortSignal;
  run: number;
}

export interface Discover {
  start: () => void;
  /** Stops the run at once; the editors are left as they are. */
  cancel: () => void;
  pending: boolean;
  /** Requests of the current (or last) run, updated as each is sent and settles. */
  attempts: readonly DiscoveryAttempt[];
  /** The last finished run. */
  result: DiscoveryResult | undefined;
  /** Whether the last finished run changed the editors. */
  applied: boolean;
  /** A failure of the machinery itself (discovery never rejects; this is a safety net). */
  error: Error | null;
  undo: UndoState | undefined;
  undoDiscover: () => void;
  redoDiscover: () => void;
}

/**
 * The relay check, or no relay as soon as the run is cancelled: Cancel must not wait for a
 * health check, and discovery then ends at once with a cancelled result.
 */
function untilAborted(check: Promise<RelayStatus>, signal: AbortSignal): Promise<RelayStatus> {
  if (signal.aborted) return Promise.resolve({ kind: 'absent' });
  return new Promise((resolve) => {
    const onAbort = () => resolve({ kind: 'absent' });
    signal.addEventListener('abort', onAbort, { once: true });
    void check
      .then(resolve, () => resolve({ kind: 'absent' }))
      .finally(() => {
        signal.removeEventListener('abort', onAbort);
      });
  });
}

function upsert(list: readonly DiscoveryAttempt[], attempt: DiscoveryAttempt): DiscoveryAttempt[] {
  const index = list.findIndex(({ id }) => id === attempt.id);
  if (index < 0) return [...list, attempt];
  const next = list.slice();
  next[index] = attempt;
  return next;
}

/**
 * Runs discovery for `serverUrl` as a TanStack Query mutation, lists its requests live, and
 * applies what it found to the drafts in one step that can be undone. `currentDrafts` returns
 * the drafts on screen when it is called: a run that ends, or an undo, acts on exactly those.
 */
export function useDiscover(
  serverUrl: string,
  currentDrafts: () => Drafts,
  dispatch: Dispatch<DraftsAction>,
): Discover {
  const queryClient = useQueryClient();
  const controller = useRef<AbortController | null>(null);
  const currentRun = useRef(0);
  const [attempts, setAttempts] = useState<readonly DiscoveryAttempt[]>([]);
  const [undo, setUndo] = useState<UndoState | undefined>(undefined);

  const mutation = useMutation({
    mutationKey: ['discover'],
    mutationFn: async ({ serverUrl, signal, run }: Variables) => {
      const relay = await untilAborted(queryClient.fetchQuery(relayQuery), signal);
      return discoverFromServer(serverUrl, {
        signal,
        ...(relay.kind === 'available' ? { relay: relay.endpoint } : {}),
        onAttempt: (attempt) => {
          // A late report from an abandoned run must not mix into the current list.
          if (currentRun.current === run) setAttempts((list) => upsert(list, attempt));
        },
      });
    },
    // What is on screen when the run ends, including anything typed while it ran.
    onSuccess: (result) => {
      if (result.cancelled || !readAnything(result)) return;
      const drafts = currentDrafts();
      setUndo({ kind: 'undo', previous: drafts });
      dispatch({ type: 'load', drafts: applyDiscovery(drafts, result) });
    },
  });
  const { mutate } = mutation;

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(() => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    currentRun.current += 1;
    setAttempts([]);
    mutate({ serverUrl: serverUrl.trim(), signal: next.signal, run: currentRun.current });
  }, [serverUrl, mutate]);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const undoDiscover = useCallback(() => {
    if (undo?.kind !== 'undo') return;
    setUndo({ kind: 'redo', next: currentDrafts() });
    dispatch({ type: 'load', drafts: undo.previous });
  }, [undo, currentDrafts, dispatch]);

  const redoDiscover = useCallback(() => {
    if (undo?.kind !== 'redo') return;
    setUndo({ kind: 'undo', previous: currentDrafts() });
    dispatch({ type: 'load', drafts: undo.next });
  }, [undo, currentDrafts, dispatch]);

  const result = mutation.data;
  return {
    start,
    cancel,
    pending: mutation.isPending,
    attempts,
    result,
    applied: result !== undefined && !result.cancelled && readAnything(result),
    error: mutation.error,
    undo,
    undoDiscover,
    redoDiscover,
  };
}
