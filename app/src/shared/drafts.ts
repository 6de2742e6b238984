import { setJsonValue, type JsonPath, type ProfileId } from '@mcp-auth-playground/core';

/** The three documents a user edits, by their Scenario field. */
export type DocumentKey = 'resourceMetadata' | 'authServerMetadata' | 'clientMetadata';

export const DOCUMENT_KEYS: readonly DocumentKey[] = [
  'resourceMetadata',
  'authServerMetadata',
  'clientMetadata',
];

/** One document as typed. `served: false` means the server has none (not the same as `{}`). */
export interface DocumentDraft {
  text: string;
  served: boolean;
}

export type TextField = 'wwwAuthenticate' | 'serverUrl' | 'previousScope';

/**
 * Everything on screen, exactly as typed: the single source of truth of the playground. The
 * Scenario and the Evaluation are derived from it; invalid JSON stays here as typed.
 */
export interface Drafts {
  documents: Readonly<Record<DocumentKey, DocumentDraft>>;
  wwwAuthenticate: string;
  serverUrl: string;
  previousScope: string;
  profile: ProfileId;
}

export const DEFAULT_PROFILE: ProfileId = 'mcp-2026-07-28';

export type DraftsAction =
  | { type: 'load'; drafts: Drafts }
  | { type: 'set-text'; key: DocumentKey; text: string }
  | { type: 'set-served'; key: DocumentKey; served: boolean }
  | { type: 'set-field'; field: TextField; value: string }
  | { type: 'set-profile'; profile: ProfileId }
  | {
      type: 'update-value';
      key: DocumentKey;
      path: JsonPath;
      /** Given the current value at `path` (undefined when absent), returns the new one. */
      update: (current: unknown) => unknown;
    };

/** The value at `path` of a parsed document, reading own properties only. */
export function valueAt(document: unknown, path: JsonPath): unknown {
  let node = document;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    if (!Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function parsedOrUndefined(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function withDocument(drafts: Drafts, key: DocumentKey, draft: DocumentDraft): Drafts {
  return { ...drafts, documents: { ...drafts.documents, [key]: draft } };
}

export function draftsReducer(drafts: Drafts, action: DraftsAction): Drafts {
  switch (action.type) {
    case 'load':
      return action.drafts;
    case 'set-text': {
      const current = drafts.documents[action.key];
      if (current.text === action.text) return drafts;
      return withDocument(drafts, action.key, { ...current, text: action.text });
    }
    case 'set-served': {
      const current = drafts.documents[action.key];
      // Serving a document that was never typed starts it as an empty object, not a parse error.
      const text = action.served && current.text.trim() === '' ? '{}' : current.text;
      return withDocument(drafts, action.key, { text, served: action.served });
    }
    case 'set-field':
      return drafts[action.field] === action.value
        ? drafts
        : { ...drafts, [action.field]: action.value };
    case 'set-profile':
      return { ...drafts, profile: action.profile };
    case 'update-value': {
      const current = drafts.documents[action.key];
      const parsed = parsedOrUndefined(current.text);
      // The quick controls are disabled while the JSON is invalid; a late click changes nothing.
      if (!parsed.ok) return drafts;
      const next = action.update(valueAt(parsed.value, action.path));
      const edit = setJsonValue(current.text, action.path, next);
      if (!edit.ok || edit.text === current.text) return drafts;
      return withDocument(drafts, action.key, { text: edit.text, served: true });
    }
  }
}
