import { parseJsonDocument } from '../schemas/json-document.ts';
import type { DocumentField, DocumentSubject, Scenario, UnparsedDocument } from '../types.ts';

const FIELDS: readonly { field: DocumentField; subject: DocumentSubject }[] = [
  { field: 'resourceMetadata', subject: 'resource-metadata' },
  { field: 'authServerMetadata', subject: 'auth-server-metadata' },
  { field: 'clientMetadata', subject: 'client-metadata' },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The documents a scenario serves as text that is not JSON. A document that also has a value is
 * read as that value, and text that does parse was never broken: neither is listed. Total.
 */
export function readUnparsedDocuments(scenario: Scenario): UnparsedDocument[] {
  const texts: unknown = scenario.unparsedDocuments;
  if (!isRecord(texts)) return [];
  const unparsed: UnparsedDocument[] = [];
  for (const { field, subject } of FIELDS) {
    const text = Object.hasOwn(texts, field) ? texts[field] : undefined;
    if (typeof text !== 'string' || scenario[field] !== undefined) continue;
    const result = parseJsonDocument(text, subject);
    if (result.ok) continue;
    const document: UnparsedDocument = { field, subject, finding: result.finding };
    if (result.at !== undefined) document.at = result.at;
    unparsed.push(document);
  }
  return unparsed;
}

/** Whether the scenario serves this document, parsed or not. */
export function isServed(
  scenario: Scenario,
  field: DocumentField,
  unparsed: readonly UnparsedDocument[],
) {
  return scenario[field] !== undefined || unparsed.some((document) => document.field === field);
}
