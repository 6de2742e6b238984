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
    return this.entries
      .map(([name, value]) => `${formEncode(name)}=${formEncode(value)}`)
      .join('&');
  }
}

/** ASCII left as is by the application/x-www-form-urlencoded serialiser of the URL Standard. */
const FORM_SAFE = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-._') {
  FORM_SAFE[char.charCodeAt(0)] = 1;
}
const PERCENT = Array.from(
  { length: 128 },
  (_, code) => `%${code.toString(16).toUpperCase().padStart(2, '0')}`,
);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The application/x-www-form-urlencoded serialiser of the URL Standard, with URLSearchParams'
 * output byte for byte: a space becomes "+", safe ASCII stays, other ASCII is escaped, and each
 * run of other characters is UTF-8 percent-encoded (a lone surrogate as U+FFFD).
 */
function formEncode(text: string): string {
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128 && FORM_SAFE[code] === 1) continue;
    out += text.slice(copied, i);
    if (code === 0x20) {
      out += '+';
    } else if (code < 128) {
      out += PERCENT[code]!;
    } else {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) >= 128) end++;
      out += encodeURIComponent(text.slice(i, end).replace(LONE_SURROGATE, '\uFFFD'));
      i = end - 1;
    }
    copied = i + 1;
  }
  return out + text.slice(copied);
}
