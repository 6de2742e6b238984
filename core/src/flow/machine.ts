import type { Cite } from '../cite.ts';
import type { Finding } from '../types.ts';
import { PHASE_STEPS } from './steps.ts';
import type { FlowPhase, StepName } from './steps.ts';

/**
 * - `pending`: not reached yet;
 * - `paused`: next in line, waiting for the user's Continue (step mode);
 * - `running`: its work is under way (for a redirect step: the browser is at the authorization
 *   server);
 * - `done` / `error`: finished.
 */
export type StepStatus = 'pending' | 'running' | 'paused' | 'done' | 'error';
export const STEP_STATUSES: readonly StepStatus[] = [
  'pending',
  'running',
  'paused',
  'done',
  'error',
];

/** `step` waits for Continue before each step; `run-all` goes on until an error or the end. */
export type RunMode = 'step' | 'run-all';

/** Why a step failed, written for the person who has to act on it. */
export interface StepError {
  /** Stable code, e.g. 'cors', 'pkce-not-supported', 'invalid_grant', 'state-mismatch'. */
  code: string;
  /** One or two plain sentences: what happened and what to change. */
  message: string;
  cite?: Cite;
  findings?: Finding[];
}

export interface StepState {
  name: StepName;
  phase: FlowPhase;
  status: StepStatus;
  /** Epoch milliseconds, from the events (the machine reads no clock). */
  startedAt?: number;
  endedAt?: number;
  error?: StepError;
}

export interface FlowState {
  /**
   * Grows on every restart. Results carry the run they belong to, so the late answer of a request
   * from an abandoned run cannot move the new run on.
   */
  runId: number;
  mode: RunMode;
  /** The main steps, then the steps of the refresh and step-up phases last started. */
  steps: StepState[];
}

export type StartablePhase = Exclude<FlowPhase, 'main'>;

export type FlowEvent =
  /** Run the paused step, then pause before the next one. */
  | { type: 'continue'; at: number }
  /** Run the paused step and every later one without pausing. */
  | { type: 'run-all'; at: number }
  /** The user asked for a refresh or a step-up after the main phase. */
  | { type: 'start-phase'; phase: StartablePhase; at: number }
  /**
   * `endPhase`: the step found nothing left to do in its phase (write_note succeeded at once, so
   * there is nothing to step up); the phase's remaining steps are dropped.
   */
  | { type: 'succeeded'; runId: number; step: StepName; at: number; endPhase?: boolean }
  | { type: 'failed'; runId: number; step: StepName; at: number; error: StepError }
  /** Back to the start: a new run, step mode, nothing done. */
  | { type: 'restart' };

function freshSteps(phase: FlowPhase): StepState[] {
  return PHASE_STEPS[phase].map((name) => ({ name, phase, status: 'pending' }));
}

/** Nothing has run; the first step waits for Continue or Run all. */
export function initialFlowState(runId = 0): FlowState {
  const steps = freshSteps('main');
  steps[0] = { ...steps[0]!, status: 'paused' };
  return { runId, mode: 'step', steps };
}

export function flowReducer(state: FlowState, event: FlowEvent): FlowState {
  switch (event.type) {
    case 'continue':
      return startPaused(state, event.at);
    case 'run-all':
      if (isHalted(state)) return state;
      return startPaused({ ...state, mode: 'run-all' }, event.at);
    case 'start-phase':
      return startPhase(state, event.phase, event.at);
    case 'succeeded':
      return finishStep(state, event);
    case 'failed':
      return failStep(state, event);
    case 'restart':
      return initialFlowState(state.runId + 1);
  }
}

function startPaused(state: FlowState, at: number): FlowState {
  const index = state.steps.findIndex((step) => step.status === 'paused');
  if (index === -1) return state;
  return { ...state, steps: replaceAt(state.steps, index, { status: 'running', startedAt: at }) };
}

function startPhase(state: FlowState, phase: StartablePhase, at: number): FlowState {
  if (!canStartPhase(state)) return state;
  const kept = state.steps.filter((step) => step.phase !== phase);
  const added = freshSteps(phase);
  // The click on Refresh or Call write_note is the go-ahead for the phase's first step.
  added[0] = { ...added[0]!, status: 'running', startedAt: at };
  return { ...state, steps: [...kept, ...added] };
}

function finishStep(state: FlowState, event: Extract<FlowEvent, { type: 'succeeded' }>): FlowState {
  const index = runningIndex(state, event);
  if (index === -1) return state;
  let steps = replaceAt(state.steps, index, { status: 'done', endedAt: event.at });
  const phase = steps[index]!.phase;
  if (event.endPhase) {
    steps = steps.filter((step, i) => i <= index || step.phase !== phase);
  }
  const next = steps.findIndex((step, i) => i > index && step.status === 'pending');
  if (next !== -1 && steps[next]!.phase === phase) {
    steps =
      state.mode === 'run-all'
        ? replaceAt(steps, next, { status: 'running', startedAt: event.at })
        : replaceAt(steps, next, { status: 'paused' });
  }
  return { ...state, steps };
}

function failStep(state: FlowState, event: Extract<FlowEvent, { type: 'failed' }>): FlowState {
  const index = runningIndex(state, event);
  if (index === -1) return state;
  return {
    ...state,
    steps: replaceAt(state.steps, index, {
      status: 'error',
      endedAt: event.at,
      error: event.error,
    }),
  };
}

/** The index of the event's step when it belongs to this run and is running, else -1. */
function runningIndex(state: FlowState, event: { runId: number; step: StepName }): number {
  if (event.runId !== state.runId) return -1;
  return state.steps.findIndex((step) => step.name === event.step && step.status === 'running');
}

function replaceAt(steps: StepState[], index: number, patch: Partial<StepState>): StepState[] {
  return steps.map((step, i) => (i === index ? { ...step, ...patch } : step));
}

/** The step whose work is under way; at most one step runs at a time. */
export function runningStep(state: FlowState): StepState | undefined {
  return state.steps.find((step) => step.status === 'running');
}

/** The step waiting for the user's Continue, if any. */
export function pausedStep(state: FlowState): StepState | undefined {
  return state.steps.find((step) => step.status === 'paused');
}

/** The first failed step: the flow stops there until the user restarts. */
export function failedStep(state: FlowState): StepState | undefined {
  return state.steps.find((step) => step.status === 'error');
}

export function isHalted(state: FlowState): boolean {
  return failedStep(state) !== undefined;
}

/** True once every main step is done: the client holds a token and has listed the tools. */
export function isMainPhaseDone(state: FlowState): boolean {
  return state.steps.filter((step) => step.phase === 'main').every((s) => s.status === 'done');
}

/** Nothing is running or waiting for Continue, and nothing failed. */
export function isIdle(state: FlowState): boolean {
  return state.steps.every((step) => step.status === 'done' || step.status === 'pending');
}

/** Refresh and step-up start from the end of the main phase, when nothing else is going on. */
export function canStartPhase(state: FlowState): boolean {
  return isMainPhaseDone(state) && isIdle(state);
}

/** The flow in this tab has come to an end: the moment to clear whatever it stored. */
export function isFlowOver(state: FlowState): boolean {
  return isHalted(state) || canStartPhase(state);
}
