import type { StepName } from './steps.ts';

export type HeaderList = [name: string, value: string][];

export interface LoggedRequest {
  method: string;
  url: string;
  headers: HeaderList;
  body?: string;
}

export interface LoggedResponse {
  status: number;
  statusText: string;
  /**
   * The headers the page could read. Cross-origin, a browser shows a script only the
   * CORS-safelisted ones and those the server lists in Access-Control-Expose-Headers.
   */
  headers: HeaderList;
  body?: string;
  /** The body was longer than the log keeps; `body` holds its beginning. */
  truncated?: boolean;
}

export type ExchangeFailureKind = 'cors' | 'network' | 'aborted' | 'unknown';

export interface ExchangeFailure {
  kind: ExchangeFailureKind;
  message: string;
}

/** One request of the flow and what came back: an entry of the HTTP log. */
export interface HttpExchange {
  /** Unique within the log. */
  id: string;
  step: StepName;
  /** What the request was for, e.g. 'Resource metadata, attempt 2 of 3'. */
  label?: string;
  /**
   * `fetch`: made by the page, response seen. `navigation`: a top-level browser navigation (to
   * the authorization server, back to /callback) whose response the page never sees.
   */
  kind: 'fetch' | 'navigation';
  /** Epoch milliseconds. */
  startedAt: number;
  durationMs?: number;
  request: LoggedRequest;
  response?: LoggedResponse;
  failure?: ExchangeFailure;
}

/** 256 KiB of a response body is plenty to read; a hostile 5 MB document is cut there. */
export const MAX_LOGGED_BODY = 256 * 1024;

export interface RecordingOptions {
  /** The fetch that really sends the request. */
  fetch: typeof fetch;
  /** Receives every finished exchange, failed ones included. */
  onExchange: (exchange: HttpExchange) => void;
  step: StepName;
  /** Names the request in the log; may depend on the request (e.g. which attempt it is). */
  label?: string | ((request: Request) => string | undefined);
  /**
   * Says why a request failed without a response. In a browser a CORS refusal and an unreachable
   * server raise the same TypeError; a caller that can tell them apart passes a classifier.
   */
  classifyFailure?: (error: unknown, request: Request) => Promise<ExchangeFailure>;
  now?: () => number;
  /** Ids are this prefix plus a counter, unique within the log the caller keeps. */
  nextId: () => string;
}

/**
 * A fetch that logs each exchange before handing the response on. The response body is read from
 * a clone before the caller gets the response, so the log is complete and in order when the
 * caller's next step begins.
 */
export function recordingFetch(options: RecordingOptions): typeof fetch {
  const now = options.now ?? Date.now;
  return async (input, init) => {
    const request = new Request(input, init);
    const logged = await logRequest(request);
    const startedAt = now();
    const clock = performance.now();
    const base = {
      id: options.nextId(),
      step: options.step,
      kind: 'fetch' as const,
      startedAt,
      request: logged,
    };
    const label = typeof options.label === 'function' ? options.label(request) : options.label;
    const labelled = label === undefined ? base : { ...base, label };
    let response: Response;
    try {
      response = await options.fetch(request);
    } catch (error) {
      const failure = options.classifyFailure
        ? await options.classifyFailure(error, request)
        : defaultFailure(error);
      options.onExchange({ ...labelled, durationMs: performance.now() - clock, failure });
      throw error;
    }
    const { body, truncated } = await readBody(response.clone());
    options.onExchange({
      ...labelled,
      durationMs: performance.now() - clock,
      response: {
        status: response.status,
        statusText: response.statusText,
        headers: headerList(response.headers),
        ...(body === undefined ? {} : { body }),
        ...(truncated ? { truncated } : {}),
      },
    });
    return response;
  };
}

async function logRequest(request: Request): Promise<LoggedRequest> {
  const logged: LoggedRequest = {
    method: request.method,
    url: request.url,
    headers: headerList(request.headers),
  };
  if (request.body === null) return logged;
  const { body } = await readBody(request.clone());
  return body === undefined ? logged : { ...logged, body };
}

function headerList(headers: Headers): HeaderList {
  const list: HeaderList = [];
  headers.forEach((value, name) => list.push([name, value]));
  return list;
}

async function readBody(
  message: Request | Response,
): Promise<{ body?: string; truncated?: boolean }> {
  try {
    const text = await message.text();
    if (text === '') return {};
    return text.length > MAX_LOGGED_BODY
      ? { body: text.slice(0, MAX_LOGGED_BODY), truncated: true }
      : { body: text };
  } catch {
    return {};
  }
}

function defaultFailure(error: unknown): ExchangeFailure {
  if (isAbort(error)) return { kind: 'aborted', message: 'The request was cancelled.' };
  return {
    kind: 'unknown',
    message: error instanceof Error ? error.message : 'The request failed without a response.',
  };
}

export function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

/**
 * A top-level navigation the page starts or lands on. The page never sees its response (nor the
 * redirect hops in between), so the entry holds the request only.
 */
export function navigationExchange(options: {
  id: string;
  step: StepName;
  url: string;
  label: string;
  at: number;
}): HttpExchange {
  return {
    id: options.id,
    step: options.step,
    label: options.label,
    kind: 'navigation',
    startedAt: options.at,
    request: { method: 'GET', url: options.url, headers: [] },
  };
}
