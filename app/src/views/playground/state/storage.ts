import { parseJsonDocument, sanitizeScenario, type ProfileId } from '@mcp-auth-playground/core';
import {
  DEFAULT_PROFILE,
  DOCUMENT_KEYS,
  type DocumentDraft,
  type Drafts,
} from '../../../shared/drafts.ts';

// The drafts are kept exactly as typed (invalid JSON included) so a reload loses nothing. They
// hold documents and a challenge, never a token: the playground has no field for one, and
// `withoutSecrets` takes client secrets out before anything is written.

const STORAGE_KEY = 'mcp-auth-playground:drafts:v1';
/** The address hash (`#s=…`) this page last wrote: the link the stored drafts belong to. */
const ADDRESS_KEY = 'mcp-auth-playground:address:v1';

export type StoreResult = 'saved' | 'too-large' | 'unavailable';

function withClientDocument(drafts: Drafts, draft: DocumentDraft): Drafts {
  return { ...drafts, documents: { ...drafts.documents, clientMetadata: draft } };
}

/**
 * The drafts as they may be stored: client metadata holding a credential (a client_secret, a
 * private key) is stored as core's sanitized copy. Text that is not JSON yet cannot be cleaned
 * member by member; if it names a field core would strip, the copy stored before stays instead.
 */
export function withoutSecrets(drafts: Drafts, previous: () => DocumentDraft | undefined): Drafts {
  const client = drafts.documents.clientMetadata;
  const parsed = parseJsonDocument(client.text, 'client-metadata');
  if (parsed.ok) {
    const { scenario, notes } = sanitizeScenario({ clientMetadata: parsed.value });
    if (notes.length === 0) return drafts;
    const text = JSON.stringify(scenario.clientMetadata, null, 2);
    return withClientDocument(drafts, { ...client, text });
  }
  // Core keeps such text out of a scenario when it names a credential or a private key member.
  const unparsed = { unparsedDocuments: { clientMetadata: client.text } };
  if (sanitizeScenario(unparsed).notes.length === 0) return drafts;
  return withClientDocument(drafts, previous() ?? { text: '', served: client.served });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDocument(value: unknown): DocumentDraft | undefined {
  if (!isRecord(value)) return undefined;
  const { text, served } = value;
  return typeof text === 'string' && typeof served === 'boolean' ? { text, served } : undefined;
}

function readText(record: Record<string, unknown>, key: string): string {
  const value = record[key];
  return typeof value === 'string' ? value : '';
}

/** Drafts as stored by an earlier visit, or undefined when there are none or they are unreadable. */
export function parseStoredDrafts(
  raw: string | null,
  isProfile: (id: string) => id is ProfileId,
): Drafts | undefined {
  if (raw === null) return undefined;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!isRecord(stored) || !isRecord(stored.documents)) return undefined;
  const documents: Partial<Record<(typeof DOCUMENT_KEYS)[number], DocumentDraft>> = {};
  for (const key of DOCUMENT_KEYS) {
    const draft = readDocument(stored.documents[key]);
    if (!draft) return undefined;
    documents[key] = draft;
  }
  const profile =
    typeof stored.profile === 'string' && isProfile(stored.profile)
      ? stored.profile
      : DEFAULT_PROFILE;
  return {
    documents: documents as Drafts['documents'],
    wwwAuthenticate: readText(stored, 'wwwAuthenticate'),
    serverUrl: readText(stored, 'serverUrl'),
    previousScope: readText(stored, 'previousScope'),
    profile,
  };
}

export function loadStoredDrafts(isProfile: (id: string) => id is ProfileId): Drafts | undefined {
  try {
    return parseStoredDrafts(window.localStorage.getItem(STORAGE_KEY), isProfile);
  } catch {
    return undefined; // storage disabled (private mode, blocked cookies)
  }
}

/**
 * Records that the stored drafts live at `hash`. A reload of that address then restores the
 * drafts, which hold more than the link can (text that is not JSON yet, formatting); any other
 * link in the address wins over them.
 */
export function rememberAddress(hash: string): void {
  try {
    window.localStorage.setItem(ADDRESS_KEY, hash);
  } catch {
    // Without storage there are no drafts to prefer; the link alone decides.
  }
}

export function rememberedAddress(): string | undefined {
  try {
    return window.localStorage.getItem(ADDRESS_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function storeDrafts(drafts: Drafts): StoreResult {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(drafts));
    return 'saved';
  } catch (error) {
    return error instanceof DOMException && error.name === 'QuotaExceededError'
      ? 'too-large'
      : 'unavailable';
  }
}
