import { Deadline, Stopped } from './deadline.ts';
import { discardBody, readCappedText, type BodyRead } from './read-body.ts';
import type { FetchLike, RelayEndpoint } from './types.ts';
import {
  INITIALIZE_REQUEST_BODY,
  INITIALIZE_REQUEST_HEADERS,
  METADATA_REQUEST_HEADERS,
  parseRelayRefusal,
  RELAY_MARKER_HEADER,
  RELAY_REQUEST_HEADERS,
  RELAY_TICKET_HEADER,
  relayUrl,
  type RelayRefusal,
} from './wire.ts';

/** The relay's ticket from this run's probe, sent back with its later fetches (see wire.ts). */
const relayTickets = new WeakMap<Transport, string>();

/** How discovery reaches the network during one run. */
export interface Transport {
  fetch: FetchLike;
  signal: AbortSignal | undefined;
  maxBytes: number;
  timeoutMs: number;
  relay: RelayEndpoint | undefined;
}

/** The two requests discovery makes: the unauthenticated MCP request and a metadata GET. */
export type ExchangeKind = 'initialize' | 'metadata';

export interface Answer {
  kind: 'answer';
  status: number;
  headers: Headers;
  /** The body of a 2xx metadata answer; never read for the initialize request. */
  body?: BodyRead;
  /** Came through the relay because the browser could not read the server's answer. */
  relayed: boolean;
  /**
   * A browser CORS answer: headers the server did not list in Access-Control-Expose-Headers
   * are invisible, so a missing header may still have been sent.
   */
  crossOrigin: boolean;
}

/** Every way one request can end. None of them throws past `exchange`. */
export type Exchange =
  | Answer
  /** The server answered, but without CORS headers, and no relay could read it instead. */
  | { kind: 'cors' }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'refused'; refusal: RelayRefusal }
  | { kind: 'timeout' }
  | { kind: 'cancelled' };

function directInit(kind: ExchangeKind, signal: AbortSignal): RequestInit {
  // No cookies or HTTP authentication: discovery is what a client does before it has a token.
  const common = { signal, credentials: 'omit', cache: 'no-store', redirect: 'follow' } as const;
  return kind === 'initialize'
    ? {
        ...common,
        method: 'POST',
        headers: INITIALIZE_REQUEST_HEADERS,
        body: INITIALIZE_REQUEST_BODY,
      }
    : { ...common, method: 'GET', headers: METADATA_REQUEST_HEADERS };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code =
    typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : '';
  return code ? `${error.message} (${code})` : error.message;
}

/**
 * Sends one discovery request and classifies how it ended.
 *
 * A browser rejects `fetch` with the same TypeError for a CORS refusal and for a server that is
 * not there at all. Two ways tell them apart: the local relay, which fetches from outside the
 * browser's origin rules (and then also supplies the answer), or a `no-cors` request, whose
 * opaque answer proves the server responded even though the page may not read it.
 */
export async function exchange(
  transport: Transport,
  kind: ExchangeKind,
  url: string,
): Promise<Exchange> {
  const deadline = new Deadline(transport.timeoutMs, transport.signal);
  try {
    let response: Response;
    let relayed = false;
    try {
      response = await deadline.race(transport.fetch(url, directInit(kind, deadline.signal)));
    } catch (error) {
      if (error instanceof Stopped) throw error;
      const viaRelay = await throughRelay(transport, kind, url, deadline);
      if (viaRelay === undefined) return await probeWithoutCors(transport, url, deadline, error);
      if (viaRelay.kind === 'refused') return viaRelay;
      response = viaRelay.response;
      relayed = true;
    }
    return await toAnswer(transport, kind, response, relayed, deadline);
  } catch (error) {
    if (error instanceof Stopped) return { kind: error.why };
    return { kind: 'unreachable', detail: describeError(error) };
  } finally {
    deadline.dispose();
  }
}

/** Reads the body of a successful metadata answer; every other body is let go unread. */
async function toAnswer(
  transport: Transport,
  kind: ExchangeKind,
  response: Response,
  relayed: boolean,
  deadline: Deadline,
): Promise<Answer> {
  const answer: Answer = {
    kind: 'answer',
    status: response.status,
    headers: response.headers,
    relayed,
    crossOrigin: !relayed && response.type === 'cors',
  };
  if (kind === 'metadata' && response.status >= 200 && response.status < 300) {
    answer.body = await readCappedText(response, transport.maxBytes, deadline);
  } else {
    discardBody(response);
  }
  return answer;
}

type RelayOutcome =
  { kind: 'answer'; response: Response } | { kind: 'refused'; refusal: RelayRefusal };

/**
 * Asks the relay for the same request. Undefined when there is no relay or it cannot be
 * reached, so the caller falls back to the `no-cors` probe.
 */
async function throughRelay(
  transport: Transport,
  kind: ExchangeKind,
  url: string,
  deadline: Deadline,
): Promise<RelayOutcome | undefined> {
  if (!transport.relay) return undefined;
  let response: Response;
  const ticket = relayTickets.get(transport);
  try {
    response = await deadline.race(
      transport.fetch(
        relayUrl(transport.relay.origin, kind === 'initialize' ? 'probe' : 'fetch', url),
        {
          method: kind === 'initialize' ? 'POST' : 'GET',
          headers: {
            ...RELAY_REQUEST_HEADERS,
            ...(ticket ? { [RELAY_TICKET_HEADER]: ticket } : {}),
          },
          credentials: 'omit',
          cache: 'no-store',
          signal: deadline.signal,
        },
      ),
    );
  } catch (error) {
    if (error instanceof Stopped) throw error;
    return undefined;
  }
  const marker = response.headers.get(RELAY_MARKER_HEADER);
  const issued = response.headers.get(RELAY_TICKET_HEADER);
  if (issued) relayTickets.set(transport, issued);
  if (marker === 'relayed') return { kind: 'answer', response };
  // A refusal, or something that is not the relay at all: either way, not the server's answer.
  const body = await readCappedText(response, transport.maxBytes, deadline);
  const refusal =
    marker === 'refused' && body.kind === 'text'
      ? parseRelayRefusal(body.text)
      : {
          error: 'bad-url' as const,
          message: `The relay at ${transport.relay.origin} answered ${response.status} without its marker header, so its answer was not used.`,
        };
  return { kind: 'refused', refusal };
}

async function probeWithoutCors(
  transport: Transport,
  url: string,
  deadline: Deadline,
  original: unknown,
): Promise<Exchange> {
  try {
    const opaque = await deadline.race(
      transport.fetch(url, {
        method: 'GET',
        mode: 'no-cors',
        credentials: 'omit',
        cache: 'no-store',
        signal: deadline.signal,
      }),
    );
    discardBody(opaque);
    return { kind: 'cors' };
  } catch (error) {
    if (error instanceof Stopped) throw error;
    return { kind: 'unreachable', detail: describeError(original) };
  }
}

/**
 * Sends the request through the relay only. Used when a browser answer is readable but may hide
 * a header: the relay sees every header the server sent.
 */
export async function exchangeThroughRelay(
  transport: Transport,
  kind: ExchangeKind,
  url: string,
): Promise<Exchange> {
  const deadline = new Deadline(transport.timeoutMs, transport.signal);
  try {
    const viaRelay = await throughRelay(transport, kind, url, deadline);
    if (viaRelay === undefined) return { kind: 'unreachable', detail: 'the relay did not answer' };
    if (viaRelay.kind === 'refused') return viaRelay;
    return await toAnswer(transport, kind, viaRelay.response, true, deadline);
  } catch (error) {
    if (error instanceof Stopped) return { kind: error.why };
    return { kind: 'unreachable', detail: describeError(error) };
  } finally {
    deadline.dispose();
  }
}
