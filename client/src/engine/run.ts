import { findProfile, navigationExchange, redactLog } from '@mcp-auth-playground/core';
import type {
  HttpExchange,
  ProfileId,
  RegistrationChoice,
  StepName,
} from '@mcp-auth-playground/core';
import type { StepContext, StepExecutor } from '../flow/context.ts';
import { StepFailure } from '../flow/types.ts';
import type {
  ClientCredentials,
  FlowConfig,
  RegistrationData,
  PendingAuthorization,
  StepDataMap,
  StepOutput,
  TokenSet,
} from '../flow/types.ts';
import { EXECUTORS } from '../steps/index.ts';
import { dataFor } from '../steps/need.ts';
import { callTool, listTools, probeOrListTools } from './calls.ts';
import type { CallOutcome, McpCall } from './calls.ts';
import { engineErrorOf, internalError } from './errors.ts';
import type { EngineError, TransportFailureKind } from './errors.ts';
import { dataOf, stepText } from './events.ts';
import type { ExchangeEvent, StepEvent } from './events.ts';
import type { ClientIo } from './io.ts';
import { discoveryFetchOf, engineFetch, stepFetchOf, TransportError } from './transport.ts';

export interface ToolCall {
  /** The tool to call; the first one tools/list named when left out. */
  name?: string;
  arguments?: Record<string, unknown>;
}

export interface RunFlowOptions {
  /** The MCP server's URL, e.g. http://localhost:4000/mcp. */
  serverUrl: string;
  /** Whose scope decision and request the run makes (core's profile id). */
  profile: ProfileId;
  /** A client id registered beforehand; comes first in the spec's order. */
  clientId?: string;
  /** The pre-registered client's secret: makes it a confidential client. Memory only. */
  clientSecret?: string;
  /** The https URL of this client's Client ID Metadata Document. */
  clientMetadataUrl?: string;
  /** This client's metadata: the DCR body and what the scope decision reads. */
  clientMetadata?: Record<string, unknown>;
  /** How to get a client id; `auto` (the spec's order) by default. */
  registration?: RegistrationChoice;
  redirectUri: string;
  io: ClientIo;
  onStep?: (event: StepEvent) => void;
  onExchange?: (event: ExchangeEvent) => void;
  /** Use the refresh token once, as the browser's Refresh does, when one was issued. Default true. */
  refresh?: boolean;
  /** Call a tool after tools/list, with step-up on 403 insufficient_scope. */
  callTool?: ToolCall;
  signal?: AbortSignal;
}

interface RunSummary {
  /** What each step found, under its step name, as the browser's step details show it. */
  steps: StepDataMap;
  /** Every exchange in order, secrets shortened. */
  exchanges: HttpExchange[];
}

export type RunFlowResult =
  | (RunSummary & {
      ok: true;
      /** The tool names of the last tools/list. */
      tools: string[];
      /** The text the tool answered, when `callTool` was given. */
      toolResult?: string;
    })
  | (RunSummary & { ok: false; error: EngineError });

/** Ends a run: the step has reported its failure already. */
export class Stopped extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
    this.name = 'Stopped';
  }
}

const DISCOVERY_AFTER_PROBE: readonly StepName[] = [
  'resource-metadata',
  'authorization-server-metadata',
];

const MAIN_AFTER_PROBE: readonly StepName[] = [
  ...DISCOVERY_AFTER_PROBE,
  'registration',
  'scope',
  'authorization-request',
  'authorization-response',
  'token',
];

const STEP_UP: readonly StepName[] = [
  'step-up-authorization-request',
  'step-up-authorization-response',
  'step-up-token',
];

const REDIRECT_LABELS = {
  leave: 'The user agent goes to the authorization endpoint',
  back: 'The authorization server redirects back to the redirect URI',
};

function invalid(message: string, reason: string): EngineError {
  return { code: 'invalid-input', message, reason };
}

/** Problems with the options themselves, found before any request is sent. */
function optionProblem(options: RunFlowOptions): EngineError | undefined {
  if (typeof options.serverUrl !== 'string' || options.serverUrl.trim() === '') {
    return invalid(
      'Give the MCP server URL, e.g. http://localhost:4000/mcp.',
      'missing-server-url',
    );
  }
  if (!findProfile(options.profile)) {
    return invalid(
      `There is no client profile named “${String(options.profile)}”.`,
      'unknown-profile',
    );
  }
  try {
    new URL(options.redirectUri);
  } catch {
    return invalid('The redirect URI must be an absolute URL.', 'invalid-redirect-uri');
  }
  if (options.clientSecret && !options.clientId) {
    return invalid('A client secret needs the client id it belongs to.', 'missing-client-id');
  }
  return undefined;
}

/** One run of the flow over injected I/O; the page's session does the same with its own driver. */
export class FlowRun {
  private data: StepDataMap = {};
  private tokens: TokenSet | undefined;
  private pending: PendingAuthorization | undefined;
  private credentials: ClientCredentials | undefined;
  private callbackUrl: string | undefined;
  private readonly log: HttpExchange[] = [];
  /**
   * Each authorization server's client, by issuer: a client id and secret belong to the server
   * that issued them, and are never shown to another (MCP 2026-07-28, SEP-2352).
   */
  private readonly registrations = new Map<
    string,
    { data: RegistrationData; credentials?: ClientCredentials }
  >();
  private sequence = 0;
  private readonly transport: { failure?: TransportFailureKind } = {};
  private readonly fetch: typeof fetch;
  private readonly config: FlowConfig;
  private readonly signal: AbortSignal;

  constructor(private readonly options: RunFlowOptions) {
    this.fetch = engineFetch(options.io.fetch, this.transport);
    this.signal = options.signal ?? new AbortController().signal;
    this.config = {
      serverUrl: options.serverUrl,
      registration: options.registration ?? 'auto',
      clientId: options.clientId ?? '',
      cimdUrl: options.clientMetadataUrl ?? '',
      profile: options.profile,
    };
  }

  summary(): RunSummary {
    return { steps: this.data, exchanges: redactLog(this.log, 'shorten', this.secrets()) };
  }

  private secrets(): string[] {
    return [
      this.tokens?.accessToken,
      this.tokens?.refreshToken,
      this.tokens?.idToken,
      this.pending?.codeVerifier,
      this.credentials?.clientSecret,
    ].filter((value): value is string => typeof value === 'string' && value !== '');
  }

  private readonly record = (exchange: HttpExchange): void => {
    this.log.push(exchange);
    if (!this.options.onExchange) return;
    const [shown] = redactLog([exchange], 'shorten', this.secrets());
    this.options.onExchange({ exchange: shown!, revealed: exchange });
  };

  private readonly nextId = (): string => `e${++this.sequence}`;

  private context(step: StepName): StepContext {
    const recorder = {
      fetch: this.fetch,
      now: this.options.io.now,
      record: this.record,
      nextId: this.nextId,
    };
    return {
      step,
      config: this.config,
      data: this.data,
      tokens: this.tokens,
      pending: this.pending,
      credentials: this.credentials,
      callbackUrl: this.callbackUrl,
      redirectUri: this.options.redirectUri,
      origin: '',
      signal: this.signal,
      fetch: (label) => stepFetchOf(recorder, step, label),
      discoveryFetch: () => discoveryFetchOf(recorder, step),
      now: this.options.io.now,
      randomBytes: this.options.io.randomBytes,
      confidential: true,
      ...(this.options.clientMetadata ? { clientMetadata: this.options.clientMetadata } : {}),
    };
  }

  private emit(event: StepEvent): void {
    this.options.onStep?.(event);
  }

  private apply(output: StepOutput): void {
    if (output.data) this.data = { ...this.data, ...output.data };
    if (output.tokens === null) this.tokens = undefined;
    else if (output.tokens) this.tokens = output.tokens;
    if (output.credentials === null) this.credentials = undefined;
    else if (output.credentials) this.credentials = output.credentials;
    if (output.pending === null) {
      this.pending = undefined;
      this.callbackUrl = undefined;
    } else if (output.pending) {
      this.pending = output.pending;
    }
  }

  /**
   * Runs one step: the running event, the work (with the authorize hook between leaving for
   * the authorization server and the step's second half), then the outcome event.
   */
  private async step<T>(
    step: StepName,
    work: (context: StepContext) => Promise<{ output: StepOutput; value: T }>,
    tool?: string,
  ): Promise<T> {
    const text = stepText(step, tool);
    const startedAt = this.options.io.now();
    this.emit({ step, status: 'running', ...text, at: startedAt });
    let result: { output: StepOutput; value: T };
    try {
      result = await work(this.context(step));
      if (result.output.redirect !== undefined) {
        this.callbackUrl = await this.authorize(step, result.output.redirect);
        result = await work(this.context(step));
      }
    } catch (error) {
      const engineError = this.errorOf(step, error);
      const at = this.options.io.now();
      const data = dataOf(this.data, step);
      this.emit({
        step,
        status: 'failed',
        ...text,
        at,
        durationMs: at - startedAt,
        ...(data === undefined ? {} : { data }),
        error: engineError,
      });
      throw new Stopped(engineError);
    }
    this.apply(result.output);
    const at = this.options.io.now();
    const data = dataOf(result.output.data, step);
    this.emit({
      step,
      status: 'succeeded',
      ...text,
      at,
      durationMs: at - startedAt,
      ...(data === undefined ? {} : { data }),
    });
    return result.value;
  }

  private errorOf(step: StepName, error: unknown): EngineError {
    if (error instanceof Stopped) return error.error;
    if (error instanceof StepFailure) {
      if (error.data) this.data = { ...this.data, ...error.data };
      const findings = [
        ...(error.error.findings ?? []),
        ...(error.data?.probe?.findings ?? []),
        ...(error.data?.['resource-metadata']?.findings ?? []),
        ...(error.data?.['authorization-server-metadata']?.findings ?? []),
      ];
      return engineErrorOf(step, error.error, {
        findings,
        ...(this.transport.failure ? { transport: this.transport.failure } : {}),
      });
    }
    if (this.signal.aborted) {
      return { code: 'cancelled', message: 'The run was cancelled.', step, reason: 'cancelled' };
    }
    return internalError(step, error);
  }

  /** The authorize hook between the two halves of a redirect step, logged as the browser logs it. */
  private async authorize(step: StepName, url: string): Promise<string> {
    this.record(
      navigationExchange({
        id: this.nextId(),
        step,
        url,
        label: REDIRECT_LABELS.leave,
        at: this.options.io.now(),
      }),
    );
    let callbackUrl: string;
    try {
      callbackUrl = await this.options.io.authorize({
        url,
        redirectUri: this.options.redirectUri,
        phase: step === 'step-up-authorization-response' ? 'step-up' : 'main',
        signal: this.signal,
      });
    } catch (error) {
      throw new Stopped(this.authorizeError(step, error));
    }
    this.record(
      navigationExchange({
        id: this.nextId(),
        step,
        url: callbackUrl,
        label: REDIRECT_LABELS.back,
        at: this.options.io.now(),
      }),
    );
    return callbackUrl;
  }

  private authorizeError(step: StepName, error: unknown): EngineError {
    const detail = error instanceof Error ? error.message : String(error);
    const code = error instanceof TransportError ? error.kind : 'protocol-violation';
    return {
      code: this.signal.aborted ? 'cancelled' : code,
      message: `No authorization response came back: ${detail}.`,
      step,
      reason: 'no-authorization-response',
    };
  }

  /**
   * Registration through the issuer's record: a server registered with before keeps its client;
   * a new one gets a registration of its own, and no other server's secret.
   */
  private readonly registration: StepExecutor = async (context) => {
    const issuer = context.data['authorization-server-metadata']?.issuer ?? '';
    const known = this.registrations.get(issuer);
    if (known) {
      return {
        data: dataFor('registration', {
          ...known.data,
          notes: [
            ...known.data.notes,
            `The client registered with ${issuer} earlier is used again.`,
          ],
        }),
        credentials: known.credentials ?? null,
      };
    }
    const output = await EXECUTORS.registration(context);
    const data = output.data?.registration;
    const preRegistered =
      data?.method === 'pre-registered' && this.options.clientSecret
        ? { clientSecret: this.options.clientSecret }
        : undefined;
    const credentials = output.credentials ?? preRegistered;
    if (data) this.registrations.set(issuer, { data, ...(credentials ? { credentials } : {}) });
    return { ...output, credentials: credentials ?? null };
  };

  /** The steps that get a token, from the metadata on: the main flow's, and a re-authorization's. */
  private async authorizeFromMetadata(): Promise<void> {
    for (const name of MAIN_AFTER_PROBE) {
      const executor = name === 'registration' ? this.registration : EXECUTORS[name];
      await this.step(name, this.plain(executor));
    }
  }

  private plain(
    executor: StepExecutor,
  ): (context: StepContext) => Promise<{ output: StepOutput; value: undefined }> {
    return async (context) => ({ output: await executor(context), value: undefined });
  }

  /**
   * An MCP call, retried once after a step-up (403 insufficient_scope) or a new authorization
   * (401 to the token); the retry runs as `retryStep`.
   */
  private async callWithOneRetry(
    firstStep: StepName,
    retryStep: StepName,
    call: McpCall,
    tool?: string,
  ): Promise<Extract<CallOutcome, { kind: 'listed' | 'called' }>> {
    let step = firstStep;
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await this.step(
        step,
        async (context) => {
          const result = await call(context, attempt > 0);
          const data = resultData(step, result);
          return { output: { data }, value: result };
        },
        tool,
      );
      if (outcome.kind === 'listed' || outcome.kind === 'called') return outcome;
      if (outcome.kind === 'step-up') {
        // The step-up steps read the decision where the browser's write-note step leaves it.
        this.data = { ...this.data, ...dataFor('write-note', outcome.stepUp) };
        for (const name of STEP_UP) await this.step(name, this.plain(EXECUTORS[name]));
      } else {
        this.reauthorizeFrom(outcome);
        await this.authorizeFromMetadata();
      }
      step = retryStep;
    }
  }

  /**
   * A token refused with 401: forget it, and take the new challenge as the probe's, so discovery
   * reads the metadata the server points at now (its authorization server may have changed).
   */
  private reauthorizeFrom(outcome: Extract<CallOutcome, { kind: 'reauthorize' }>): void {
    this.tokens = undefined;
    const probe = this.data.probe;
    if (outcome.wwwAuthenticate === undefined || !probe) return;
    this.data = {
      ...this.data,
      probe: {
        ...probe,
        status: 401,
        wwwAuthenticate: outcome.wwwAuthenticate,
        ...(outcome.challenge ? { challenge: outcome.challenge } : {}),
      },
    };
  }

  /** The three discovery steps only, as `run` starts with them. */
  async discover(): Promise<void> {
    await this.step('probe', this.plain(probeOrListTools));
    for (const name of DISCOVERY_AFTER_PROBE) await this.step(name, this.plain(EXECUTORS[name]));
  }

  async run(): Promise<{ tools: string[]; toolResult?: string }> {
    await this.step('probe', this.plain(probeOrListTools));
    await this.authorizeFromMetadata();
    const listed = await this.callWithOneRetry('mcp', 'mcp', listTools);
    const tools = listed.kind === 'listed' ? listed.data.tools.map((tool) => tool.name) : [];
    if (this.options.refresh !== false && this.tokens?.refreshToken) {
      await this.step('refresh', this.plain(EXECUTORS.refresh));
    }
    const wanted = this.options.callTool;
    if (wanted === undefined) return { tools };
    const name = wanted.name ?? tools[0];
    if (name === undefined) {
      throw new Stopped({
        code: 'protocol-violation',
        message: 'There is no tool to call: tools/list named none.',
        step: 'write-note',
        reason: 'no-tools',
      });
    }
    const called = await this.callWithOneRetry(
      'write-note',
      'write-note-retry',
      callTool(name, wanted.arguments ?? {}),
      name,
    );
    return { tools, ...(called.kind === 'called' ? { toolResult: called.text } : {}) };
  }
}

/** The data a call step shows: the tools listed, the tool's answer, or the step-up decision. */
function resultData(step: StepName, outcome: CallOutcome): StepDataMap {
  switch (outcome.kind) {
    case 'listed':
      return dataFor('mcp', outcome.data);
    case 'called':
      return step === 'write-note-retry'
        ? dataFor('write-note-retry', { result: outcome.text })
        : dataFor('write-note', { status: 200, result: outcome.text });
    case 'step-up':
      return step === 'mcp' ? {} : dataFor('write-note', outcome.stepUp);
    case 'reauthorize':
      return {};
  }
}

/**
 * The whole flow, from the unauthenticated request to tools/list (and, when asked, a tool call),
 * with refresh and step-up as the browser does them. Never rejects: every failure is an
 * `EngineError` in the result, after a `failed` step event.
 */
export async function runFlow(options: RunFlowOptions): Promise<RunFlowResult> {
  const problem = optionProblem(options);
  if (problem) return { ok: false, error: problem, steps: {}, exchanges: [] };
  const run = new FlowRun(options);
  try {
    const outcome = await run.run();
    return { ok: true, ...outcome, ...run.summary() };
  } catch (error) {
    const engineError = error instanceof Stopped ? error.error : internalError(undefined, error);
    return { ok: false, error: engineError, ...run.summary() };
  }
}
