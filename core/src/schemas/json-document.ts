import { CITES } from '../cite.ts';
import type { DocumentSubject, Finding } from '../types.ts';

/**
 * The largest document core parses, in UTF-16 code units. Real metadata is a few kilobytes; a
 * multi-megabyte paste is refused with a finding instead of freezing the page.
 */
export const MAX_DOCUMENT_CHARS = 2 * 1024 * 1024;

/** Where a text stops being JSON: 1-based line and column, and the 0-based offset of the character. */
export interface JsonErrorPlace {
  line: number;
  column: number;
  offset: number;
}

export type JsonDocumentResult =
  { ok: true; value: unknown } | { ok: false; finding: Finding; at?: JsonErrorPlace };

const PREFIX: Record<DocumentSubject, string> = {
  'resource-metadata': 'prm',
  'auth-server-metadata': 'as',
  'client-metadata': 'client',
  'www-authenticate': 'www-authenticate',
  'server-url': 'server-url',
};

const NAME: Record<DocumentSubject, string> = {
  'resource-metadata': 'protected resource metadata',
  'auth-server-metadata': 'authorization server metadata',
  'client-metadata': 'client metadata',
  'www-authenticate': 'WWW-Authenticate value',
  'server-url': 'server URL',
};

/**
 * Parses the text of a JSON document as a user pasted or a server served it. Never throws: text
 * that is not JSON becomes one finding that names the line and column of the first error, so the
 * app never has to parse protocol documents itself.
 */
export function parseJsonDocument(text: string, subject: DocumentSubject): JsonDocumentResult {
  const prefix = PREFIX[subject] ?? 'document';
  const name = NAME[subject] ?? 'document';
  const fail = (id: string, message: string): JsonDocumentResult & { ok: false } => ({
    ok: false,
    finding: {
      id: `${prefix}/${id}`,
      severity: 'error',
      subject,
      path: [],
      message,
      cite: CITES.jsonSyntax,
    },
  });
  if (typeof text !== 'string') return fail('invalid-json', `Provide the ${name} as JSON text.`);
  if (text.length > MAX_DOCUMENT_CHARS) {
    return fail(
      'too-large',
      `Shrink the ${name} below ${MAX_DOCUMENT_CHARS / 1024 / 1024} MB; this one has ${text.length.toLocaleString('en-US')} characters, far more than any metadata needs.`,
    );
  }
  // RFC 8259 §8.1 lets a parser ignore a byte order mark; JSON.parse does not.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('invalid-json', `The ${name} is empty; paste a JSON object.`);
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch (error) {
    const problem = findJsonSyntaxError(body);
    if (problem === undefined) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail('invalid-json', `Fix the JSON of the ${name}: ${reason.slice(0, 200)}.`);
    }
    const { line, column } = lineAndColumn(body, problem.offset);
    // The offset is into the text as given, so an editor can put its cursor there.
    const offset = problem.offset + (body === text ? 0 : 1);
    return {
      ...fail(
        'invalid-json',
        `Fix the JSON of the ${name} at line ${line}, column ${column}: ${problem.message}.`,
      ),
      at: { line, column, offset },
    };
  }
}

export interface JsonSyntaxError {
  /** Offset in UTF-16 code units of the first character that breaks the grammar. */
  offset: number;
  message: string;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'after-value';

/**
 * Where RFC 8259's grammar first fails, or undefined for valid JSON. Engines word their
 * JSON.parse errors differently and V8 gives no position at all, so core finds it itself. The
 * scan keeps an explicit stack, so deeply nested hostile input cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: number[] = [];
  let expect: Expect = 'value';
  let pos = 0;
  const found = (at: number): string =>
    at >= text.length ? 'the end of the text' : JSON.stringify(text.slice(at, at + 1));
  const error = (at: number, wanted: string): JsonSyntaxError => ({
    offset: at,
    message: `expected ${wanted} but found ${found(at)}`,
  });

  for (;;) {
    pos = skipWhitespace(text, pos);
    const code = text.charCodeAt(pos);
    const closes =
      (expect === 'value-or-close' && code === 0x5d) ||
      (expect === 'key-or-close' && code === 0x7d);
    if (closes) {
      stack.pop();
      pos++;
      expect = 'after-value';
    } else if (expect === 'value' || expect === 'value-or-close') {
      if (code === 0x7b || code === 0x5b) {
        stack.push(code === 0x7b ? 0x7d : 0x5d);
        pos++;
        expect = code === 0x7b ? 'key-or-close' : 'value-or-close';
        continue;
      }
      const end =
        code === 0x22
          ? scanString(text, pos)
          : code === 0x2d || isDigit(code)
            ? scanNumber(text, pos)
            : scanLiteral(text, pos);
      if (typeof end !== 'number') return end ?? error(pos, 'a value');
      pos = end;
      expect = 'after-value';
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (code !== 0x22) return error(pos, 'a property name in double quotes');
      const end = scanString(text, pos);
      if (typeof end !== 'number') return end;
      pos = skipWhitespace(text, end);
      if (text.charCodeAt(pos) !== 0x3a) return error(pos, 'a colon after the property name');
      pos++;
      expect = 'value';
    } else {
      const close = stack[stack.length - 1];
      if (close === undefined) {
        return pos >= text.length ? undefined : error(pos, 'the end of the document');
      }
      if (code === 0x2c) {
        pos++;
        expect = close === 0x7d ? 'key' : 'value';
      } else if (code === close) {
        stack.pop();
        pos++;
      } else {
        return error(pos, close === 0x7d ? 'a comma or "}"' : 'a comma or "]"');
      }
    }
  }
}

function skipWhitespace(text: string, pos: number): number {
  for (;;) {
    const code = text.charCodeAt(pos);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return pos;
    pos++;
  }
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHex(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** End of the string starting at the quote at `pos`, or the error inside it. */
function scanString(text: string, pos: number): number | JsonSyntaxError {
  for (let i = pos + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20)
      return { offset: i, message: 'a control character inside a string must be escaped' };
    if (code === 0x5c) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x75) {
        for (let k = i + 2; k < i + 6; k++) {
          if (!isHex(text.charCodeAt(k)))
            return { offset: i, message: 'a \\u escape needs four hex digits' };
        }
        i += 5;
      } else if ('"\\/bfnrt'.includes(String.fromCharCode(next))) {
        i++;
      } else {
        return { offset: i, message: 'this backslash starts no valid escape' };
      }
    }
  }
  return { offset: pos, message: 'this string is never closed with a double quote' };
}

function scanNumber(text: string, pos: number): number | JsonSyntaxError {
  let i = pos;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return { offset: i, message: 'a number needs a digit here' };
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text.charCodeAt(i)))
      return { offset: i, message: 'a number needs a digit after "."' };
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const exponent = text.charCodeAt(i);
  if (exponent === 0x65 || exponent === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i)))
      return { offset: i, message: 'a number needs a digit in its exponent' };
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** End of `true`, `false` or `null` at `pos`, or undefined when none starts there. */
function scanLiteral(text: string, pos: number): number | undefined {
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, pos)) return pos + literal.length;
  }
  return undefined;
}
