import { CITES } from '../cite.ts';
import type { Cite } from '../cite.ts';

// Fetch Standard §3.2.3: a cross-origin request is sent without a preflight only when its method
// is GET, HEAD or POST, its headers are CORS-safelisted, and a POST's Content-Type is one of the
// three form types. Everything else is preflighted with OPTIONS first.
const SIMPLE_METHODS = new Set(['GET', 'HEAD', 'POST']);
const SAFELISTED_HEADERS = new Set([
  'accept',
  'accept-language',
  'content-language',
  'content-type',
]);
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

export interface CorsRequest {
  method: string;
  url: string;
  /** Header names (any case) and values the page set. */
  headers: readonly (readonly [string, string])[];
}

/** The headers a request makes the browser ask permission for, lower-cased, sorted. */
export function preflightHeaders(request: CorsRequest): string[] {
  const names = new Set<string>();
  for (const [name, value] of request.headers) {
    const lower = name.toLowerCase();
    if (!SAFELISTED_HEADERS.has(lower)) names.add(lower);
    else if (lower === 'content-type') {
      const essence = value.split(';')[0]?.trim().toLowerCase() ?? '';
      if (!SIMPLE_CONTENT_TYPES.has(essence)) names.add(lower);
    }
  }
  return [...names].sort();
}

export function needsPreflight(request: CorsRequest): boolean {
  return !SIMPLE_METHODS.has(request.method.toUpperCase()) || preflightHeaders(request).length > 0;
}

export interface CorsAdvice {
  message: string;
  cite: Cite;
}

/**
 * What a server must send so that a page at `origin` can read its answer to `request`: the
 * allow-origin header always, and for a preflighted request the answer to OPTIONS as well.
 * `exposeHeaders` names response headers the client must read (WWW-Authenticate,
 * Mcp-Session-Id), which a browser hides unless the server lists them.
 */
export function corsAdvice(
  request: CorsRequest,
  origin: string,
  exposeHeaders: readonly string[] = [],
): CorsAdvice {
  let host: string;
  try {
    host = new URL(request.url).origin;
  } catch {
    host = request.url;
  }
  const parts = [`Access-Control-Allow-Origin: ${origin} (or *)`];
  if (exposeHeaders.length > 0) {
    parts.push(`Access-Control-Expose-Headers: ${exposeHeaders.join(', ')}`);
  }
  let message = `The browser blocked the answer from ${host}: the server answered without CORS headers for this page. Send ${parts.join(' and ')} on the ${request.method.toUpperCase()} response`;
  if (needsPreflight(request)) {
    const headers = preflightHeaders(request);
    message += `, and answer the preflight OPTIONS request with Access-Control-Allow-Origin, Access-Control-Allow-Methods: ${request.method.toUpperCase()}${headers.length > 0 ? ` and Access-Control-Allow-Headers: ${headers.join(', ')}` : ''}`;
  }
  return { message: `${message}.`, cite: CITES.corsProtocol };
}
