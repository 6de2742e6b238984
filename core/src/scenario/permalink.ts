import { decodeBase64Url, encodeBase64Url } from '../encoding/base64url.ts';
import type { Scenario } from '../types.ts';
import { parseScenario } from './scenario-schema.ts';

// A permalink carries a scenario in the URL fragment, `#s=<text>`: the UTF-8 JSON of
// `{ "v": 1, ...scenario }`, compressed with raw DEFLATE (RFC 1951) and written in base64url
// (RFC 4648 §5). The fragment never reaches a server, and a scenario holds no secrets.

export const PERMALINK_VERSION = 1;

/** Largest scenario, as UTF-8 JSON, that a link may carry; decoding stops once it is exceeded. */
export const MAX_SCENARIO_BYTES = 64 * 1024;

/**
 * Longest link text worth decoding. DEFLATE never grows data by more than a few bytes per 16 KB
 * block, so a scenario within the limit encodes to well under this; anything longer is refused
 * before any work is done.
 */
const MAX_LINK_LENGTH = Math.ceil((MAX_SCENARIO_BYTES * 1.1 * 4) / 3);

/** Input is fed to the decompressor in slices this size, so a bomb is stopped early. */
const SLICE = 4096;

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  return concat(chunks, length);
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

function streamOf(bytes: Uint8Array): ReadableStream<BufferSource> {
  let offset = 0;
  return new ReadableStream<BufferSource>({
    pull(controller) {
      if (offset >= bytes.length) {
        controller.close();
        return;
      }
      controller.enqueue(bytes.slice(offset, offset + SLICE));
      offset += SLICE;
    },
  });
}

/**
 * The text to put after `#s=` for this scenario. Fields outside the Scenario type are left out
 * and so is every credential in the client metadata (see sanitizeScenario for what the UI should
 * tell the user). Rejects only when a document is not JSON data (a function, a cycle), which
 * scenarios read from JSON text never are.
 */
export async function encodeScenario(scenario: Scenario): Promise<string> {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new TypeError(parsed.message);
  const json = JSON.stringify({ v: PERMALINK_VERSION, ...parsed.scenario });
  const compressed = await collect(
    streamOf(new TextEncoder().encode(json)).pipeThrough(new CompressionStream('deflate-raw')),
  );
  return encodeBase64Url(compressed);
}

type Inflated = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Inflates at most MAX_SCENARIO_BYTES and cancels the stream as soon as there is more. */
async function inflate(compressed: Uint8Array): Promise<Inflated> {
  const reader = streamOf(compressed)
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > MAX_SCENARIO_BYTES) {
        reader.cancel().catch(() => undefined);
        return {
          ok: false,
          message: `This link holds more than ${kilobytes(MAX_SCENARIO_BYTES)} of scenario, more than the playground opens from a link.`,
        };
      }
      chunks.push(value);
    }
  } catch {
    return {
      ok: false,
      message:
        'This link is damaged: its compressed data cannot be read. It was probably cut short or changed when it was copied.',
    };
  }
  return { ok: true, bytes: concat(chunks, length) };
}

/** Takes the part after `#s=` whether given alone, with `s=`, with `#s=` or as a whole URL. */
function linkPayload(text: string): string {
  const trimmed = text.trim();
  const marker = trimmed.lastIndexOf('#s=');
  if (marker >= 0) return trimmed.slice(marker + 3);
  return trimmed.startsWith('s=') ? trimmed.slice(2) : trimmed;
}

function describeVersion(version: unknown): string {
  if (typeof version === 'number' && Number.isInteger(version) && version > PERMALINK_VERSION) {
    return `This link was made by a newer version of the playground (format ${version}); this version opens format ${PERMALINK_VERSION}.`;
  }
  return `This link has no valid format version ("v": ${PERMALINK_VERSION}), so it was not made by the playground.`;
}

export type DecodedScenario =
  { ok: true; scenario: Scenario; notes: string[] } | { ok: false; message: string };

/**
 * Reads a scenario back from permalink text. Every failure is a plain-English message saying
 * what is wrong with the link; `notes` says what was dropped from an otherwise good link (fields
 * this version does not know, credentials). Never throws.
 */
export async function decodeScenario(text: string): Promise<DecodedScenario> {
  try {
    return await decode(text);
  } catch {
    return { ok: false, message: 'This link could not be read.' };
  }
}

async function decode(text: string): Promise<DecodedScenario> {
  if (typeof text !== 'string') return { ok: false, message: 'A link must be text.' };
  const payload = linkPayload(text);
  if (payload === '') {
    return { ok: false, message: 'This link has no scenario in it: nothing follows "#s=".' };
  }
  if (payload.length > MAX_LINK_LENGTH) {
    return {
      ok: false,
      message: `This link is ${kilobytes(payload.length)} long, longer than any scenario of up to ${kilobytes(MAX_SCENARIO_BYTES)} the playground makes.`,
    };
  }

  const decoded = decodeBase64Url(payload);
  if (!decoded.ok) {
    if (decoded.reason === 'invalid-length') {
      return {
        ok: false,
        message:
          'This link is damaged: it ends in the middle of a character group, so it was probably cut short.',
      };
    }
    const character = payload.charAt(decoded.position ?? 0);
    return {
      ok: false,
      message: `This link is damaged: it contains ${JSON.stringify(character)} at position ${(decoded.position ?? 0) + 1}, a character playground links never use.`,
    };
  }

  const inflated = await inflate(decoded.bytes);
  if (!inflated.ok) return inflated;

  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
  } catch {
    return { ok: false, message: 'This link is damaged: its content is not UTF-8 text.' };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: 'This link is damaged: its content is not valid JSON.' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'This link does not hold a scenario: its content is not a JSON object.',
    };
  }

  const { v: version, ...fields } = value as Record<string, unknown>;
  if (version !== PERMALINK_VERSION) return { ok: false, message: describeVersion(version) };
  const parsed = parseScenario(fields);
  if (!parsed.ok)
    return { ok: false, message: `This link's scenario is not valid: ${parsed.message}` };
  return parsed;
}
