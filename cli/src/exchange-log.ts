import { MAX_LOGGED_BODY } from '@mcp-auth-playground/core';
import type { HeaderList, HttpExchange, StepName } from '@mcp-auth-playground/core';

function headerList(headers: Headers): HeaderList {
  const list: HeaderList = [];
  headers.forEach((value, name) => list.push([name, value]));
  return list;
}

/**
 * Reads the beginning of a body without waiting for the rest: a hostile endless answer must not
 * hold the log open after the caller has stopped reading it.
 */
async function readBeginning(
  response: Response,
  stop: Promise<void>,
): Promise<{ body?: string; truncated?: boolean }> {
  if (response.body === null) return {};
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let stopped = false;
  void stop.then(() => {
    stopped = true;
    reader.cancel().catch(() => undefined);
  });
  try {
    while (!stopped && text.length <= MAX_LOGGED_BODY) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    stopped = true;
  }
  const truncated = stopped || text.length > MAX_LOGGED_BODY;
  if (truncated) reader.cancel().catch(() => undefined);
  else text += decoder.decode();
  const body = text.slice(0, MAX_LOGGED_BODY);
  return { ...(body === '' ? {} : { body }), ...(truncated ? { truncated } : {}) };
}

/**
 * The HTTP log of a command: a fetch that records each request and its answer as core's
 * `HttpExchange`, the same entries the playground's log shows. The answer is handed on at once
 * and its beginning is read from a clone alongside; `close` waits for those reads, cutting off
 * any that are still going.
 */
export class ExchangeLog {
  readonly exchanges: HttpExchange[] = [];
  private readonly reads: Promise<void>[] = [];
  private count = 0;
  private closing: () => void = () => undefined;
  private readonly closed = new Promise<void>((resolve) => (this.closing = resolve));

  constructor(private readonly now: () => number = Date.now) {}

  fetch(base: typeof fetch, step: () => StepName, label: () => string | undefined): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      const body = request.body === null ? undefined : await request.clone().text();
      const entry: HttpExchange = {
        id: `${++this.count}`,
        step: step(),
        kind: 'fetch',
        startedAt: this.now(),
        request: {
          method: request.method,
          url: request.url,
          headers: headerList(request.headers),
          ...(body ? { body } : {}),
        },
      };
      const text = label();
      if (text !== undefined) entry.label = text;
      this.exchanges.push(entry);
      const clock = performance.now();
      try {
        const response = await base(request);
        entry.durationMs = performance.now() - clock;
        const logged = {
          status: response.status,
          statusText: response.statusText,
          headers: headerList(response.headers),
        };
        entry.response = logged;
        this.reads.push(
          readBeginning(response.clone(), this.closed).then((read) => {
            Object.assign(logged, read);
          }),
        );
        return response;
      } catch (error) {
        entry.durationMs = performance.now() - clock;
        entry.failure = {
          kind: error instanceof Error && error.name === 'AbortError' ? 'aborted' : 'network',
          message: error instanceof Error ? error.message : String(error),
        };
        throw error;
      }
    };
  }

  /**
   * Every exchange complete. Bodies already received are read to the end; a read still waiting
   * for a server that keeps the answer open is cut off after `graceMs`.
   */
  async close(graceMs = 300): Promise<HttpExchange[]> {
    const all = Promise.all(this.reads);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const grace = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, graceMs);
      timer.unref?.();
    });
    await Promise.race([all, grace]);
    clearTimeout(timer);
    this.closing();
    await all;
    return this.exchanges;
  }
}
