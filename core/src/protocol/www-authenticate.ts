import type { Challenge } from '../types.ts';

// RFC 9110 §11.6.1 (CITES.wwwAuthenticate):
//   WWW-Authenticate = #challenge
//   challenge   = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
//   auth-param  = token BWS "=" BWS ( token / quoted-string )
//   token68     = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
// The same comma separates challenges and parameters, so after a comma a token followed by "="
// continues the current challenge and any other token starts a new one.
//
// The scanner is a single forward pass without backtracking regular expressions, so a hostile
// multi-megabyte header costs linear time.

const TCHAR = charSet(
  "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
);
const TOKEN68_CHAR = charSet(
  '-._~+/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
);

function charSet(chars: string): Uint8Array {
  const set = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) set[chars.charCodeAt(i)] = 1;
  return set;
}

function inSet(set: Uint8Array, code: number): boolean {
  return code < 128 && set[code] === 1;
}

const SP = 0x20;
const HTAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const COMMA = 0x2c;
const EQUALS = 0x3d;
const DQUOTE = 0x22;
const BACKSLASH = 0x5c;

// OWS is SP / HTAB. CR and LF count too: a header pasted from a capture often keeps its line
// folding, and RFC 9112 §5.2 has a recipient read an obs-fold as SP.
function isWhitespace(code: number): boolean {
  return code === SP || code === HTAB || code === CR || code === LF;
}

class Scanner {
  pos = 0;
  /** Position of the next backslash at or after the last search; Infinity once there is none. */
  private backslashAt = -1;
  constructor(readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  code(): number {
    return this.text.charCodeAt(this.pos);
  }

  /** Skips whitespace and says whether there was any. */
  skipWhitespace(): boolean {
    const start = this.pos;
    while (!this.done && isWhitespace(this.code())) this.pos++;
    return this.pos > start;
  }

  token(): string {
    const start = this.pos;
    while (!this.done && inSet(TCHAR, this.code())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  bareValue(): string {
    const start = this.pos;
    while (!this.done) {
      const code = this.code();
      if (code === COMMA || isWhitespace(code)) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos);
  }

  /** Reads a token68 only when it is the whole rest of the list element. */
  token68(): string | undefined {
    let end = this.pos;
    while (end < this.text.length && inSet(TOKEN68_CHAR, this.text.charCodeAt(end))) end++;
    if (end === this.pos) return undefined;
    while (end < this.text.length && this.text.charCodeAt(end) === EQUALS) end++;
    let next = end;
    while (next < this.text.length && isWhitespace(this.text.charCodeAt(next))) next++;
    if (next < this.text.length && this.text.charCodeAt(next) !== COMMA) return undefined;
    const value = this.text.slice(this.pos, end);
    this.pos = next;
    return value;
  }

  /**
   * A quoted-string, or a bare value. The grammar allows only a token bare, but servers do send
   * `scope=files:read` or an unquoted URL; like the MCP SDKs, a bare value runs to the next
   * whitespace or comma. An unterminated quoted-string yields what it holds so far.
   */
  value(): string {
    if (this.done || this.code() !== DQUOTE) return this.bareValue();
    const { text } = this;
    let value = '';
    let runStart = this.pos + 1;
    for (;;) {
      // Jump to the next quote; a backslash before it starts a quoted-pair, whose escaped
      // character is kept as is and the backslash dropped.
      const quote = text.indexOf('"', runStart);
      const end = quote < 0 ? text.length : quote;
      const backslash = this.nextBackslash(runStart);
      if (backslash >= end) {
        this.pos = quote < 0 ? end : end + 1;
        return value + text.slice(runStart, end);
      }
      value += text.slice(runStart, backslash);
      if (backslash + 1 >= text.length) {
        this.pos = text.length;
        return value;
      }
      value += text.charAt(backslash + 1);
      runStart = backslash + 2;
    }
  }

  /** Positions only grow, so remembering the last find keeps every search linear overall. */
  private nextBackslash(from: number): number {
    if (this.backslashAt < from) {
      const found = this.text.indexOf('\\', from);
      this.backslashAt = found < 0 ? Infinity : found;
    }
    return this.backslashAt;
  }

  /**
   * Ends a list element: true at a comma or the end. Anything else is malformed, so it is
   * skipped up to the next comma that is not inside a quoted-string.
   */
  endElement(): void {
    this.skipWhitespace();
    let quoted = false;
    while (!this.done) {
      const code = this.code();
      if (quoted) {
        if (code === BACKSLASH) this.pos++;
        else if (code === DQUOTE) quoted = false;
      } else if (code === DQUOTE) {
        quoted = true;
      } else if (code === COMMA) {
        return;
      }
      this.pos++;
    }
  }
}

type Params = Record<string, string>;

/**
 * A record without a prototype: a parameter named `__proto__` or `constructor` is plain data,
 * and a lookup of a name the server did not send is `undefined`, never an inherited member.
 */
function emptyParams(): Params {
  return Object.create(null) as Params;
}

function addParam(params: Params, name: string, value: string): void {
  const key = name.toLowerCase();
  // RFC 9110 §11.2: each parameter name occurs once per challenge; the first one counts.
  if (!(key in params)) params[key] = value;
}

/** Reads `BWS "=" BWS value` after a parameter name; the scanner sits on the "=". */
function readParam(scanner: Scanner, params: Params, name: string): void {
  scanner.pos++;
  scanner.skipWhitespace();
  addParam(params, name, scanner.value());
  scanner.endElement();
}

/**
 * Parses a `WWW-Authenticate` field value into its challenges, in order (RFC 9110 §11.6.1).
 * Scheme names keep their case (compare them case-insensitively); parameter names are
 * lower-cased and values unquoted. Total: malformed parts are skipped and everything that can
 * be read is returned.
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  if (typeof header !== 'string') return [];
  const scanner = new Scanner(header);
  const challenges: Challenge[] = [];
  let current: Challenge | undefined;

  while (!scanner.done) {
    scanner.skipWhitespace();
    if (scanner.done) break;
    if (scanner.code() === COMMA) {
      scanner.pos++;
      continue;
    }

    const name = scanner.token();
    if (name === '') {
      scanner.endElement();
      continue;
    }

    const afterName = scanner.pos;
    scanner.skipWhitespace();
    if (!scanner.done && scanner.code() === EQUALS) {
      if (current) readParam(scanner, current.params, name);
      else scanner.endElement();
      continue;
    }

    scanner.pos = afterName;
    current = { scheme: name, params: emptyParams() };
    challenges.push(current);
    if (!scanner.skipWhitespace() || scanner.done || scanner.code() === COMMA) continue;

    const token68 = scanner.token68();
    if (token68 !== undefined) {
      current.token68 = token68;
      continue;
    }
    const paramName = scanner.token();
    scanner.skipWhitespace();
    if (paramName !== '' && !scanner.done && scanner.code() === EQUALS) {
      readParam(scanner, current.params, paramName);
    } else {
      scanner.endElement();
    }
  }
  return challenges;
}

/** The first challenge whose scheme is `scheme`, compared case-insensitively. */
export function findChallenge(
  challenges: readonly Challenge[],
  scheme: string,
): Challenge | undefined {
  const wanted = scheme.toLowerCase();
  return challenges.find((challenge) => challenge.scheme.toLowerCase() === wanted);
}
