import { shared } from './shared-work.ts';

/**
 * A sorted copy in ordinal order, as .NET's `StringComparer.Ordinal` sorts: by UTF-16 code unit,
 * so "B" before "a", no locale consulted; the input is left as it was. That is the order of
 * Array.prototype.sort without a comparator, which also spares a long list a call back into
 * JavaScript per comparison.
 */
export function sortOrdinal(values: readonly string[]): string[] {
  return [...values].sort();
}

/**
 * `sortOrdinal(values)`, sorted once per list while profiles share their work: sorting a 1 MB
 * `scopes_supported` is the costliest step of a decision. Treat as read-only.
 */
export function sortedOrdinal(values: readonly string[]): readonly string[] {
  return shared('sorted-ordinal', values, sortOrdinal);
}
