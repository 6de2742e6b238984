// The `scope` parameter as RFC 6749 §3.3 defines it, written as the rule reads: a list of
// space-delimited, case-sensitive tokens, each one or more printable ASCII characters other than
// space, double quote and backslash. Clients split it on any whitespace (JavaScript's `\s`,
// Python's `split()`), so the token view here does too.
//
// This module is the meaning. `scope-fast.ts` exports every function below under the same name
// with the same answers, and is what the profiles call, because a 1 MB `scopes_supported` passes
// through these questions once per profile; core/test/decision/scope-contract.test.ts holds the
// two to that, input by input. Where a function takes a `token`, it must be a scope token (not
// empty, no whitespace): the contract is stated for those.

const WHITESPACE = /\s+/;
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

/** RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ). */
export function isScopeToken(value: string): boolean {
  return SCOPE_TOKEN.test(value);
}

/** The tokens of a scope value, in order, without empty strings; none for a missing value. */
export function scopeTokens(scope: string | undefined): string[] {
  if (typeof scope !== 'string') return [];
  return scope.split(WHITESPACE).filter((token) => token !== '');
}

/** The tokens of every entry of a list (such as `scopes_supported`), in order. */
export function listTokens(entries: readonly string[]): string[] {
  return entries.flatMap((entry) => scopeTokens(entry));
}

/** Each token once, in first-seen order. */
export function uniqueTokens(tokens: readonly string[]): string[] {
  return [...new Set(tokens)];
}

/** Tokens of every value in first-seen order, each once: the union a step-up asks for. */
export function unionTokens(...scopes: readonly (string | undefined)[]): string[] {
  return uniqueTokens(scopes.flatMap((scope) => scopeTokens(scope)));
}

/** Tokens the list repeats, each reported once, in the order their repeat is first seen. */
export function duplicateTokens(tokens: readonly string[]): string[] {
  return uniqueTokens(tokens.filter((token, index) => tokens.indexOf(token) !== index));
}

/** Whether `scope` holds at least one token. */
export function hasAnyToken(scope: string | undefined): boolean {
  return scopeTokens(scope).length > 0;
}

/** Whether `token` is one of the tokens of `scope`. */
export function hasToken(scope: string | undefined, token: string): boolean {
  return scopeTokens(scope).includes(token);
}

/** Whether `token` is the one and only token of `scope`. */
export function hasOnlyToken(scope: string | undefined, token: string): boolean {
  const tokens = scopeTokens(scope);
  return tokens.length === 1 && tokens[0] === token;
}

/** Whether the entries of `lists`, joined one after another, hold `token` and nothing else. */
export function listsHoldOnlyToken(
  token: string,
  ...lists: readonly (readonly string[])[]
): boolean {
  return hasOnlyToken(lists.flat().join(' '), token);
}

/**
 * Whether `scope.split(' ')` contains `token`: the TypeScript SDKs' test, where only a plain
 * space separates tokens (so a tab or line break hides one). Any string may be asked for here.
 */
export function hasSpaceSeparatedToken(scope: string, token: string): boolean {
  return scope.split(' ').includes(token);
}

/**
 * A scope as a client sends it: a list joined with single spaces, and the token, if any, that it
 * appends after one more space (offline_access). Profiles hand these parts to the shared finish
 * step rather than joining text themselves.
 */
export interface JoinedParts {
  readonly entries: readonly string[];
  readonly appended?: string;
}

/** The text of `parts`: `entries.join(' ')`, then `" " + appended` when there is one. */
export function joinScope(parts: JoinedParts): string {
  const joined = parts.entries.join(' ');
  return parts.appended === undefined ? joined : `${joined} ${parts.appended}`;
}

/** The entries that are not strings holding a scope token: the first's index and how many. */
export function entriesNotScopeTokens(
  list: readonly string[],
): { index: number; count: number } | undefined {
  const bad = list.flatMap((entry, index) =>
    typeof entry === 'string' && isScopeToken(entry) ? [] : [index],
  );
  return bad.length === 0 ? undefined : { index: bad[0] ?? 0, count: bad.length };
}

/** The distinct tokens of a list's entries, in first-seen order, and the tokens it repeats. */
export function distinctListTokens(entries: readonly string[]): {
  tokens: readonly string[];
  repeated: readonly string[];
} {
  const all = listTokens(entries);
  return { tokens: uniqueTokens(all), repeated: duplicateTokens(all) };
}

/** Each entry of a list once, in first-seen order. */
export function distinctEntries(entries: readonly string[]): readonly string[] {
  return uniqueTokens(entries);
}

/** Every entry of the lists, each once, in first-seen order. */
export function unionOfLists(...lists: readonly (readonly string[])[]): readonly string[] {
  return uniqueTokens(lists.flat());
}

/** Where `entry` first appears in `list`, or -1. */
export function indexOfEntry(list: readonly string[], entry: string): number {
  return list.indexOf(entry);
}

/** Whether `entry` appears in `list`. */
export function includesEntry(list: readonly string[], entry: string): boolean {
  return list.includes(entry);
}
