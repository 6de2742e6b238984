import {
  DEFAULT_PROFILE,
  flowReducer,
  initialFlowState,
  isFlowOver,
  navigationExchange,
  runningStep,
} from '@mcp-auth-playground/core';
import type {
  FlowEvent,
  HttpExchange,
  StartablePhase,
  StepError,
  StepName,
} from '@mcp-auth-playground/core';
import { EXECUTORS, StepFailure } from '@mcp-auth-playground/client';
import type {
  FlowConfig,
  FlowSnapshot,
  PendingAuthorization,
  StepContext,
  StepExecutor,
  StepOutput,
} from '@mcp-auth-playground/client';
import { discoveryFetch, stepFetch } from './network.ts';
import type { NetworkOptions } from './network.ts';
import { clearFlow, hasStoredFlow, saveFlow, takeFlow } from './persistence.ts';

export const DEFAULT_SERVER_URL = 'http://localhost:4000/mcp';

export const DEFAULT_CONFIG: FlowConfig = {
  serverUrl: DEFAULT_SERVER_URL,
  registration: 'auto',
  clientId: '',
  cimdUrl: '',
  profile: DEFAULT_PROFILE,
};

/** What the session needs from the browser; tests pass stand-ins. */
export interface FlowEnvironment {
  fetch: typeof fetch;
  /** sessionStorage, or undefined where the browser refuses it. */
  storage: Storage | undefined;
  origin: string;
  /** This app's /callback URL, the redirect URI. */
  redirectUri: string;
  /** Leaves the page for the authorization server. */
  leave: (url: string) => void;
  now: () => number;
  /** Random octets for the PKCE verifier and state; WebCrypto's when left out. */
  randomBytes?: (length: number) => Uint8Array;
}

const webCryptoBytes = (length: number): Uint8Array =>
  crypto.getRandomValues(new Uint8Array(length));

/** Identifies one run of one step, so a step is started once however often React renders. */
export interface StepRun {
  runId: number;
  step: StepName;
  startedAt: number;
}

const REDIRECT_STEPS = new Set<StepName>([
  'authorization-response',
  'step-up-authorization-response',
]);

/**
 * The flow in this tab: the step machine from core, what each step found, the HTTP log, and the
 * tokens, which exist only in this object's memory. Views subscribe to it; it outlives them, so
 * moving from /callback to /flow loses nothing.
 */
export class FlowSession {
  private snapshot: FlowSnapshot;
  private readonly listeners = new Set<() => void>();
  private controller = new AbortController();
  private readonly started = new Set<string>();
  private pending: PendingAuthorization | undefined;
  private callbackUrl: string | undefined;
  private sequence = 0;

  constructor(
    private readonly env: FlowEnvironment,
    config: FlowConfig = DEFAULT_CONFIG,
    /** The work of each step; tests replace some. */
    private readonly executors: Readonly<Record<StepName, StepExecutor>> = EXECUTORS,
  ) {
    this.snapshot = { config, machine: initialFlowState(), data: {}, log: [] };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): FlowSnapshot => this.snapshot;

  private update(patch: Partial<FlowSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }

  private dispatch(event: FlowEvent): void {
    const machine = flowReducer(this.snapshot.machine, event);
    if (machine === this.snapshot.machine) return;
    this.update({ machine });
    if (isFlowOver(machine)) {
      // The flow has ended: nothing of it may stay in storage, and nothing is pending.
      clearFlow(this.env.storage);
      this.pending = undefined;
      this.callbackUrl = undefined;
    }
    this.startRunningStep();
  }

  private driver: ((run: StepRun) => void) | undefined;

  /**
   * Lets the view start each step as soon as the machine says it runs, without waiting for a
   * render: the next step of a run-all flow begins while the page is still drawing the last one.
   */
  attachDriver(driver: (run: StepRun) => void): void {
    this.driver = driver;
    this.startRunningStep();
  }

  private startRunningStep(): void {
    if (!this.driver) return;
    const run = this.claimRunningStep();
    if (run) this.driver(run);
  }

  /** Whether any step has started: the settings are fixed from then until Restart. */
  hasStarted(): boolean {
    const [first, ...rest] = this.snapshot.machine.steps;
    return first?.status !== 'paused' || rest.some((step) => step.status !== 'pending');
  }

  setConfig(patch: Partial<FlowConfig>): void {
    if (this.hasStarted()) return;
    this.update({ config: { ...this.snapshot.config, ...patch } });
  }

  continue(): void {
    this.dispatch({ type: 'continue', at: this.env.now() });
  }

  runAll(): void {
    this.dispatch({ type: 'run-all', at: this.env.now() });
  }

  startPhase(phase: StartablePhase): void {
    this.dispatch({ type: 'start-phase', phase, at: this.env.now() });
  }

  /** Back to the first step: requests in flight are aborted and their answers ignored. */
  restart(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.started.clear();
    this.pending = undefined;
    this.callbackUrl = undefined;
    clearFlow(this.env.storage);
    const machine = flowReducer(this.snapshot.machine, { type: 'restart' });
    this.snapshot = { config: this.snapshot.config, machine, data: {}, log: [] };
    for (const listener of this.listeners) listener();
    this.startRunningStep();
  }

  /** The step to start now, once: undefined when none is running or it already started. */
  claimRunningStep(): StepRun | undefined {
    const step = runningStep(this.snapshot.machine);
    if (!step) return undefined;
    const run = {
      runId: this.snapshot.machine.runId,
      step: step.name,
      startedAt: step.startedAt ?? 0,
    };
    const key = `${run.runId}:${run.step}:${run.startedAt}`;
    if (this.started.has(key)) return undefined;
    this.started.add(key);
    return run;
  }

  /** Does one step's work and moves the machine on; never rejects. */
  async execute(run: StepRun): Promise<void> {
    const context = this.contextFor(run.step);
    let output: StepOutput;
    try {
      output = await this.executors[run.step](context);
    } catch (error) {
      if (run.runId !== this.snapshot.machine.runId) return;
      const failure = asStepFailure(error);
      if (failure.data) this.update({ data: { ...this.snapshot.data, ...failure.data } });
      this.dispatch({
        type: 'failed',
        runId: run.runId,
        step: run.step,
        at: this.env.now(),
        error: failure.error,
      });
      return;
    }
    if (run.runId !== this.snapshot.machine.runId) return;
    if (output.redirect !== undefined) {
      this.leaveFor(output.redirect, run);
      return;
    }
    this.apply(output);
    this.dispatch({
      type: 'succeeded',
      runId: run.runId,
      step: run.step,
      at: this.env.now(),
      ...(output.endPhase ? { endPhase: true } : {}),
    });
  }

  private apply(output: StepOutput): void {
    const patch: Partial<FlowSnapshot> = {};
    if (output.data) patch.data = { ...this.snapshot.data, ...output.data };
    if (output.tokens === null) patch.tokens = undefined;
    else if (output.tokens) patch.tokens = output.tokens;
    if (output.pending === null) {
      this.pending = undefined;
      this.callbackUrl = undefined;
    } else if (output.pending) {
      this.pending = output.pending;
    }
    this.update(patch);
  }

  private nextId = (): string => `e${++this.sequence}`;

  private record = (exchange: HttpExchange): void => {
    this.update({ log: [...this.snapshot.log, exchange] });
  };

  private contextFor(step: StepName): StepContext {
    const network: NetworkOptions = {
      fetch: this.env.fetch,
      origin: this.env.origin,
      record: this.record,
      nextId: this.nextId,
    };
    const { config, data, tokens } = this.snapshot;
    return {
      step,
      config,
      data,
      tokens,
      pending: this.pending,
      // A page cannot keep a client secret: it runs as a public client and drops any it is issued.
      credentials: undefined,
      confidential: false,
      callbackUrl: this.callbackUrl,
      redirectUri: this.env.redirectUri,
      origin: this.env.origin,
      signal: this.controller.signal,
      fetch: (label, exposeHeaders) =>
        stepFetch({ ...network, ...(exposeHeaders ? { exposeHeaders } : {}) }, step, label),
      discoveryFetch: () => discoveryFetch(network, step),
      now: this.env.now,
      randomBytes: this.env.randomBytes ?? webCryptoBytes,
    };
  }

  /**
   * Saves what the callback needs and leaves for the authorization server. The step stays
   * running: it finishes on /callback, in the page the server sends the browser back to.
   */
  private leaveFor(url: string, run: StepRun): void {
    const pending = this.pending;
    this.record(
      navigationExchange({
        id: this.nextId(),
        step: run.step,
        url,
        label: 'The browser goes to the authorization endpoint',
        at: this.env.now(),
      }),
    );
    const storage = this.env.storage;
    try {
      if (!storage || !pending) throw new Error('no storage');
      saveFlow(
        storage,
        {
          version: 1,
          config: this.snapshot.config,
          machine: this.snapshot.machine,
          data: this.snapshot.data,
          log: this.snapshot.log,
          pending,
          sequence: this.sequence,
        },
        this.secrets(),
      );
    } catch {
      this.dispatch({
        type: 'failed',
        runId: run.runId,
        step: run.step,
        at: this.env.now(),
        error: {
          code: 'storage-unavailable',
          message:
            'This browser refused session storage, where the flow keeps the PKCE verifier and state across the redirect; allow site data for this page and restart.',
        },
      });
      return;
    }
    this.env.leave(url);
  }

  private secretCache: readonly string[] = [];

  /**
   * Every secret this tab holds, so the log hides them wherever they appear. The same array is
   * returned while they do not change, so a view can memoise on it.
   */
  secrets(): readonly string[] {
    const { tokens } = this.snapshot;
    const current = [
      tokens?.accessToken,
      tokens?.refreshToken,
      tokens?.idToken,
      this.pending?.codeVerifier,
    ].filter((value): value is string => typeof value === 'string' && value !== '');
    const same =
      current.length === this.secretCache.length &&
      current.every((value, index) => value === this.secretCache[index]);
    if (!same) this.secretCache = current;
    return this.secretCache;
  }

  /**
   * The page was opened on /callback: continue the flow stored before the redirect with this
   * response. False (with a notice) when no flow in this tab was waiting for one.
   */
  acceptCallback(callbackUrl: string): boolean {
    const taken = takeFlow(this.env.storage);
    if (taken.kind !== 'flow') {
      this.update({
        notice:
          taken.kind === 'unreadable'
            ? 'The flow saved before the redirect could not be read, so this response cannot be used. Start the flow again.'
            : 'No flow in this tab is waiting for an authorization response, so this one is ignored. Start the flow from the beginning.',
      });
      return false;
    }
    const { flow } = taken;
    const step = runningStep(flow.machine);
    if (!step || !REDIRECT_STEPS.has(step.name)) {
      this.update({
        notice:
          'The saved flow was not waiting for the authorization server. Start the flow again.',
      });
      return false;
    }
    this.sequence = flow.sequence;
    this.pending = flow.pending;
    this.callbackUrl = callbackUrl;
    this.started.clear();
    this.snapshot = {
      config: flow.config,
      machine: flow.machine,
      data: flow.data,
      log: [
        ...flow.log,
        navigationExchange({
          id: this.nextId(),
          step: step.name,
          url: callbackUrl,
          label: 'The authorization server sends the browser back to /callback',
          at: this.env.now(),
        }),
      ],
    };
    for (const listener of this.listeners) listener();
    return true;
  }

  /**
   * The flow page is shown without an authorization response while a flow waits for one: the
   * back button from the authorization server (the page restored from the back-forward cache,
   * or loaded again). The redirect step cannot finish, so it fails with a way out, and what was
   * stored for it is removed.
   */
  noticeAbandonedRedirect(): void {
    if (!hasStoredFlow(this.env.storage)) return;
    if (!this.hasStarted()) {
      // A fresh page: show the flow as it was when the browser left, from storage.
      const taken = takeFlow(this.env.storage);
      if (taken.kind !== 'flow') return;
      this.sequence = taken.flow.sequence;
      this.snapshot = {
        config: taken.flow.config,
        machine: taken.flow.machine,
        data: taken.flow.data,
        log: taken.flow.log,
      };
    } else {
      clearFlow(this.env.storage);
    }
    const step = runningStep(this.snapshot.machine);
    if (!step || !REDIRECT_STEPS.has(step.name)) {
      for (const listener of this.listeners) listener();
      return;
    }
    this.dispatch({
      type: 'failed',
      runId: this.snapshot.machine.runId,
      step: step.name,
      at: this.env.now(),
      error: {
        code: 'redirect-abandoned',
        message:
          'The browser came back without an authorization response (the back button?), so nothing can be exchanged. Restart to authorize again.',
      },
    });
  }
}

function asStepFailure(error: unknown): StepFailure {
  if (error instanceof StepFailure) return error;
  const message = error instanceof Error ? error.message : String(error);
  const unexpected: StepError = {
    code: 'unexpected',
    message: `The step hit an error the flow does not know how to explain: ${message}. Restart to try again.`,
  };
  return new StepFailure(unexpected);
}
