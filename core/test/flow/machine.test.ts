import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canStartPhase,
  failedStep,
  flowReducer,
  initialFlowState,
  isFlowOver,
  isMainPhaseDone,
  pausedStep,
  runningStep,
} from '../../src/flow/machine.ts';
import type { FlowEvent, FlowState, StepError } from '../../src/flow/machine.ts';
import { parseFlowState } from '../../src/flow/machine-schema.ts';
import { MAIN_STEPS, STEP_UP_STEPS } from '../../src/flow/steps.ts';
import type { StepName } from '../../src/flow/steps.ts';

const statuses = (state: FlowState) =>
  Object.fromEntries(state.steps.map((step) => [step.name, step.status]));

const run = (state: FlowState, ...events: FlowEvent[]) => events.reduce(flowReducer, state);

const succeed = (state: FlowState, at = 1, endPhase = false): FlowState => {
  const step = runningStep(state);
  if (!step) throw new Error('no running step');
  return flowReducer(state, {
    type: 'succeeded',
    runId: state.runId,
    step: step.name,
    at,
    ...(endPhase ? { endPhase } : {}),
  });
};

const error: StepError = { code: 'cors', message: 'The server sends no CORS headers.' };

function completeMainPhase(): FlowState {
  let state = flowReducer(initialFlowState(), { type: 'run-all', at: 0 });
  for (let i = 0; i < MAIN_STEPS.length; i++) state = succeed(state, i + 1);
  return state;
}

describe('the flow step machine', () => {
  it('starts with every main step pending and the first one waiting for the user', () => {
    const state = initialFlowState();
    expect(state.mode).toBe('step');
    expect(state.steps.map((s) => s.name)).toEqual([...MAIN_STEPS]);
    expect(statuses(state)).toMatchObject({ probe: 'paused', 'resource-metadata': 'pending' });
    expect(runningStep(state)).toBeUndefined();
  });

  it('in step mode runs one step per Continue and pauses before the next', () => {
    let state = flowReducer(initialFlowState(), { type: 'continue', at: 10 });
    expect(runningStep(state)).toMatchObject({ name: 'probe', startedAt: 10 });
    state = succeed(state, 20);
    expect(statuses(state)).toMatchObject({ probe: 'done', 'resource-metadata': 'paused' });
    expect(state.steps[0]).toMatchObject({ startedAt: 10, endedAt: 20 });
    expect(runningStep(state)).toBeUndefined();
    state = flowReducer(state, { type: 'continue', at: 30 });
    expect(runningStep(state)?.name).toBe('resource-metadata');
  });

  it('in run-all mode starts each next step as soon as the previous one succeeds', () => {
    let state = flowReducer(initialFlowState(), { type: 'run-all', at: 0 });
    expect(state.mode).toBe('run-all');
    for (const name of MAIN_STEPS) {
      expect(runningStep(state)?.name).toBe(name);
      expect(pausedStep(state)).toBeUndefined();
      state = succeed(state);
    }
    expect(isMainPhaseDone(state)).toBe(true);
    expect(isFlowOver(state)).toBe(true);
  });

  it('switches from step mode to run-all half way, starting the paused step', () => {
    let state = run(initialFlowState(), { type: 'continue', at: 0 });
    state = succeed(state);
    state = flowReducer(state, { type: 'run-all', at: 5 });
    expect(runningStep(state)).toMatchObject({ name: 'resource-metadata', startedAt: 5 });
    state = succeed(state);
    expect(runningStep(state)?.name).toBe('authorization-server-metadata');
  });

  it('stops at a failed step, keeps the rest pending and ignores Continue and Run all', () => {
    let state = run(initialFlowState(), { type: 'run-all', at: 0 });
    state = succeed(state);
    state = flowReducer(state, {
      type: 'failed',
      runId: state.runId,
      step: 'resource-metadata',
      at: 2,
      error,
    });
    expect(failedStep(state)).toMatchObject({ name: 'resource-metadata', error });
    expect(statuses(state)['authorization-server-metadata']).toBe('pending');
    expect(runningStep(state)).toBeUndefined();
    expect(run(state, { type: 'continue', at: 3 }, { type: 'run-all', at: 3 })).toBe(state);
    expect(isFlowOver(state)).toBe(true);
  });

  it('on restart begins a new run in step mode and ignores results of the old run', () => {
    let state = run(initialFlowState(), { type: 'run-all', at: 0 });
    const oldRun = state.runId;
    state = flowReducer(state, { type: 'restart' });
    expect(state).toEqual(initialFlowState(oldRun + 1));
    const late = flowReducer(state, { type: 'succeeded', runId: oldRun, step: 'probe', at: 9 });
    expect(late).toBe(state);
    const lateFailure = flowReducer(state, {
      type: 'failed',
      runId: oldRun,
      step: 'probe',
      at: 9,
      error,
    });
    expect(lateFailure).toBe(state);
  });

  it('ignores a result for a step that is not running', () => {
    const state = initialFlowState();
    expect(flowReducer(state, { type: 'succeeded', runId: 0, step: 'token', at: 1 })).toBe(state);
    expect(flowReducer(state, { type: 'succeeded', runId: 0, step: 'probe', at: 1 })).toBe(state);
  });

  it('starts refresh and step-up only once the main phase is done and idle', () => {
    const early = run(initialFlowState(), { type: 'run-all', at: 0 });
    expect(canStartPhase(early)).toBe(false);
    expect(flowReducer(early, { type: 'start-phase', phase: 'refresh', at: 1 })).toBe(early);

    const done = completeMainPhase();
    expect(canStartPhase(done)).toBe(true);
    const refreshing = flowReducer(done, { type: 'start-phase', phase: 'refresh', at: 50 });
    expect(runningStep(refreshing)).toMatchObject({ name: 'refresh', phase: 'refresh' });
    expect(canStartPhase(refreshing)).toBe(false);
    expect(isFlowOver(refreshing)).toBe(false);
    const refreshed = succeed(refreshing, 60);
    expect(canStartPhase(refreshed)).toBe(true);

    // A second refresh replaces the first one's step instead of adding another.
    const again = succeed(
      flowReducer(refreshed, { type: 'start-phase', phase: 'refresh', at: 70 }),
    );
    expect(again.steps.filter((s) => s.name === 'refresh')).toHaveLength(1);
  });

  it('walks the step-up phase in the current mode, across its redirect', () => {
    let state = flowReducer(completeMainPhase(), { type: 'start-phase', phase: 'step-up', at: 0 });
    expect(state.steps.slice(-STEP_UP_STEPS.length).map((s) => s.name)).toEqual([...STEP_UP_STEPS]);
    for (const name of STEP_UP_STEPS) {
      expect(runningStep(state)?.name).toBe(name);
      state = succeed(state);
    }
    expect(canStartPhase(state)).toBe(true);
  });

  it('in step mode pauses inside the step-up phase after the first step', () => {
    let state = run(initialFlowState(), { type: 'continue', at: 0 });
    for (let i = 0; i < MAIN_STEPS.length; i++) {
      state = succeed(state);
      if (pausedStep(state)) state = flowReducer(state, { type: 'continue', at: 0 });
    }
    expect(isMainPhaseDone(state)).toBe(true);
    state = succeed(flowReducer(state, { type: 'start-phase', phase: 'step-up', at: 0 }));
    expect(pausedStep(state)?.name).toBe('step-up-authorization-request');
  });

  it('drops the rest of a phase when a step ends it early', () => {
    let state = flowReducer(completeMainPhase(), { type: 'start-phase', phase: 'step-up', at: 0 });
    state = succeed(state, 1, true);
    expect(state.steps.at(-1)).toMatchObject({ name: 'write-note', status: 'done' });
    expect(state.steps.some((s) => s.name === 'step-up-token')).toBe(false);
    expect(canStartPhase(state)).toBe(true);
  });

  it('keeps at most one step running or paused, whatever the events', () => {
    const stepName = fc.constantFrom<StepName>(...MAIN_STEPS, ...STEP_UP_STEPS, 'refresh');
    const event: fc.Arbitrary<FlowEvent> = fc.oneof(
      fc.record({ type: fc.constant('continue' as const), at: fc.nat() }),
      fc.record({ type: fc.constant('run-all' as const), at: fc.nat() }),
      fc.record({ type: fc.constant('restart' as const) }),
      fc.record({
        type: fc.constant('start-phase' as const),
        phase: fc.constantFrom('refresh' as const, 'step-up' as const),
        at: fc.nat(),
      }),
      fc.record({
        type: fc.constant('succeeded' as const),
        runId: fc.nat({ max: 3 }),
        step: stepName,
        at: fc.nat(),
        endPhase: fc.boolean(),
      }),
      fc.record({
        type: fc.constant('failed' as const),
        runId: fc.nat({ max: 3 }),
        step: stepName,
        at: fc.nat(),
        error: fc.constant(error),
      }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        const state = events.reduce(flowReducer, initialFlowState());
        const active = state.steps.filter((s) => s.status === 'running' || s.status === 'paused');
        expect(active.length).toBeLessThanOrEqual(1);
        expect(state.steps.filter((s) => s.status === 'error').length).toBeLessThanOrEqual(1);
        expect(parseFlowState(JSON.parse(JSON.stringify(state)))).toEqual(state);
      }),
    );
  });
});

describe('parseFlowState', () => {
  it('reads back a state written by the machine', () => {
    const state = completeMainPhase();
    expect(parseFlowState(JSON.parse(JSON.stringify(state)))).toEqual(state);
  });

  it.each([
    ['null', null],
    ['a string', 'flow'],
    [
      'an unknown step',
      { runId: 0, mode: 'step', steps: [{ name: 'x', phase: 'main', status: 'done' }] },
    ],
    [
      'an unknown status',
      { runId: 0, mode: 'step', steps: [{ name: 'probe', phase: 'main', status: 'ok' }] },
    ],
    [
      'two running steps',
      {
        runId: 0,
        mode: 'run-all',
        steps: [
          { name: 'probe', phase: 'main', status: 'running' },
          { name: 'token', phase: 'main', status: 'running' },
        ],
      },
    ],
  ])('refuses %s', (_name, value) => {
    expect(parseFlowState(value)).toBeUndefined();
  });
});
