/** Tokens of a scope shown before the rest is folded away behind a count. */
export const SHOWN_TOKENS = 24;

/** Characters of any other long value (a URL parameter) shown before the rest is folded away. */
export const SHOWN_CHARACTERS = 600;

export interface Cut {
  /** The start of the text, exactly as it is (spaces included). */
  head: string;
  /** How many tokens or characters are left out; 0 when nothing is. */
  hidden: number;
}

/**
 * The first `shown` space-separated tokens of a scope, cut where the next token starts so the
 * head keeps the value's own spacing; `hidden` counts the tokens left out.
 */
export function cutTokens(text: string, shown = SHOWN_TOKENS): Cut {
  // A short text cannot have more tokens than shown; skip the scan.
  if (text.length <= shown * 2) return { head: text, hidden: 0 };
  let tokens = 0;
  let inToken = false;
  let cutAt = -1;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 0x20;
    if (!space && !inToken) {
      tokens++;
      if (tokens === shown + 1) cutAt = i;
    }
    inToken = !space;
  }
  if (cutAt < 0) return { head: text, hidden: 0 };
  return { head: text.slice(0, cutAt), hidden: tokens - shown };
}

/** The first `shown` characters of a text, and how many are left out. */
export function cutCharacters(text: string, shown = SHOWN_CHARACTERS): Cut {
  return text.length <= shown
    ? { head: text, hidden: 0 }
    : { head: text.slice(0, shown), hidden: text.length - shown };
}

export function countText(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
