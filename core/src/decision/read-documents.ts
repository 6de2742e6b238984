import { AUTH_SERVER_METADATA_FIELDS } from '../schemas/auth-server-metadata.ts';
import { CLIENT_METADATA_FIELDS } from '../schemas/client-metadata.ts';
import {
  invalidFields,
  isJsonObject,
  matchesSchema,
  ownField,
  type FieldSpec,
} from '../schemas/lenient.ts';
import { RESOURCE_METADATA_FIELDS } from '../schemas/resource-metadata.ts';
import type { ScopeInput } from '../types.ts';
import { shared } from '../text/shared-work.ts';

/**
 * One field a decision reads, as the client would see it. `no-document` and `absent` differ
 * because clients treat them differently (Python checks the document and the field for None);
 * a field of the wrong type is `invalid`, which every profile ignores like an absent field (the
 * lint reports it).
 */
export type FieldRead<T> =
  | { state: 'no-document' }
  | { state: 'absent' }
  | { state: 'invalid' }
  | { state: 'present'; value: T };

/** The few fields a scope decision depends on, read leniently from the raw documents. */
export interface DecisionDocuments {
  resourceScopes: FieldRead<string[]>;
  authServerScopes: FieldRead<string[]>;
  authorizationEndpoint: FieldRead<string>;
  clientScope: FieldRead<string>;
  grantTypes: FieldRead<string[]>;
}

function readField<T>(document: unknown, key: string, spec: FieldSpec<T>): FieldRead<T> {
  if (!isJsonObject(document)) return { state: 'no-document' };
  const value = ownField(document, key);
  if (value === undefined) {
    // A document core already read leniently has dropped wrong-typed fields but remembers them.
    return invalidFields(document)?.has(key) ? { state: 'invalid' } : { state: 'absent' };
  }
  if (matchesSchema(value, spec)) return { state: 'present', value: value as T };
  // An array keeps its good entries, as the lenient document reader does.
  const element = spec.element;
  if (element !== undefined && Array.isArray(value)) {
    const kept = shared(element.schema, value as unknown[], (entries): unknown[] =>
      entries.filter((entry) => element.schema.safeParse(entry).success),
    );
    return { state: 'present', value: kept as T };
  }
  return { state: 'invalid' };
}

/** Reads only the fields a decision needs, so a decision costs little even for a huge document. */
export function readDecisionDocuments(input: ScopeInput): DecisionDocuments {
  return shared('decision-documents', input, readAll);
}

function readAll(input: ScopeInput): DecisionDocuments {
  return {
    resourceScopes: readField(
      input.resourceMetadata,
      'scopes_supported',
      RESOURCE_METADATA_FIELDS.scopes_supported,
    ),
    authServerScopes: readField(
      input.authServerMetadata,
      'scopes_supported',
      AUTH_SERVER_METADATA_FIELDS.scopes_supported,
    ),
    authorizationEndpoint: readField(
      input.authServerMetadata,
      'authorization_endpoint',
      AUTH_SERVER_METADATA_FIELDS.authorization_endpoint,
    ),
    clientScope: readField(input.clientMetadata, 'scope', CLIENT_METADATA_FIELDS.scope),
    grantTypes: readField(input.clientMetadata, 'grant_types', CLIENT_METADATA_FIELDS.grant_types),
  };
}

/** The value when present, else undefined: how most clients see an absent or unusable field. */
export function valueOf<T>(read: FieldRead<T>): T | undefined {
  return read.state === 'present' ? read.value : undefined;
}

/** Why a field gave no value, in words for a step's detail. */
export function whyMissing(read: FieldRead<unknown>, field: string, document: string): string {
  if (read.state === 'no-document') return `there is no ${document}`;
  if (read.state === 'invalid')
    return `\`${field}\` in the ${document} has the wrong type and is ignored`;
  return `the ${document} has no \`${field}\``;
}
