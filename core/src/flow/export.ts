import type { HeaderList, HttpExchange } from './http-log.ts';

/** The subset of HAR 1.2 a reader or a HAR viewer needs; values as the log holds them. */
export interface HarLog {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    entries: HarEntry[];
  };
}

interface HarNameValue {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarNameValue[];
    queryString: HarNameValue[];
    cookies: HarNameValue[];
    headersSize: -1;
    bodySize: number;
    postData?: { mimeType: string; text: string };
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarNameValue[];
    cookies: HarNameValue[];
    content: { size: number; mimeType: string; text?: string };
    redirectURL: string;
    headersSize: -1;
    bodySize: number;
    /** Not HAR: why there is no response (a CORS refusal, a top-level navigation). */
    _failure?: string;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  /** Not HAR: the flow step and label, so the file reads like the page. */
  _step: string;
  _label?: string;
}

const toNameValues = (headers: HeaderList): HarNameValue[] =>
  headers.map(([name, value]) => ({ name, value }));

function headerValue(headers: HeaderList, name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function queryOf(url: string): HarNameValue[] {
  try {
    const query: HarNameValue[] = [];
    new URL(url).searchParams.forEach((value, name) => query.push({ name, value }));
    return query;
  } catch {
    return [];
  }
}

/**
 * The log as a HAR-like document. Pass the exchanges already redacted unless the user chose to
 * reveal secrets: this function copies what it is given.
 */
export function toHar(exchanges: readonly HttpExchange[], creatorVersion = '0.1.0'): HarLog {
  return {
    log: {
      version: '1.2',
      creator: { name: 'MCP Auth Playground flow runner', version: creatorVersion },
      entries: exchanges.map(toHarEntry),
    },
  };
}

function toHarEntry(exchange: HttpExchange): HarEntry {
  const { request, response } = exchange;
  const time = Math.max(0, Math.round(exchange.durationMs ?? 0));
  const responseBody = response?.body ?? '';
  const failure =
    exchange.failure?.message ??
    (exchange.kind === 'navigation'
      ? 'A top-level navigation: the page does not see its response.'
      : undefined);
  return {
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time,
    request: {
      method: request.method,
      url: request.url,
      httpVersion: 'HTTP/1.1',
      headers: toNameValues(request.headers),
      queryString: queryOf(request.url),
      cookies: [],
      headersSize: -1,
      bodySize: request.body?.length ?? 0,
      ...(request.body === undefined
        ? {}
        : {
            postData: {
              mimeType: headerValue(request.headers, 'content-type') ?? 'text/plain',
              text: request.body,
            },
          }),
    },
    response: {
      // HAR uses status 0 for a request that got no response.
      status: response?.status ?? 0,
      statusText: response?.statusText ?? '',
      httpVersion: 'HTTP/1.1',
      headers: toNameValues(response?.headers ?? []),
      cookies: [],
      content: {
        size: responseBody.length,
        mimeType: (response && headerValue(response.headers, 'content-type')) ?? '',
        ...(response?.body === undefined ? {} : { text: response.body }),
      },
      redirectURL: (response && headerValue(response.headers, 'location')) ?? '',
      headersSize: -1,
      bodySize: responseBody.length,
      ...(failure === undefined ? {} : { _failure: failure }),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _step: exchange.step,
    ...(exchange.label === undefined ? {} : { _label: exchange.label }),
  };
}

/** POSIX shell single quotes: nothing inside is special except the quote itself. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

// Headers curl sets itself, or that a browser adds and a terminal request should not claim.
const SKIPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'accept-encoding']);

/** One exchange's request as a curl command a reader can paste into a terminal. */
export function toCurl(exchange: HttpExchange): string {
  const { request } = exchange;
  const first =
    request.method !== 'GET' || request.body !== undefined
      ? ['curl', '-X', request.method]
      : ['curl'];
  const lines = [[...first, shellQuote(request.url)].join(' ')];
  for (const [name, value] of request.headers) {
    if (SKIPPED_HEADERS.has(name.toLowerCase())) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (request.body !== undefined) lines.push(`--data-raw ${shellQuote(request.body)}`);
  return lines.join(' \\\n  ');
}

/** Every request of the log as curl commands, each under a comment naming its step. */
export function toCurlScript(exchanges: readonly HttpExchange[]): string {
  return exchanges
    .filter((exchange) => exchange.kind === 'fetch')
    .map((exchange) => {
      const title = exchange.label ? `${exchange.step}: ${exchange.label}` : exchange.step;
      return `# ${title.replace(/[\r\n]+/g, ' ')}\n${toCurl(exchange)}`;
    })
    .join('\n\n');
}
