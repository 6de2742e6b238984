import type { DocumentSubject, JsonPath } from '@mcp-auth-playground/core';

export interface Revealer {
  reveal(path: JsonPath | undefined): void;
  /** Focuses with the cursor at `offset` in the text (where its JSON breaks, say). */
  revealOffset(offset: number): void;
}

/**
 * Where each finding's subject is on screen: the editors and fields register here while
 * mounted, and the findings list asks to put the cursor on a finding's path.
 */
export class RevealRegistry {
  readonly #revealers = new Map<DocumentSubject, Revealer>();

  set(subject: DocumentSubject, revealer: Revealer | null): void {
    if (revealer) this.#revealers.set(subject, revealer);
    else this.#revealers.delete(subject);
  }

  /** False when nothing on screen shows the subject (a document switched to not served). */
  reveal(subject: DocumentSubject, path: JsonPath | undefined): boolean {
    const revealer = this.#revealers.get(subject);
    revealer?.reveal(path);
    return revealer !== undefined;
  }

  /** Puts the cursor at `offset` in the subject's text; false when nothing shows the subject. */
  revealOffset(subject: DocumentSubject, offset: number): boolean {
    const revealer = this.#revealers.get(subject);
    revealer?.revealOffset(offset);
    return revealer !== undefined;
  }
}
