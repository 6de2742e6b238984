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

// encodeURIComponent already does the URL Standard's form encoding in native code, apart from
// three differences: it writes a space as %20 rather than "+", leaves !'()~ as they are, and
// throws on a lone surrogate where the form serialiser writes U+FFFD. Fixing those up afterwards
// is several times faster than a character loop on a long value, which a scope of thousands of
// tokens is.
const ESCAPED_BY_FORMS_ONLY = /[!'()~]/g;
const ENCODED_SPACE = /%20/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function percentEscape(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

/** Characters encoded at a time, so each piece of a long value's encoding stays a small string. */
const ENCODE_SLICE = 8192;

/**
 * The application/x-www-form-urlencoded serialiser of the URL Standard, with URLSearchParams'
 * output byte for byte: a space becomes "+", ASCII letters, digits and *-._ stay, everything
 * else is UTF-8 percent-encoded (a lone surrogate as U+FFFD).
 *
 * A long value is encoded a slice at a time and the pieces concatenated: one encoding of a
 * megabyte allocates several megabyte-sized strings, and allocating those costs more than the
 * encoding itself.
 */
function formEncode(text: string): string {
  if (text.length <= ENCODE_SLICE) return formEncodeSlice(text);
  let encoded = '';
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + ENCODE_SLICE, text.length);
    // Never cut a surrogate pair in two: each half alone would be encoded as U+FFFD.
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end++;
    encoded += formEncodeSlice(text.slice(start, end));
    start = end;
  }
  return encoded;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function formEncodeSlice(text: string): string {
  let encoded: string;
  try {
    encoded = encodeURIComponent(text);
  } catch {
    encoded = encodeURIComponent(text.replace(LONE_SURROGATE, '\uFFFD'));
  }
  return encoded.replace(ENCODED_SPACE, '+').replace(ESCAPED_BY_FORMS_ONLY, percentEscape);
}
