// How the quick controls read a field of a document: only what the JSON really says, so a
// control never shows a value the editor does not hold.

export type StringList =
  | { kind: 'absent' }
  | { kind: 'list'; items: string[] }
  /** Present but not an array of strings: the control steps aside for the editor. */
  | { kind: 'other' };

export function stringList(value: unknown): StringList {
  if (value === undefined) return { kind: 'absent' };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return { kind: 'list', items: value };
  }
  return { kind: 'other' };
}

/** Whitespace-separated tokens of what a user typed, for adding several scopes at once. */
export function tokensOf(text: string): string[] {
  return text.split(/\s+/).filter((token) => token !== '');
}

/** `list` with `items` appended, skipping those already present. */
export function withItems(list: unknown, items: readonly string[]): unknown {
  const current = Array.isArray(list) ? (list as unknown[]) : [];
  const added = items.filter(
    (item, index) => !current.includes(item) && items.indexOf(item) === index,
  );
  return [...current, ...added];
}

export function withoutItem(list: unknown, item: string): unknown {
  return Array.isArray(list) ? list.filter((entry) => entry !== item) : list;
}
