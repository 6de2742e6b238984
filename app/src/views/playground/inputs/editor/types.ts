import type { Finding, JsonPath } from '@mcp-auth-playground/core';

export interface EditorHandle {
  /** Focuses the editor with the cursor on `path` (or at the start for the whole document). */
  reveal: (path: JsonPath | undefined) => void;
  /** Focuses the editor with the cursor at `offset` in its text. */
  revealOffset: (offset: number) => void;
}

export interface EditorProps {
  /** Accessible name of the editing surface. */
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Findings about this document, shown at their JSON path. */
  findings: readonly Finding[];
  /** Receives the editor's handle while it is mounted. */
  onHandle: (handle: EditorHandle | null) => void;
}
