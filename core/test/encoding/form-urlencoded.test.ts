import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QueryList } from '../../src/encoding/form-urlencoded.ts';

/** What the platform's own serialiser writes for the same parameters. */
function platform(entries: readonly [string, string][]): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) params.append(name, value);
  return params.toString();
}

function ours(entries: readonly [string, string][]): string {
  const query = new QueryList(new URLSearchParams());
  for (const [name, value] of entries) query.append(name, value);
  return query.serialize();
}

// Every character class the serialiser treats differently: safe ASCII, the five characters
// encodeURIComponent leaves alone but forms escape, space, other ASCII, multi-byte text and
// lone surrogates on either side.
const tricky = fc.constantFrom(
  'a',
  'Z',
  '0',
  '*',
  '-',
  '.',
  '_',
  '!',
  "'",
  '(',
  ')',
  '~',
  ' ',
  '+',
  '%',
  '&',
  '=',
  ':',
  '/',
  '\t',
  '\u00e9',
  '\u20ac',
  '\ud83d\ude00',
  '\ud800',
  '\udc00',
  '\uffff',
);
const text = fc.oneof(
  fc.string({ unit: tricky, maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

describe('QueryList.serialize', () => {
  it('writes what URLSearchParams writes, byte for byte', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 5 }), (entries) => {
        expect(ours(entries)).toBe(platform(entries));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes the characters only forms escape, and writes a space as +', () => {
    expect(ours([['scope', "a b!'()~*"]])).toBe('scope=a+b%21%27%28%29%7E*');
  });

  it('writes a lone surrogate as U+FFFD instead of throwing', () => {
    expect(ours([['x', 'a\ud800b']])).toBe('x=a%EF%BF%BDb');
  });

  it('keeps set/append semantics: set replaces the first and drops the rest', () => {
    const query = new QueryList(new URLSearchParams('prompt=login&a=1&prompt=none'));
    query.set('prompt', 'consent');
    expect(query.serialize()).toBe('prompt=consent&a=1');
  });
});

describe('QueryList.serialize on long values', () => {
  // Long values are encoded in slices: the slices' edges must not change a byte, least of all
  // where one falls inside a surrogate pair.
  const longText = fc
    .tuple(fc.integer({ min: 8000, max: 8200 }), text, text)
    .map(([length, head, tail]) => `${head}${'\ud83d\ude00 a'.repeat(length / 4)}${tail}`);

  it('writes what URLSearchParams writes, byte for byte', () => {
    fc.assert(
      fc.property(longText, (value) => {
        expect(ours([['scope', value]])).toBe(platform([['scope', value]]));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a surrogate pair whole where a slice ends', () => {
    for (let offset = 8190; offset <= 8194; offset++) {
      const value = `${'a'.repeat(offset)}\ud83d\ude00${'b'.repeat(10)}`;
      expect(ours([['v', value]])).toBe(platform([['v', value]]));
    }
  });
});
