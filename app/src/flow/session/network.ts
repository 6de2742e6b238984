import { corsAdvice, isAbort, recordingFetch } from '@mcp-auth-playground/core';
import { NetworkFailure } from '@mcp-auth-playground/client';
import type {
  ExchangeFailure,
  HttpExchange,
  RecordingOptions,
  StepName,
} from '@mcp-auth-playground/core';

export interface NetworkOptions {
  /** The browser's fetch, or a stand-in in tests. */
  fetch: typeof fetch;
  /** The page's origin, which a server must allow. */
  origin: string;
  record: (exchange: HttpExchange) => void;
  nextId: () => string;
  /** Response headers the flow needs to read from this server, e.g. WWW-Authenticate. */
  exposeHeaders?: readonly string[];
}

/**
 * A browser rejects a fetch with the same TypeError when CORS blocks the answer and when nothing
 * answered at all. A `no-cors` HEAD tells them apart: its opaque answer proves the server is
 * there, so the browser, not the network, withheld the real one.
 */
async function classify(
  options: NetworkOptions,
  error: unknown,
  request: Request,
): Promise<ExchangeFailure> {
  if (isAbort(error)) return { kind: 'aborted', message: 'The request was cancelled.' };
  const headers: [string, string][] = [];
  request.headers.forEach((value, name) => headers.push([name, value]));
  const probe = new AbortController();
  try {
    await options.fetch(request.url, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      signal: probe.signal,
    });
    const advice = corsAdvice(
      { method: request.method, url: request.url, headers },
      options.origin,
      options.exposeHeaders,
    );
    return { kind: 'cors', message: advice.message };
  } catch {
    let host = request.url;
    try {
      host = new URL(request.url).origin;
    } catch {
      // keep the raw URL
    }
    return {
      kind: 'network',
      message: `Nothing answered at ${host}: check the address and that the server is running.`,
    };
  } finally {
    probe.abort();
  }
}

function lastFailure(seen: { failure?: ExchangeFailure }): ExchangeFailure | undefined {
  return seen.failure;
}

/**
 * A fetch for one step: every exchange goes into the log, and a request without a readable answer
 * rejects with a NetworkFailure naming CORS (and the header to send) or an unreachable server.
 */
export function stepFetch(
  options: NetworkOptions,
  step: StepName,
  label?: RecordingOptions['label'],
): typeof fetch {
  // The classifier runs inside recordingFetch; this holds what it found for the rethrow below.
  const seen: { failure?: ExchangeFailure } = {};
  const recorded = recordingFetch({
    fetch: options.fetch,
    onExchange: options.record,
    step,
    ...(label === undefined ? {} : { label }),
    nextId: options.nextId,
    classifyFailure: async (error, request) => {
      const failure = await classify(options, error, request);
      seen.failure = failure;
      return failure;
    },
  });
  return async (input, init) => {
    delete seen.failure;
    try {
      return await recorded(input, init);
    } catch (error) {
      // Read through a call: the narrowing from the delete above does not see the classifier.
      const failure = lastFailure(seen);
      if (failure && failure.kind !== 'aborted') {
        throw new NetworkFailure(failure, { cause: error });
      }
      throw error;
    }
  };
}

/**
 * A logging fetch for core's discovery, which tells CORS from an unreachable server itself (with
 * its own no-cors request, logged too): here a failure is only recorded.
 */
export function discoveryFetch(options: NetworkOptions, step: StepName): typeof fetch {
  return recordingFetch({
    fetch: options.fetch,
    onExchange: options.record,
    step,
    nextId: options.nextId,
    label: (request) =>
      request.mode === 'no-cors'
        ? 'no-cors request: did the server answer at all? (its answer is opaque to the page)'
        : undefined,
    classifyFailure: (error) =>
      Promise.resolve(
        isAbort(error)
          ? { kind: 'aborted', message: 'The request was cancelled.' }
          : {
              kind: 'unknown',
              message: 'No readable answer: blocked by CORS or unreachable. The step says which.',
            },
      ),
  });
}
