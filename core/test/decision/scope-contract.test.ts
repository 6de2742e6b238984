import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as fast from '../../src/text/scope-fast.ts';
import * as plain from '../../src/text/scope.ts';
import { sharingWork } from '../../src/text/shared-work.ts';

// The contract core/README.md states: scope-fast.ts answers every question of scope.ts, under the
// same name, exactly as scope.ts does, for short and long inputs, inside an evaluation's shared
// work (where answers are remembered) and outside it.

const separator = fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u3000', '\ufeff');
const token = fc.constantFrom('a', 'b', 'B', 'offline_access', 'files:read', 'x!y', 'é');
const scope = fc
  .array(fc.oneof(token, separator, fc.constant('')), { maxLength: 10 })
  .map((parts) => parts.join(''));
/** Past the length where the fast module starts sharing and searching from the end. */
const longScope = fc
  .tuple(scope, fc.integer({ min: 1200, max: 1400 }), fc.option(token))
  .map(([head, count, tail]) => {
    const body = Array.from({ length: count }, (_, i) => `s${i}`).join(' ');
    return `${head} ${body}${tail === null ? '' : ` ${tail}`}`;
  });
const anyScope = fc.oneof(scope, longScope);
const entry = fc.oneof(token, scope, fc.constantFrom('', ' ', 'a b', ' a', 'a "b"'));
const list = fc.array(entry, { maxLength: 8 });
/** Past the length where the fast module shares a list's scans. */
const longList = fc
  .tuple(list, fc.integer({ min: 4100, max: 4200 }), fc.option(token))
  .map(([head, count, tail]) => [
    ...head,
    ...Array.from({ length: count }, (_, i) => `s${i % 4150}`),
    ...(tail === null ? [] : [tail]),
  ]);
const anyList = fc.oneof(list, longList);
const parts = fc.record(
  { entries: anyList, appended: token },
  { requiredKeys: ['entries'] },
) as fc.Arbitrary<plain.JoinedParts>;

/** Both answers, outside shared work and inside it (asked twice, so a remembered one counts). */
function answers<T>(ask: (module: typeof plain) => T): { plain: T; fast: T[] } {
  const copy = (value: T): T => (Array.isArray(value) ? ([...value] as T) : value);
  return {
    plain: ask(plain),
    fast: [copy(ask(fast)), ...sharingWork(() => [copy(ask(fast)), copy(ask(fast))])],
  };
}

function agree<T>(ask: (module: typeof plain) => T): void {
  const { plain: expected, fast: actual } = answers(ask);
  for (const value of actual) expect(value).toEqual(expected);
}

describe('scope-fast.ts keeps the contract of scope.ts', () => {
  it('exports every function of scope.ts under the same name', () => {
    const missing = Object.keys(plain).filter(
      (name) => typeof (fast as Record<string, unknown>)[name] !== 'function',
    );
    expect(missing).toEqual([]);
  });

  it('reads scope values as scope.ts does', () => {
    fc.assert(
      fc.property(anyScope, token, (value, wanted) => {
        agree((m) => m.scopeTokens(value));
        agree((m) => m.hasAnyToken(value));
        agree((m) => m.hasToken(value, wanted));
        agree((m) => m.hasOnlyToken(value, wanted));
        agree((m) => m.hasSpaceSeparatedToken(value, wanted));
        agree((m) => m.hasSpaceSeparatedToken(value, ''));
        agree((m) => m.isScopeToken(value));
      }),
      { numRuns: 150 },
    );
    agree((m) => m.scopeTokens(undefined));
    agree((m) => m.hasToken(undefined, 'a'));
  });

  it('unions and de-duplicates tokens as scope.ts does', () => {
    fc.assert(
      fc.property(fc.array(fc.option(anyScope, { nil: undefined }), { maxLength: 4 }), (values) => {
        agree((m) => m.unionTokens(...values));
        const tokens = values.flatMap((value) => plain.scopeTokens(value));
        agree((m) => m.uniqueTokens(tokens));
        agree((m) => m.duplicateTokens(tokens));
      }),
      { numRuns: 60 },
    );
  });

  it('reads lists as scope.ts does', () => {
    fc.assert(
      fc.property(anyList, list, token, (values, other, wanted) => {
        agree((m) => m.listTokens(values));
        agree((m) => {
          const result = m.distinctListTokens(values);
          return { tokens: [...result.tokens], repeated: [...result.repeated] };
        });
        agree((m) => [...m.distinctEntries(values)]);
        agree((m) => [...m.unionOfLists(values, other)]);
        agree((m) => [...m.unionOfLists(other, values, other)]);
        agree((m) => m.entriesNotScopeTokens(values));
        agree((m) => m.indexOfEntry(values, wanted));
        agree((m) => m.includesEntry(values, wanted));
        agree((m) => m.listsHoldOnlyToken(wanted, values, other));
        agree((m) => m.listsHoldOnlyToken(wanted, other));
      }),
      { numRuns: 25 },
    );
    // Long lists, each asked three times per module: give a shared, busy machine room.
  }, 30_000);

  it('joins a scope from its parts as scope.ts does', () => {
    fc.assert(
      fc.property(parts, (value) => {
        agree((m) => m.joinScope(value));
      }),
      { numRuns: 60 },
    );
  });
});
