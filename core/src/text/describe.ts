import { joinedLength } from './scope-fast.ts';

// How values appear inside step details and finding messages: quoted exactly (so a leading
// space or an empty string stays visible) and cut short, so a 1 MB document never turns into a
// 1 MB sentence.

const MAX_SHOWN = 120;

/** A scope or other string value as a reader should see it, e.g. `"mcp:read offline_access"`. */
export function show(value: string): string {
  if (value.length <= MAX_SHOWN) return JSON.stringify(value);
  return showCut(value.slice(0, MAX_SHOWN), value.length);
}

function showCut(start: string, length: number): string {
  return `${JSON.stringify(start)}… (${length.toLocaleString('en-US')} characters)`;
}

/**
 * `show([...tokens, ...more].join(' '))`, reading only the tokens it shows. A long scope is
 * built by concatenation and copied into one piece when first read; showing its first 120
 * characters must not be that read, or each profile's trace would copy a megabyte.
 */
export function showJoined(tokens: readonly string[], ...more: string[]): string {
  if (tokens.length + more.length === 0) return '""';
  let start = '';
  let first = true;
  for (const list of [tokens, more]) {
    for (const token of list) {
      if (start.length > MAX_SHOWN) break;
      start += first ? token : ` ${token}`;
      first = false;
    }
  }
  // The length of the whole text; a long list's is summed once per evaluation, not per trace.
  const separator = tokens.length > 0 && more.length > 0 ? 1 : 0;
  const length = joinedLength(tokens) + separator + joinedLength(more);
  return length <= MAX_SHOWN ? JSON.stringify(start) : showCut(start.slice(0, MAX_SHOWN), length);
}

/** A list of strings, e.g. `["mcp:read", "mcp:write"]`, cut short after a few entries. */
export function showList(values: readonly string[]): string {
  const shown = values.slice(0, 8).map((value) => show(value));
  if (values.length > 8) shown.push(`… ${values.length - 8} more`);
  return `[${shown.join(', ')}]`;
}

/** A scope value, or the words for its absence. */
export function showScope(scope: string | undefined): string {
  return scope === undefined ? 'no scope' : show(scope);
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** " (and 3 more entries like it)" after the first of `count` offending entries. */
export function andMore(count: number): string {
  return count > 1 ? ` (and ${count - 1} more ${count === 2 ? 'entry' : 'entries'} like it)` : '';
}
