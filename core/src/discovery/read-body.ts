import type { Deadline } from './deadline.ts';

export type BodyRead = { kind: 'text'; text: string } | { kind: 'too-large'; bytes: number };

/**
 * Reads a response body as UTF-8, stopping as soon as it passes `maxBytes`: a hostile or broken
 * server may stream without end, so neither memory nor time depends on what it sends. A
 * declared Content-Length over the cap is refused before reading anything.
 */
export async function readCappedText(
  response: Response,
  maxBytes: number,
  deadline: Deadline,
): Promise<BodyRead> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    discardBody(response);
    return { kind: 'too-large', bytes: declared };
  }
  const body = response.body;
  if (body === null) return { kind: 'text', text: '' };

  const reader = body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await deadline.race(reader.read());
      if (done) break;
      bytes += value.byteLength;
      if (bytes > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { kind: 'too-large', bytes };
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  return { kind: 'text', text: text + decoder.decode() };
}

/** Lets go of a body nobody will read, so the connection is freed. */
export function discardBody(response: Response): void {
  if (response.body && !response.bodyUsed) response.body.cancel().catch(() => undefined);
}
