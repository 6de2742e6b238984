import { sortedOrdinal } from './ordinal-sort.ts';
import type { JoinedParts } from './scope.ts';
import { shared, sharedByParts } from './shared-work.ts';

export type { JoinedParts };

// The fast paths of `scope.ts`. Every function that module exports is exported here under the
// same name and gives the same answer for every input it accepts (core/README.md states the
// contract; core/test/decision/scope-contract.test.ts checks it). Nothing else differs: these scan
// characters by hand rather than split on a regular expression, and share work between the
// profiles of one evaluation (shared-work.ts), because a 1 MB `scopes_supported` passes through
// them once per profile. The other exports (joinWithSpaces, joinedList, joinedListWith,
// concatenatedText, joinedLength) are the pieces joinScope and describe.ts are built from.

/** Whether a UTF-16 code unit is whitespace in JavaScript's `\s` sense (and Python's split()). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Appends the tokens of `scope` to `out`. */
function pushTokens(scope: string, out: string[]): void {
  let start = -1;
  for (let i = 0; i < scope.length; i++) {
    if (isSpace(scope.charCodeAt(i))) {
      if (start >= 0) {
        out.push(scope.slice(start, i));
        start = -1;
      }
    } else if (start < 0) {
      start = i;
    }
  }
  if (start >= 0) out.push(start === 0 ? scope : scope.slice(start));
}

/** Above this length a scope value is tokenised once per evaluation, however many ask. */
const LONG_SCOPE = 4096;

/** Above this many entries a scan of a list is shared by the profiles that ask. */
const LONG_LIST = 4096;

/** The tokens of a scope value, in order, without empty strings. The array is the caller's. */
export function scopeTokens(scope: string | undefined): string[] {
  if (typeof scope !== 'string') return [];
  if (scope.length < LONG_SCOPE) {
    const tokens: string[] = [];
    pushTokens(scope, tokens);
    return tokens;
  }
  // Profiles derive the same long scope (a joined 1 MB scopes_supported) again and again.
  const tokens = sharedByParts('scope-tokens', [scope], () => {
    const all: string[] = [];
    pushTokens(scope, all);
    return all;
  });
  return tokens.slice();
}

/** The tokens of every entry of a list (such as `scopes_supported`), in order. */
export function listTokens(entries: readonly string[]): string[] {
  const tokens: string[] = [];
  for (const entry of entries) if (typeof entry === 'string') pushTokens(entry, tokens);
  return tokens;
}

/**
 * The distinct tokens of a list such as `scopes_supported`, in first-seen order, and the tokens
 * it repeats. Computed once per list while profiles share their work; treat as read-only.
 */
export function distinctListTokens(entries: readonly string[]): {
  tokens: readonly string[];
  repeated: readonly string[];
} {
  return shared('distinct-list-tokens', entries, (list) => {
    // Usually each entry is one token and none repeats: then the entries' own shared
    // de-duplication and join answer, and the 1 MB string is built once per evaluation.
    if (eachEntryIsOneToken(list)) {
      const tokens = distinctEntries(list);
      const repeated = tokens.length === list.length ? [] : duplicateTokens(list);
      return { tokens, repeated };
    }
    const all = listTokens(list);
    const tokens = uniqueTokens(all);
    const repeated = tokens.length === all.length ? [] : duplicateTokens(all);
    return { tokens, repeated };
  });
}

/** A non-empty value without whitespace: one token, in the `\s` sense isSpace uses. */
const ONE_TOKEN = /^\S+$/;

/** Whether every entry is a string holding exactly one token: `listTokens(list)` gives the list back. */
function eachEntryIsOneToken(list: readonly string[]): boolean {
  // A scope token has no whitespace and is not empty. The lint checks every entry of a long
  // list for that anyway, so usually this answer is already known.
  if (list.length >= LONG_LIST && entriesNotScopeTokens(list) === undefined) return true;
  for (const entry of list) if (typeof entry !== 'string' || !ONE_TOKEN.test(entry)) return false;
  return true;
}

/**
 * The entries of a list that are not strings holding an RFC 6749 scope token: the index of the
 * first and how many there are, or undefined when every entry is one. Checked once per list
 * while profiles share their work; a 1 MB `scopes_supported` is tens of thousands of entries.
 */
export function entriesNotScopeTokens(
  list: readonly string[],
): { index: number; count: number } | undefined {
  if (list.length < LONG_LIST) return findEntriesNotScopeTokens(list);
  return shared('entries-not-scope-tokens', list, findEntriesNotScopeTokens);
}

function findEntriesNotScopeTokens(
  list: readonly string[],
): { index: number; count: number } | undefined {
  let index = -1;
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (typeof entry === 'string' && SCOPE_TOKEN.test(entry)) continue;
    if (index < 0) index = i;
    count++;
  }
  return index < 0 ? undefined : { index, count };
}

/** Entries joined at a time by joinWithSpaces. */
const JOIN_SLICE = 4096;

/** The list joined with spaces a slice of entries at a time: the pieces of `list.join(' ')`. */
function joinedSlices(list: readonly string[]): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < list.length; start += JOIN_SLICE) {
    pieces.push(list.slice(start, start + JOIN_SLICE).join(' '));
  }
  return pieces;
}

/**
 * `list.join(' ')`, joined a slice of entries at a time. V8's join of a list of tens of
 * thousands of entries takes several times longer than joining its slices and concatenating
 * the few pieces, which is then copied once, when the string is first read.
 */
export function joinWithSpaces(list: readonly string[]): string {
  if (list.length <= JOIN_SLICE) return list.join(' ');
  const [first = '', ...rest] = joinedSlices(list);
  let joined = first;
  for (const piece of rest) joined += ' ' + piece;
  return joined;
}

/**
 * `joinScope` of scope.ts, the one join the finish step calls: the text of `parts`, shared with
 * every profile that joins the same list while they share work. Readers that keep the parts
 * (joined-scope.ts) answer questions about a megabyte scope without reading its text.
 */
export function joinScope(parts: JoinedParts): string {
  const { entries, appended } = parts;
  if (entries.length >= SHARED_JOIN) return joinedText(parts);
  // A short list costs less to join again than to look up: only a long one is shared.
  const joined = entries.length === 1 ? (entries[0] as string) : entries.join(' ');
  return appended === undefined ? joined : withTokenAppended(joined, appended);
}

/** From this many entries a list's join is shared by the profiles of one evaluation. */
const SHARED_JOIN = 64;

/** The text of `parts`, shared with every profile that joins the same list while they share work. */
export function joinedText(parts: JoinedParts): string {
  return parts.appended === undefined
    ? joinedList(parts.entries)
    : joinedListWith(parts.entries, parts.appended);
}

/**
 * The text of `parts` as a concatenation nobody shares, for a list only one profile joins (the
 * C# SDK's sorted copy): V8 copies a concatenation into one piece only when it is first read,
 * and such a scope is often never read at all.
 */
export function concatenatedText(parts: JoinedParts): string {
  const joined = joinWithSpaces(parts.entries);
  return parts.appended === undefined ? joined : `${joined} ${parts.appended}`;
}

/** `list.join(' ').length`, without joining; a long list's is summed once per evaluation. */
export function joinedLength(list: readonly string[]): number {
  if (list.length < LONG_LIST) return sumJoinedLength(list);
  return shared('joined-length', list, sumJoinedLength);
}

function sumJoinedLength(list: readonly string[]): number {
  let length = list.length > 0 ? list.length - 1 : 0;
  for (const entry of list) length += entry.length;
  return length;
}

/** The texts joined from one list while profiles share their work. */
interface ListTexts {
  plain?: string;
  /** By appended token. */
  appended?: Map<string, string>;
}

function listTexts(list: readonly string[]): ListTexts {
  return shared('list-texts', list, (): ListTexts => ({}));
}

/**
 * The entries of a list joined with single spaces, as `list.join(' ')`; computed once per list.
 * When the list's text with a token appended was built first, this is a view of its start.
 */
export function joinedList(entries: readonly string[]): string {
  const texts = listTexts(entries);
  texts.plain ??= joinWithSpaces(entries);
  return texts.plain;
}

/**
 * `${joinedList(list)} ${token}`, built once per list and token while profiles share their
 * work. Several profiles append offline_access to the same (possibly 1 MB) list, and others send
 * the list without it; sharing the result by the list, not by the joined text, spares hashing a
 * megabyte to find it. Unless the plain join exists already, the text is built in one piece and
 * the plain join becomes a view of its start (a slice of a flat string is not copied), so a
 * megabyte list costs one megabyte of text for both, not a concatenation per text that V8 would
 * copy again on its first read.
 */
export function joinedListWith(list: readonly string[], token: string): string {
  const texts = listTexts(list);
  const known = texts.appended?.get(token);
  if (known !== undefined) return known;
  let text: string;
  if (texts.plain !== undefined || list.length === 0) {
    text = `${joinedList(list)} ${token}`;
  } else {
    const pieces = joinedSlices(list);
    pieces.push(token);
    text = pieces.join(' ');
    texts.plain = text.slice(0, text.length - token.length - 1);
  }
  (texts.appended ??= new Map()).set(token, text);
  return text;
}

/**
 * Each entry of a list once, in first-seen order, as `uniqueTokens(list)`: the list itself when
 * it repeats nothing, so later joins of it are shared too. Several profiles de-duplicate the
 * same `scopes_supported`; for a 1 MB list that is one check per evaluation, not one per profile.
 * Treat as read-only.
 */
export function distinctEntries(entries: readonly string[]): readonly string[] {
  return shared('distinct-entries', entries, (list) =>
    repeatsAnEntry(list) ? uniqueTokens(list) : list,
  );
}

/**
 * Whether any entry occurs twice. Answered from the list's ordinal sort, where repeats sit side
 * by side: one profile sorts that list anyway, and sorting a long list costs less than hashing
 * every entry into a Set.
 */
function repeatsAnEntry(list: readonly string[]): boolean {
  if (list.length < 2) return false;
  const sorted = sortedOrdinal(list);
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
  return false;
}

/**
 * `list.indexOf(entry)`, found once per list and entry while profiles share their work: the
 * spec profiles, several SDKs and the lint each look for offline_access in the same list.
 */
export function indexOfEntry(list: readonly string[], entry: string): number {
  if (list.length < LONG_LIST) return list.indexOf(entry);
  return shared(`index-of ${entry}`, list, (entries) => entries.indexOf(entry));
}

/** `list.includes(entry)` for a list of strings, as indexOfEntry finds it. */
export function includesEntry(list: readonly string[], entry: string): boolean {
  return indexOfEntry(list, entry) >= 0;
}

/** Whether `value` is in `sorted`, a list in ordinal order: a binary search. */
function inSorted(sorted: readonly string[], value: string): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const entry = sorted[middle]!;
    if (entry === value) return true;
    if (entry < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * `uniqueTokens([...a, ...b, ...])`: every entry of the lists, each once, in first-seen order.
 * The first non-empty list (usually a shared `scopes_supported`) is de-duplicated once per
 * evaluation and only the later, typically small, lists are scanned per call. Read-only.
 */
export function unionOfLists(...lists: readonly (readonly string[])[]): readonly string[] {
  const nonEmpty = lists.filter((list) => list.length > 0);
  const [first, ...rest] = nonEmpty;
  if (first === undefined) return [];
  const base = distinctEntries(first);
  if (rest.length === 0) return base;
  const sortedBase = sortedOrdinal(first);
  const extra = new Set<string>();
  for (const list of rest) {
    for (const entry of list) if (!inSorted(sortedBase, entry)) extra.add(entry);
  }
  return extra.size === 0 ? base : [...base, ...extra];
}

/** Whether `scope` holds at least one token: `scopeTokens(scope).length > 0`, without the split. */
export function hasAnyToken(scope: string | undefined): boolean {
  if (typeof scope !== 'string') return false;
  for (let i = 0; i < scope.length; i++) if (!isSpace(scope.charCodeAt(i))) return true;
  return false;
}

/**
 * `${scope} ${token}`, built once per evaluation for each scope: several profiles append
 * offline_access to the same (possibly 1 MB) selection, and each copy would be flattened again.
 */
export function withTokenAppended(scope: string, token: string): string {
  if (scope.length < LONG_SCOPE) return `${scope} ${token}`;
  return sharedByParts('token-appended', [scope, token], () => `${scope} ${token}`);
}

/** Tokens of every value in first-seen order, each once: the union a step-up asks for. */
export function unionTokens(...scopes: readonly (string | undefined)[]): string[] {
  const tokens: string[] = [];
  for (const scope of scopes) if (typeof scope === 'string') pushTokens(scope, tokens);
  return uniqueTokens(tokens);
}

/** Each token once, in first-seen order. Takes an array: a huge list must not become arguments. */
export function uniqueTokens(tokens: readonly string[]): string[] {
  return [...new Set(tokens)];
}

/**
 * Whether `token` is one of the whitespace-separated tokens of `scope`. Searches the text for
 * the token and checks its boundaries, so the common case costs no allocation. A long scope is
 * searched once per evaluation for each token however many profiles ask, and a token appended
 * at its end (offline_access after a 1 MB list) is found there without searching the megabyte.
 */
export function hasToken(scope: string | undefined, token: string): boolean {
  if (typeof scope !== 'string' || token === '') return false;
  if (scope.length < LONG_SCOPE) return findsToken(scope, token);
  if (endsWithToken(scope, token, isSpace)) return true;
  return sharedByParts('has-token', [scope, token], () => findsToken(scope, token));
}

function findsToken(scope: string, token: string): boolean {
  for (let at = scope.indexOf(token); at >= 0; at = scope.indexOf(token, at + 1)) {
    const end = at + token.length;
    const before = at === 0 || isSpace(scope.charCodeAt(at - 1));
    const after = end === scope.length || isSpace(scope.charCodeAt(end));
    if (before && after) return true;
  }
  return false;
}

/** Whether `scope` ends with `token` (not empty) with a separator, or nothing, before it. */
function endsWithToken(
  scope: string,
  token: string,
  isSeparator: (code: number) => boolean,
): boolean {
  const at = scope.length - token.length;
  return scope.endsWith(token) && (at === 0 || isSeparator(scope.charCodeAt(at - 1)));
}

/**
 * Whether `token` (a scope token: not empty, no whitespace) is the one and only token of `scope`. Looks only at the ends of the text, so
 * the answer for a 1 MB scope costs no split.
 */
export function hasOnlyToken(scope: string | undefined, token: string): boolean {
  if (typeof scope !== 'string' || token === '') return false;
  let start = 0;
  let end = scope.length;
  while (start < end && isSpace(scope.charCodeAt(start))) start++;
  while (end > start && isSpace(scope.charCodeAt(end - 1))) end--;
  return end - start === token.length && scope.startsWith(token, start);
}

/**
 * Whether the tokens of `lists`, read one after another, are `token` (a scope token) and nothing
 * else: `hasOnlyToken` of their joined text. A long list answers at its second non-blank entry.
 */
export function listsHoldOnlyToken(
  token: string,
  ...lists: readonly (readonly string[])[]
): boolean {
  let found = false;
  for (const list of lists) {
    for (const entry of list) {
      if (!hasAnyToken(entry)) continue;
      if (found || !hasOnlyToken(entry, token)) return false;
      found = true;
    }
  }
  return found;
}

/**
 * Whether `scope.split(' ')` would contain `token`: the TypeScript SDKs' test, where only a
 * plain space separates tokens. Same answer, without building the array; for a long scope,
 * answered as hasToken answers.
 */
export function hasSpaceSeparatedToken(scope: string, token: string): boolean {
  if (token === '')
    return scope === '' || scope.includes('  ') || scope.startsWith(' ') || scope.endsWith(' ');
  if (scope.length < LONG_SCOPE) return findsSpaceSeparatedToken(scope, token);
  if (endsWithToken(scope, token, isPlainSpace)) return true;
  return sharedByParts('has-space-separated-token', [scope, token], () =>
    findsSpaceSeparatedToken(scope, token),
  );
}

function isPlainSpace(code: number): boolean {
  return code === 0x20;
}

function findsSpaceSeparatedToken(scope: string, token: string): boolean {
  for (let at = scope.indexOf(token); at >= 0; at = scope.indexOf(token, at + 1)) {
    const end = at + token.length;
    if (
      (at === 0 || scope.charCodeAt(at - 1) === 0x20) &&
      (end === scope.length || scope.charCodeAt(end) === 0x20)
    ) {
      return true;
    }
  }
  return false;
}

/** Tokens the list repeats, each reported once. */
export function duplicateTokens(tokens: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const token of tokens) {
    if (seen.has(token)) repeated.add(token);
    else seen.add(token);
  }
  return [...repeated];
}

/**
 * RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), printable ASCII without space,
 * double quote or backslash.
 */
export function isScopeToken(value: string): boolean {
  return SCOPE_TOKEN.test(value);
}

// Hoisted: a regular expression literal is a new object each time it is evaluated, and this one
// is tested against every entry of a list that can hold tens of thousands.
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
