import type { IncomingMessage, ServerResponse } from 'node:http';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** An OAuth-style error body (RFC 6749 §5.2 shape), which every endpoint here uses for errors. */
export function sendError(
  res: ServerResponse,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error, error_description: description }, headers);
}

export type BodyResult =
  | { ok: true; body: Buffer }
  | { ok: false; reason: 'too-large' }
  /** The client went away before sending all of it; there is no one left to answer. */
  | { ok: false; reason: 'aborted' };

/**
 * Reads a request body of at most `limit` bytes. An oversized body is still read to its end
 * (and thrown away) before the caller answers: replying while the client is still sending makes
 * many clients see a connection reset instead of the 413.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  let tooLarge = Number.isFinite(declared) && declared > limit;
  const chunks: Buffer[] = [];
  let size = 0;
  return new Promise((resolve) => {
    req.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      resolve(
        tooLarge ? { ok: false, reason: 'too-large' } : { ok: true, body: Buffer.concat(chunks) },
      );
    });
    // After 'end' this changes nothing: a promise settles once.
    req.on('close', () => resolve({ ok: false, reason: 'aborted' }));
  });
}

/** The media type of a request, lower-cased and without parameters. */
export function mediaType(req: IncomingMessage): string | undefined {
  return req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
}
