import type { FetchLike } from '../../src/discovery/types.ts';

/** What a fake server does with one request. */
export type Behaviour =
  | Response
  | ((request: SeenRequest) => Response | Promise<Response>)
  /** fetch rejects with a TypeError, as a browser does for CORS and network failures alike. */
  | 'type-error'
  /** Never answers, but honours the abort signal as a real fetch does. */
  | 'hang'
  /** Never answers and ignores the abort signal: discovery must still stop. */
  | 'hang-deaf';

export interface SeenRequest {
  url: string;
  method: string;
  mode: RequestMode | undefined;
  credentials: RequestCredentials | undefined;
  headers: Record<string, string>;
  body: string | undefined;
}

export function json(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
}

export function status(code: number, headers: Record<string, string> = {}): Response {
  return new Response(code === 204 ? null : `status ${code}`, { status: code, headers });
}

/** A response a browser produced for a cross-origin request: unexposed headers are hidden. */
export function corsResponse(code: number): Response {
  const response = new Response(null, { status: code });
  Object.defineProperty(response, 'type', { value: 'cors' });
  return response;
}

/** A body that streams `chunk` forever; `pulled()` says how many chunks were read. */
export function endlessBody(chunk = new Uint8Array(64 * 1024).fill(0x20)): {
  response: Response;
  pulled: () => number;
  cancelled: () => boolean;
} {
  let pulls = 0;
  let wasCancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      controller.enqueue(chunk);
    },
    cancel() {
      wasCancelled = true;
    },
  });
  return {
    response: new Response(stream, {
      status: 200,
      headers: { 'content-type': 'application/json' },
    }),
    pulled: () => pulls,
    cancelled: () => wasCancelled,
  };
}

/**
 * A network of fake servers keyed by exact URL. Requests in `no-cors` mode to a host marked
 * `corsless` succeed with an opaque answer, as a browser's do; every other request to it
 * rejects with a TypeError. Unknown URLs answer 404.
 */
export class FakeNetwork {
  readonly seen: SeenRequest[] = [];
  private readonly routes = new Map<string, Behaviour>();
  private readonly corsless = new Set<string>();
  private readonly down = new Set<string>();

  route(url: string, behaviour: Behaviour): this {
    this.routes.set(url, behaviour);
    return this;
  }

  /** The origin answers, but without CORS headers. */
  withoutCors(origin: string): this {
    this.corsless.add(origin);
    return this;
  }

  /** Nothing listens at the origin. */
  offline(origin: string): this {
    this.down.add(origin);
    return this;
  }

  get urls(): string[] {
    return this.seen.map((request) => `${request.method} ${request.url}`);
  }

  readonly fetch: FetchLike = async (input, init = {}) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, key) => (headers[key] = value));
    const request: SeenRequest = {
      url: input,
      method: init.method ?? 'GET',
      mode: init.mode,
      credentials: init.credentials,
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    this.seen.push(request);
    const origin = new URL(input).origin;
    if (this.down.has(origin)) throw new TypeError('Failed to fetch');
    if (this.corsless.has(origin)) {
      if (init.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    }
    const behaviour = this.routes.get(input) ?? status(404);
    return this.respond(behaviour, request, init.signal ?? undefined);
  };

  private respond(
    behaviour: Behaviour,
    request: SeenRequest,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    if (behaviour === 'type-error') return Promise.reject(new TypeError('Failed to fetch'));
    if (behaviour === 'hang-deaf') return new Promise<Response>(() => undefined);
    if (behaviour === 'hang') {
      return new Promise<Response>((_, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
      });
    }
    if (typeof behaviour === 'function') return Promise.resolve(behaviour(request));
    return Promise.resolve(behaviour.clone());
  }
}
