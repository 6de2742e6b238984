/**
 * The query as an ordered list with URLSearchParams' set/append semantics, serialised once.
 * URLSearchParams itself re-serialises on every change and its serialiser is slow on long
 * values, which a scope of thousands of tokens is.
 */
export class QueryList {
  readonly entries: [string, string][] = [];

  constructor(initial: URLSearchParams) {
    initial.forEach((value, name) => this.entries.push([name, value]));
  }

  has(name: string): boolean {
    return this.entries.some(([key]) => key === name);
  }

  append(name: string, value: string): void {
    this.entries.push([name, value]);
  }

  /** Replaces the first parameter called `name` and drops the others, or appends one. */
  set(name: string, value: string): void {
    const first = this.entries.findIndex(([key]) => key === name);
    if (first < 0) {
      this.entries.push([name, value]);
      return;
    }
    this.entries[first] = [name, value];
    for (let i = this.entries.length - 1; i > first; i--) {
      if (this.entries[i]![0] === name) this.entries.splice(i, 1);
    }
  }

  serialize(): string {
    // Concatenated rather than joined: a value of a megabyte is then copied once, when the
    // string is first read, instead of once more by join.
    let query = '';
    for (const [name, value] of this.entries) {
      if (query !== '') query += '&';
      query += formEncode(name) + '=' + formEncode(value);
    }
    return query;
  }
}

// The URL Standard's serialiser works on UTF-8 bytes: TextEncoder gives them (writing U+FFFD for
// a lone surrogate, as the standard does), a table says which bytes stay, and the encoded bytes
// are read back as one ASCII string. Long values go a slice at a time through two buffers that
// are reused, so a megabyte of scope allocates little beyond its encoded text.

/** UTF-16 code units encoded at a time. */
const SLICE = 8192;
const utf8 = new TextEncoder();
const ascii = new TextDecoder();
/** A slice's UTF-8: at most three bytes per code unit, one more unit when a pair is kept whole. */
const bytesIn = new Uint8Array(3 * (SLICE + 1));
/** Its encoding: at most three characters per byte. */
const bytesOut = new Uint8Array(3 * bytesIn.length);

const SPACE = 0x20;
const PLUS = 0x2b;
const PERCENT = 0x25;
const HEX_DIGIT = Array.from('0123456789ABCDEF', (digit) => digit.charCodeAt(0));
/** Bytes the form serialiser leaves as they are: ASCII letters, digits and *-._ */
const KEPT = new Uint8Array(256);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._') {
  KEPT[char.charCodeAt(0)] = 1;
}

/**
 * The application/x-www-form-urlencoded serialiser of the URL Standard, with URLSearchParams'
 * output byte for byte: a space becomes "+", ASCII letters, digits and *-._ stay, every other
 * byte of the UTF-8 is percent-encoded.
 */
function formEncode(text: string): string {
  if (text.length <= SLICE) return formEncodeSlice(text);
  let encoded = '';
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE, text.length);
    // Never cut a surrogate pair in two: each half alone would be encoded as U+FFFD.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    encoded += formEncodeSlice(text.slice(start, end));
    start = end;
  }
  return encoded;
}

/** Whether every character is one the serialiser leaves alone, as in `code` or `S256`. */
function isKeptAsIs(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f || KEPT[code] !== 1) return false;
  }
  return true;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function formEncodeSlice(text: string): string {
  if (isKeptAsIs(text)) return text;
  const { written } = utf8.encodeInto(text, bytesIn);
  let length = 0;
  for (let i = 0; i < written; i++) {
    const byte = bytesIn[i]!;
    if (KEPT[byte] === 1) {
      bytesOut[length++] = byte;
    } else if (byte === SPACE) {
      bytesOut[length++] = PLUS;
    } else {
      bytesOut[length++] = PERCENT;
      bytesOut[length++] = HEX_DIGIT[byte >> 4]!;
      bytesOut[length++] = HEX_DIGIT[byte & 0x0f]!;
    }
  }
  return ascii.decode(bytesOut.subarray(0, length));
}
