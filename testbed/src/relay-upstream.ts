import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedAddress } from './relay-address.ts';

export interface UpstreamRequest {
  url: URL;
  /** The address already checked by the relay; the connection goes there and nowhere else. */
  address: ResolvedAddress;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  maxBytes: number;
  /** Whether the body of an answer with this status is wanted; others are not read. */
  wantBody: (status: number) => boolean;
}

export type UpstreamResult =
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'error'; message: string };

/**
 * A lookup that answers with the pinned address whatever name it is asked for: the host name
 * stays in the URL, so the Host header and TLS server name (and certificate check) are the
 * server's, while the socket goes to the address the relay checked.
 */
function pinnedLookup({ address, family }: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/** One HTTP exchange with the upstream server: no redirects followed, no cookies kept. */
export function requestUpstream(upstream: UpstreamRequest): Promise<UpstreamResult> {
  const send = upstream.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: UpstreamResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = send(upstream.url, {
      method: upstream.method,
      headers: upstream.headers,
      lookup: pinnedLookup(upstream.address),
      // A fresh connection per request: a pooled socket could belong to another address.
      agent: false,
      signal: upstream.signal,
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Node's messages usually name the code already ("connect ECONNREFUSED 127.0.0.1:80").
      const code = error.code && !error.message.includes(error.code) ? ` (${error.code})` : '';
      finish({ kind: 'error', message: `${error.message}${code}` });
    });
    req.on('response', (res) => {
      const status = res.statusCode ?? 502;
      if (!upstream.wantBody(status)) {
        res.destroy();
        finish({ kind: 'response', status, headers: res.headers, body: Buffer.alloc(0) });
        return;
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > upstream.maxBytes) {
        res.destroy();
        finish({ kind: 'too-large', bytes: declared });
        return;
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > upstream.maxBytes) {
          res.destroy();
          finish({ kind: 'too-large', bytes });
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        finish({ kind: 'response', status, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on('error', (error) => finish({ kind: 'error', message: error.message }));
      res.on('close', () =>
        finish({ kind: 'error', message: 'the connection closed before the answer ended' }),
      );
    });
    req.end(upstream.body);
  });
}
