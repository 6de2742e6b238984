import { andMore, show } from '../text/describe.ts';
import { entriesNotScopeTokens, isScopeToken, scopeTokens } from '../text/scope-fast.ts';
import { hit, NO_HITS, type RuleHit } from './rule.ts';

/** The first entry of `values` that `test` accepts, and how many it accepts in all. */
export function firstMatch(
  values: readonly string[],
  test: (value: string) => boolean,
): { index: number; count: number } | undefined {
  let index = -1;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (test(values[i] as string)) {
      if (index < 0) index = i;
      count++;
    }
  }
  return index < 0 ? undefined : { index, count };
}

/** A `scopes_supported`-style list whose entries must each be one RFC 6749 scope token. */
export function invalidScopeListEntries(
  field: string,
  values: readonly string[] | undefined,
): readonly RuleHit[] {
  if (values === undefined) return NO_HITS;
  const bad = entriesNotScopeTokens(values);
  if (bad === undefined) return NO_HITS;
  const value = values[bad.index] as string;
  return hit(
    `Make each entry of \`${field}\` a single scope token without spaces, quotes or backslashes; ${show(value)}${andMore(bad.count)} is not one.`,
    [field, bad.index],
  );
}

/** A space-delimited scope value whose tokens must each be an RFC 6749 scope token. */
export function invalidScopeValueTokens(
  field: string,
  value: string | undefined,
  path?: (string | number)[],
): readonly RuleHit[] {
  if (value === undefined) return NO_HITS;
  const bad = scopeTokens(value).filter((token) => !isScopeToken(token));
  if (bad.length === 0) return NO_HITS;
  return hit(
    `Use only scope tokens of printable ASCII without quotes or backslashes in \`${field}\`; ${show(bad[0] as string)}${andMore(bad.length)} is not one.`,
    path,
  );
}
