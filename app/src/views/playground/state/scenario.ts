import {
  parseJsonDocument,
  type DocumentSubject,
  type Finding,
  type Scenario,
} from '@mcp-auth-playground/core';
import {
  DEFAULT_PROFILE,
  DOCUMENT_KEYS,
  type DocumentDraft,
  type DocumentKey,
  type Drafts,
} from '../../../shared/drafts.ts';

export const DOCUMENT_SUBJECT: Readonly<Record<DocumentKey, DocumentSubject>> = {
  resourceMetadata: 'resource-metadata',
  authServerMetadata: 'auth-server-metadata',
  clientMetadata: 'client-metadata',
};

/** One document draft read as the client would: its value, or undefined and why. */
export interface ParsedDocument {
  value: unknown;
  findings: Finding[];
}

const NOT_SERVED: ParsedDocument = { value: undefined, findings: [] };

export function parseDraft(key: DocumentKey, draft: DocumentDraft): ParsedDocument {
  if (!draft.served) return NOT_SERVED;
  const result = parseJsonDocument(draft.text, DOCUMENT_SUBJECT[key]);
  return result.ok
    ? { value: result.value, findings: [] }
    : { value: undefined, findings: [result.finding] };
}

function optional(text: string): string | undefined {
  return text.trim() === '' ? undefined : text;
}

/** The Scenario the drafts describe, given each document already parsed. */
export function scenarioOf(
  drafts: Drafts,
  parsed: Readonly<Record<DocumentKey, ParsedDocument>>,
): Scenario {
  const scenario: Scenario = { profile: drafts.profile };
  const serverUrl = optional(drafts.serverUrl);
  const wwwAuthenticate = optional(drafts.wwwAuthenticate);
  const previousScope = optional(drafts.previousScope);
  if (serverUrl !== undefined) scenario.serverUrl = serverUrl;
  if (wwwAuthenticate !== undefined) scenario.wwwAuthenticate = wwwAuthenticate;
  if (previousScope !== undefined) scenario.previousScope = previousScope;
  for (const key of DOCUMENT_KEYS) {
    const { value } = parsed[key];
    if (value !== undefined) scenario[key] = value;
    // A served document that is not JSON travels as its text, so a link loses nothing typed.
    else if (drafts.documents[key].served) {
      scenario.unparsedDocuments = {
        ...scenario.unparsedDocuments,
        [key]: drafts.documents[key].text,
      };
    }
  }
  return scenario;
}

function documentDraft(value: unknown, text: string | undefined): DocumentDraft {
  if (value !== undefined) return { text: JSON.stringify(value, null, 2), served: true };
  return text === undefined ? { text: '', served: false } : { text, served: true };
}

/**
 * Drafts that show a scenario (a preset, a permalink): documents as 2-space JSON, and a document
 * that was not JSON as the text it was.
 */
export function draftsOf(scenario: Scenario): Drafts {
  return {
    documents: {
      resourceMetadata: documentDraft(
        scenario.resourceMetadata,
        scenario.unparsedDocuments?.resourceMetadata,
      ),
      authServerMetadata: documentDraft(
        scenario.authServerMetadata,
        scenario.unparsedDocuments?.authServerMetadata,
      ),
      clientMetadata: documentDraft(
        scenario.clientMetadata,
        scenario.unparsedDocuments?.clientMetadata,
      ),
    },
    wwwAuthenticate: scenario.wwwAuthenticate ?? '',
    serverUrl: scenario.serverUrl ?? '',
    previousScope: scenario.previousScope ?? '',
    profile: scenario.profile ?? DEFAULT_PROFILE,
  };
}
