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

/** Every field RFC 9728 §2 registers for OAuth 2.0 Protected Resource Metadata. */
export const RESOURCE_METADATA_FIELDS = {
  resource: text(),
  authorization_servers: textList(),
  jwks_uri: text(),
  scopes_supported: textList(),
  bearer_methods_supported: textList(),
  resource_signing_alg_values_supported: textList(),
  resource_name: text(),
  resource_documentation: text(),
  resource_policy_uri: text(),
  resource_tos_uri: text(),
  tls_client_certificate_bound_access_tokens: flag(),
  authorization_details_types_supported: textList(),
  dpop_signing_alg_values_supported: textList(),
  dpop_bound_access_tokens_required: flag(),
  signed_metadata: text(),
};

/** The strict shape, for tools that validate a whole document at once (unknown keys kept). */
export const ResourceMetadataSchema = strictSchemaOf(RESOURCE_METADATA_FIELDS);

export type ResourceMetadata = LenientDocument<typeof RESOURCE_METADATA_FIELDS>;

export const RESOURCE_METADATA: DocumentKind = {
  subject: 'resource-metadata',
  prefix: 'prm',
  name: 'protected resource metadata',
  cite: CITES.protectedResourceMetadataFields,
};

/** Reads Protected Resource Metadata (RFC 9728) leniently: never throws, reports wrong types. */
export function parseResourceMetadata(
  input: unknown,
): LenientResult<typeof RESOURCE_METADATA_FIELDS> {
  return readDocument(input, RESOURCE_METADATA_FIELDS, RESOURCE_METADATA);
}
