import { CITES } from '../cite.ts';
import {
  flag,
  readDocument,
  strictSchemaOf,
  text,
  textList,
  type DocumentKind,
  type LenientDocument,
  type LenientResult,
} from './lenient.ts';

/**
 * Every field RFC 8414 §2 registers, plus the two an MCP client reads beyond it: CIMD support
 * (the Client ID Metadata Document draft) and RFC 9207's `iss` support.
 */
export const AUTH_SERVER_METADATA_FIELDS = {
  issuer: text(),
  authorization_endpoint: text(),
  token_endpoint: text(),
  jwks_uri: text(),
  registration_endpoint: text(),
  scopes_supported: textList(),
  response_types_supported: textList(),
  response_modes_supported: textList(),
  grant_types_supported: textList(),
  token_endpoint_auth_methods_supported: textList(),
  token_endpoint_auth_signing_alg_values_supported: textList(),
  service_documentation: text(),
  ui_locales_supported: textList(),
  op_policy_uri: text(),
  op_tos_uri: text(),
  revocation_endpoint: text(),
  revocation_endpoint_auth_methods_supported: textList(),
  revocation_endpoint_auth_signing_alg_values_supported: textList(),
  introspection_endpoint: text(),
  introspection_endpoint_auth_methods_supported: textList(),
  introspection_endpoint_auth_signing_alg_values_supported: textList(),
  code_challenge_methods_supported: textList(),
  signed_metadata: text(),
  client_id_metadata_document_supported: flag(),
  authorization_response_iss_parameter_supported: flag(),
  // OpenID Connect Discovery fields some MCP authorization servers serve beside RFC 8414's.
  userinfo_endpoint: text(),
  end_session_endpoint: text(),
  subject_types_supported: textList(),
  id_token_signing_alg_values_supported: textList(),
  claims_supported: textList(),
};

/** The strict shape, for tools that want to validate a whole document at once (unknown keys kept). */
export const AuthServerMetadataSchema = strictSchemaOf(AUTH_SERVER_METADATA_FIELDS);

export type AuthServerMetadata = LenientDocument<typeof AUTH_SERVER_METADATA_FIELDS>;

export const AUTH_SERVER_METADATA: DocumentKind = {
  subject: 'auth-server-metadata',
  prefix: 'as',
  name: 'authorization server metadata',
  cite: CITES.authServerMetadataFields,
};

/** Reads authorization server metadata (RFC 8414) leniently: never throws, reports wrong types. */
export function parseAuthServerMetadata(
  input: unknown,
): LenientResult<typeof AUTH_SERVER_METADATA_FIELDS> {
  return readDocument(input, AUTH_SERVER_METADATA_FIELDS, AUTH_SERVER_METADATA);
}
