import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { show, showJoined } from '../../src/decision/describe.ts';
import { sortOrdinal } from '../../src/decision/ordinal-sort.ts';
import {
  distinctListTokens,
  joinWithSpaces,
  listTokens,
  unionOfLists,
  uniqueTokens,
} from '../../src/decision/scope-tokens.ts';
import { sharingWork } from '../../src/decision/shared-work.ts';

// The fast paths for long lists must give exactly what the plain definitions give. Entries mix
// tokens with the values that break the one-token-per-entry shortcut: empty strings, inner,
// leading and trailing whitespace of every kind, and repeats.
const entry = fc.oneof(
  fc.constantFrom(
    'a',
    'b',
    'files:read',
    'offline_access',
    'B',
    'é',
    '',
    ' ',
    'a b',
    ' a',
    'a ',
    'a\tb',
    '\u00a0',
    'x\ny',
  ),
  fc.string({ maxLength: 6 }),
);
const list = fc.array(entry, { maxLength: 12 });
const longList = fc
  .tuple(list, fc.integer({ min: 4090, max: 4200 }))
  .map(([head, length]) => [...head, ...Array.from({ length }, (_, i) => `s${i % 5000}`)]);

describe('joinWithSpaces', () => {
  it("is list.join(' ') for short and long lists", () => {
    fc.assert(
      fc.property(fc.oneof(list, longList), (values) => {
        expect(joinWithSpaces(values)).toBe(values.join(' '));
      }),
      { numRuns: 60 },
    );
  });
});

describe('distinctListTokens', () => {
  it.each([[['']], [[' ']], [['a', '']], [['', 'a']], [['a b']], [['a', 'a']]])(
    'reads %j token by token',
    (values) => {
      const expected = uniqueTokens(listTokens(values));
      expect([...sharingWork(() => distinctListTokens(values)).tokens]).toEqual(expected);
    },
  );

  it('gives the distinct tokens of every entry, joined with single spaces', () => {
    fc.assert(
      fc.property(fc.oneof(list, longList), (values) => {
        const all = listTokens(values);
        const expected = uniqueTokens(all);
        const result = sharingWork(() => distinctListTokens(values));
        expect([...result.tokens]).toEqual(expected);
        expect(new Set(result.repeated)).toEqual(
          new Set(all.filter((token, index) => all.indexOf(token) !== index)),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('unionOfLists', () => {
  it('is every entry once, in first-seen order', () => {
    fc.assert(
      fc.property(list, list, list, (a, b, c) => {
        expect([...sharingWork(() => unionOfLists(a, b, c))]).toEqual(
          uniqueTokens([...a, ...b, ...c]),
        );
      }),
    );
  });
});

describe('sortOrdinal', () => {
  it('orders by UTF-16 code unit, upper case before lower case', () => {
    expect(sortOrdinal(['b', 'B', 'a', 'é', 'A', '\ud83d\ude00', '\uffff'])).toEqual([
      'A',
      'B',
      'a',
      'b',
      'é',
      '\ud83d\ude00',
      '\uffff',
    ]);
  });
});

describe('showJoined', () => {
  it('shows what show() shows for the joined text', () => {
    fc.assert(
      fc.property(fc.oneof(list, longList), fc.array(entry, { maxLength: 2 }), (values, more) => {
        expect(showJoined(values, ...more)).toBe(show([...values, ...more].join(' ')));
      }),
      { numRuns: 100 },
    );
  });
});
