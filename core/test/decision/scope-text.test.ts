import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { show, showJoined } from '../../src/text/describe.ts';
import { sortOrdinal } from '../../src/text/ordinal-sort.ts';
import {
  concatenatedText,
  distinctListTokens,
  entriesNotScopeTokens,
  hasOnlyToken,
  hasSpaceSeparatedToken,
  hasToken,
  includesEntry,
  indexOfEntry,
  isScopeToken,
  joinedLength,
  joinedList,
  joinedListWith,
  joinedText,
  joinWithSpaces,
  listsHoldOnlyToken,
  listTokens,
  unionOfLists,
  uniqueTokens,
} from '../../src/text/scope-fast.ts';
import { sharingWork } from '../../src/text/shared-work.ts';

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

describe('joinedList and joinedListWith', () => {
  const appended = fc.constantFrom('offline_access', 'a', 'x:y');

  it('give the plain join and the join with a token appended, whichever is built first', () => {
    fc.assert(
      fc.property(fc.oneof(list, longList), appended, fc.boolean(), (values, token, withFirst) => {
        const plain = values.join(' ');
        const [joined, joinedWith] = sharingWork(() => {
          if (withFirst) {
            const first = joinedListWith(values, token);
            return [joinedList(values), first];
          }
          const first = joinedList(values);
          return [first, joinedListWith(values, token)];
        });
        expect(joined).toBe(plain);
        expect(joinedWith).toBe(`${plain} ${token}`);
      }),
      { numRuns: 100 },
    );
  });

  it('give the same text to every caller while profiles share their work', () => {
    const values = ['a', 'b'];
    sharingWork(() => {
      expect(joinedListWith(values, 'offline_access')).toBe('a b offline_access');
      expect(joinedListWith(values, 'offline_access')).toBe('a b offline_access');
      expect(joinedListWith(values, 'c')).toBe('a b c');
      expect(joinedList(values)).toBe('a b');
    });
    expect(sharingWork(() => joinedListWith([], 'offline_access'))).toBe(' offline_access');
  });
});

describe('joinedLength', () => {
  it("is the length of list.join(' '), shared or not", () => {
    fc.assert(
      fc.property(fc.oneof(list, longList), (values) => {
        expect(joinedLength(values)).toBe(values.join(' ').length);
        expect(sharingWork(() => [joinedLength(values), joinedLength(values)])).toEqual([
          values.join(' ').length,
          values.join(' ').length,
        ]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('joinedText and concatenatedText', () => {
  it('join the entries with single spaces, then the appended token after a space', () => {
    fc.assert(
      fc.property(
        fc.oneof(list, longList),
        fc.option(fc.constantFrom('offline_access', 'a'), { nil: undefined }),
        (entries, appended) => {
          const parts = appended === undefined ? { entries } : { entries, appended };
          const expected =
            appended === undefined ? entries.join(' ') : `${entries.join(' ')} ${appended}`;
          expect(sharingWork(() => joinedText(parts))).toBe(expected);
          expect(concatenatedText(parts)).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('listsHoldOnlyToken', () => {
  it('is hasOnlyToken of the lists joined with spaces', () => {
    const near = fc.constantFrom('offline_access', ' offline_access', 'offline_access\t', '', ' ');
    fc.assert(
      fc.property(
        fc.array(fc.oneof(entry, near), { maxLength: 4 }),
        fc.array(fc.oneof(entry, near), { maxLength: 2 }),
        (first, second) => {
          expect(listsHoldOnlyToken('offline_access', first, second)).toBe(
            hasOnlyToken([...first, ...second].join(' '), 'offline_access'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers for a long list', () => {
    expect(listsHoldOnlyToken('offline_access', Array(5000).fill(''), ['offline_access'])).toBe(
      true,
    );
    expect(listsHoldOnlyToken('offline_access', Array(5000).fill('a'), ['offline_access'])).toBe(
      false,
    );
  });
});

describe('hasToken and hasSpaceSeparatedToken', () => {
  const wanted = fc.constantFrom('offline_access', 'a', 'files:read');
  const separator = fc.constantFrom(' ', '\t', '\n', '\u00a0', '', 'x');
  // Short and long texts, with the token at the start, inside, glued to a neighbour, or last.
  const text = fc
    .tuple(fc.oneof(list, longList), wanted, separator, fc.constantFrom('start', 'end', 'none'))
    .map(([values, token, space, where]) => {
      const body = values.join(' ');
      if (where === 'start') return `${token}${space}${body}`;
      if (where === 'end') return `${body}${space}${token}`;
      return body;
    });

  it('find the token as splitting on whitespace, or on single spaces, would', () => {
    fc.assert(
      fc.property(text, wanted, fc.boolean(), (scope, token, shareWork) => {
        const run = <T>(answer: () => T): T => (shareWork ? sharingWork(answer) : answer());
        expect(run(() => hasToken(scope, token))).toBe(scope.split(/\s+/).includes(token));
        expect(run(() => hasSpaceSeparatedToken(scope, token))).toBe(
          scope.split(' ').includes(token),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('give each text its own answer while profiles share their work', () => {
    const head = Array.from({ length: 5000 }, (_, i) => `s${i}`).join(' ');
    sharingWork(() => {
      expect(hasToken(`${head} offline_access`, 'offline_access')).toBe(true);
      expect(hasToken(`${head} offline_accesz`, 'offline_access')).toBe(false);
      expect(hasToken(`offline_access ${head}`, 'offline_access')).toBe(true);
      expect(hasToken(`${head}\toffline_access`, 'offline_access')).toBe(true);
      expect(hasSpaceSeparatedToken(`${head}\toffline_access`, 'offline_access')).toBe(false);
      expect(hasSpaceSeparatedToken(`${head} offline_access`, 'offline_access')).toBe(true);
    });
  });
});

describe('indexOfEntry and includesEntry', () => {
  it('are indexOf and includes, for short and long lists, shared or not', () => {
    fc.assert(
      fc.property(fc.oneof(list, longList), entry, fc.boolean(), (values, value, shareWork) => {
        const run = <T>(answer: () => T): T => (shareWork ? sharingWork(answer) : answer());
        expect(run(() => indexOfEntry(values, value))).toBe(values.indexOf(value));
        expect(run(() => includesEntry(values, value))).toBe(values.includes(value));
      }),
      { numRuns: 100 },
    );
  });
});

describe('entriesNotScopeTokens', () => {
  it('finds the first entry that is not a scope token and counts them all', () => {
    fc.assert(
      fc.property(fc.oneof(list, longList), (values) => {
        const bad = values.flatMap((value, index) => (isScopeToken(value) ? [] : [index]));
        const expected = bad.length === 0 ? undefined : { index: bad[0], count: bad.length };
        expect(sharingWork(() => entriesNotScopeTokens(values))).toEqual(expected);
        expect(entriesNotScopeTokens(values)).toEqual(expected);
      }),
      { numRuns: 100 },
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
    // The expected value is found by a quadratic scan over lists of thousands of entries: on a
    // machine shared with other jobs that alone can pass vitest's 5 s default.
  }, 30_000);
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
