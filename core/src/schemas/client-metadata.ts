import { CITES } from '../cite.ts';
import {
  jsonObject,
  readDocument,
  strictSchemaOf,
  text,
  textList,
  type DocumentKind,
  type LenientDocument,
  type LenientResult,
} from './lenient.ts';

/**
 * Every client metadata field RFC 7591 §2 registers, plus OpenID Connect's `application_type`
 * (required in MCP 2026-07-28 Dynamic Client Registration) and the `client_id` a Client ID
 * Metadata Document carries.
 */
export const CLIENT_METADATA_FIELDS = {
  redirect_uris: textList(),
  token_endpoint_auth_method: text(),
  grant_types: textList(),
  response_types: textList(),
  client_name: text(),
  client_uri: text(),
  logo_uri: text(),
  scope: text(),
  contacts: textList(),
  tos_uri: text(),
  policy_uri: text(),
  jwks_uri: text(),
  jwks: jsonObject(),
  software_id: text(),
  software_version: text(),
  software_statement: text(),
  application_type: text(),
  client_id: text(),
};

/** The strict shape, for tools that validate a whole document at once (unknown keys kept). */
export const ClientMetadataSchema = strictSchemaOf(CLIENT_METADATA_FIELDS);

export type ClientMetadata = LenientDocument<typeof CLIENT_METADATA_FIELDS>;

export const CLIENT_METADATA: DocumentKind = {
  subject: 'client-metadata',
  prefix: 'client',
  name: 'client metadata',
  cite: CITES.clientMetadata,
};

/** Reads client metadata (RFC 7591, or a Client ID Metadata Document) leniently. */
export function parseClientMetadata(input: unknown): LenientResult<typeof CLIENT_METADATA_FIELDS> {
  return readDocument(input, CLIENT_METADATA_FIELDS, CLIENT_METADATA);
}
