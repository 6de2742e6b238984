import { isAbort, recordingFetch } from '@mcp-auth-playground/core';
import type {
  ExchangeFailure,
  HttpExchange,
  RecordingOptions,
  StepName,
} from '@mcp-auth-playground/core';
import { NetworkFailure } from '../flow/network-failure.ts';
import type { TransportFailureKind } from './errors.ts';

/** A request that got no answer, named by what went wrong rather than "fetch failed". */
export class TransportError extends TypeError {
  constructor(
    readonly kind: TransportFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

function causeOf(error: unknown): { code?: string; message?: string } {
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  if (typeof cause !== 'object' || cause === null) return {};
  const { code, message } = cause as { code?: unknown; message?: unknown };
  return {
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof message === 'string' ? { message } : {}),
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** The words for a failed request, from what Node's fetch (undici) puts in `cause`. */
export function describeTransportFailure(error: unknown, url: string): TransportError {
  const cause = causeOf(error);
  const host = hostOf(url);
  if (/redirect count exceeded/i.test(cause.message ?? '')) {
    return new TransportError(
      'redirect-loop',
      `${host} redirected more than 20 times (a redirect loop)`,
      { cause: error },
    );
  }
  if (isAbort(error) && error instanceof Error && error.name === 'TimeoutError') {
    return new TransportError('timeout', `${host} did not answer in time`, { cause: error });
  }
  const words: Record<string, string> = {
    ECONNREFUSED: 'refused the connection',
    ENOTFOUND: 'is not a known host name',
    EAI_AGAIN: 'could not be looked up',
    ECONNRESET: 'closed the connection',
    ETIMEDOUT: 'did not answer in time',
  };
  const said = cause.code ? words[cause.code] : undefined;
  const detail = said
    ? `${host} ${said} (${cause.code})`
    : `no answer from ${host}${cause.message ? `: ${cause.message}` : ''}`;
  return new TransportError('unreachable', detail, { cause: error });
}

/**
 * The outside world's fetch as the engine uses it: each failure is named, and the last one is
 * remembered for the error code.
 */
export function engineFetch(
  fetch: typeof globalThis.fetch,
  seen: { failure?: TransportFailureKind },
): typeof globalThis.fetch {
  return async (input, init) => {
    try {
      return await fetch(input, init);
    } catch (error) {
      if (isAbort(error) && !(error instanceof Error && error.name === 'TimeoutError')) throw error;
      const url = input instanceof Request ? input.url : String(input);
      const named = describeTransportFailure(error, url);
      seen.failure = named.kind;
      throw named;
    }
  };
}

export interface RecorderOptions {
  fetch: typeof globalThis.fetch;
  now: () => number;
  record: (exchange: HttpExchange) => void;
  nextId: () => string;
}

function failureOf(error: unknown): ExchangeFailure {
  if (isAbort(error)) return { kind: 'aborted', message: 'The request was cancelled.' };
  const message =
    error instanceof Error ? `${error.message}.` : 'The request failed without an answer.';
  return { kind: 'network', message: message.charAt(0).toUpperCase() + message.slice(1) };
}

/** The world's fetch, every exchange logged under `step`. */
function recorderFor(
  options: RecorderOptions,
  step: StepName,
  label?: RecordingOptions['label'],
): typeof globalThis.fetch {
  return recordingFetch({
    fetch: options.fetch,
    onExchange: options.record,
    step,
    now: options.now,
    nextId: options.nextId,
    ...(label === undefined ? {} : { label }),
    classifyFailure: (error) => Promise.resolve(failureOf(error)),
  });
}

/** A step's fetch: logged, and a request without an answer rejects with a NetworkFailure. */
export function stepFetchOf(
  options: RecorderOptions,
  step: StepName,
  label?: RecordingOptions['label'],
): typeof globalThis.fetch {
  const recorded = recorderFor(options, step, label);
  return async (input, init) => {
    try {
      return await recorded(input, init);
    } catch (error) {
      const failure = failureOf(error);
      if (failure.kind === 'aborted') throw error;
      throw new NetworkFailure(failure, { cause: error });
    }
  };
}

/**
 * Core's discovery classifies failures itself: its fetch only logs. Outside a browser there is
 * no CORS, so a `no-cors` request (core's way to tell CORS from a dead server) is refused unsent
 * and unlogged, and core reports the original failure.
 */
export function discoveryFetchOf(
  options: RecorderOptions,
  step: StepName,
): typeof globalThis.fetch {
  const recorded = recorderFor(options, step);
  return (input, init) =>
    init?.mode === 'no-cors'
      ? Promise.reject(new TypeError('A no-cors request has no meaning outside a browser.'))
      : recorded(input, init);
}
