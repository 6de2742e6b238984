import { shared } from './shared-work.ts';

/**
 * Ordinal string order: compares UTF-16 code units one by one, as .NET's
 * `StringComparer.Ordinal` does, so "B" sorts before "a" and no locale is consulted.
 */
export function compareOrdinal(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** A sorted copy, in ordinal order; the input is left as it was. */
export function sortOrdinal(values: readonly string[]): string[] {
  return [...values].sort(compareOrdinal);
}

/**
 * `sortOrdinal(values)`, sorted once per list while profiles share their work: sorting a 1 MB
 * `scopes_supported` is the costliest step of a decision. Treat as read-only.
 */
export function sortedOrdinal(values: readonly string[]): readonly string[] {
  return shared('sorted-ordinal', values, sortOrdinal);
}
