import { CITES } from '../cite.ts';
import { parseAuthServerMetadata } from '../schemas/auth-server-metadata.ts';
import type { Finding } from '../types.ts';
import { show } from '../text/describe.ts';
import { hit, NO_HITS, runRules, type FindingRule } from './rule.ts';
import { invalidScopeListEntries } from './scope-values.ts';
import { isSecureOrLoopback, parseAbsoluteUrl } from './urls.ts';

const NOT_FOUND_MESSAGE =
  'Serve authorization server metadata at the issuer’s well-known URL, because a client cannot find your endpoints or PKCE support without it.';

const notFound: FindingRule = {
  id: 'as/not-found',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authServerDiscovery,
  check: ({ missing }) => (missing?.authServer ? hit(NOT_FOUND_MESSAGE) : NO_HITS),
};

const authorizationEndpointMissing: FindingRule = {
  id: 'as/authorization-endpoint-missing',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authServerMetadataFields,
  check: ({ authServer }) =>
    authServer && authServer.authorization_endpoint === undefined
      ? hit(
          'Serve `authorization_endpoint` as the https URL of your authorization endpoint, because a client cannot start an authorization request without it.',
          ['authorization_endpoint'],
        )
      : NO_HITS,
};

const authorizationEndpointInsecure: FindingRule = {
  id: 'as/authorization-endpoint-insecure',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.communicationSecurity,
  check: ({ authServer }) => {
    const endpoint = authServer?.authorization_endpoint;
    if (endpoint === undefined) return NO_HITS;
    const url = parseAbsoluteUrl(endpoint);
    if (url === undefined) {
      return hit(
        'Set `authorization_endpoint` to an absolute https URL; the value served is not a URL a client can open.',
        ['authorization_endpoint'],
      );
    }
    if (isSecureOrLoopback(url)) return NO_HITS;
    return hit(
      `Serve \`authorization_endpoint\` over https (plain http is allowed only on localhost), not with the \`${url.protocol}\` scheme.`,
      ['authorization_endpoint'],
    );
  },
};

const codeResponseTypeMissing: FindingRule = {
  id: 'as/code-response-type-missing',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authServerMetadataFields,
  check: ({ authServer }) => {
    if (!authServer) return NO_HITS;
    const types = authServer.response_types_supported;
    if (types === undefined) {
      return hit(
        'Add `response_types_supported: ["code"]`, because the field is required and MCP clients use the authorization code flow.',
        ['response_types_supported'],
      );
    }
    return types.includes('code')
      ? NO_HITS
      : hit(
          'Add `"code"` to `response_types_supported`, because MCP clients only use the authorization code flow and refuse a server without it.',
          ['response_types_supported'],
        );
  },
};

const pkceNotAdvertised: FindingRule = {
  id: 'as/pkce-not-advertised',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authorizationCodeProtection,
  check: ({ authServer }) =>
    authServer && authServer.code_challenge_methods_supported === undefined
      ? hit(
          'Add `code_challenge_methods_supported: ["S256"]`, because an MCP client must refuse to proceed when this field is absent.',
          ['code_challenge_methods_supported'],
        )
      : NO_HITS,
};

const s256NotSupported: FindingRule = {
  id: 'as/s256-not-supported',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authorizationCodeProtection,
  check: ({ authServer }) => {
    const methods = authServer?.code_challenge_methods_supported;
    return methods === undefined || methods.includes('S256')
      ? NO_HITS
      : hit(
          'Add `"S256"` to `code_challenge_methods_supported`, because MCP clients must use the S256 PKCE method.',
          ['code_challenge_methods_supported'],
        );
  },
};

/** The rules whose failure stops a client from sending an authorization request at all. */
export const AUTH_SERVER_REQUEST_RULES: readonly FindingRule[] = [
  authorizationEndpointMissing,
  authorizationEndpointInsecure,
  codeResponseTypeMissing,
  pkceNotAdvertised,
  s256NotSupported,
];

/**
 * The findings that block an authorization request against this authorization server metadata;
 * an empty list means a spec-following client may build the request. Total on any input.
 */
export function authServerRequestFindings(metadata: unknown): Finding[] {
  const findings: Finding[] = [];
  if (metadata === undefined) {
    runRules(
      [notFound],
      { missing: { resource: false, authServer: true, client: false } },
      findings,
    );
    return findings;
  }
  const parsed = parseAuthServerMetadata(metadata);
  if (!parsed.isObject) return [...parsed.findings];
  runRules(AUTH_SERVER_REQUEST_RULES, { authServer: parsed.document }, findings);
  return findings;
}

const issuerMissing: FindingRule = {
  id: 'as/issuer-missing',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authServerMetadataFields,
  check: ({ authServer }) =>
    authServer && authServer.issuer === undefined
      ? hit(
          'Add `issuer` with your issuer URL, because clients must check it against the URL they discovered the metadata from.',
          ['issuer'],
        )
      : NO_HITS,
};

const issuerMismatch: FindingRule = {
  id: 'as/issuer-mismatch',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authServerDiscovery,
  check: ({ authServer, resource }) => {
    const issuer = authServer?.issuer;
    const listed = resource?.authorization_servers;
    if (issuer === undefined || listed === undefined || listed.length === 0) return NO_HITS;
    if (listed.includes(issuer)) return NO_HITS;
    return hit(
      `Make \`issuer\` exactly ${listed.length === 1 ? show(listed[0] as string) : 'one of the PRM’s `authorization_servers`'} (it is ${show(issuer)}), because a client must not use metadata whose issuer differs from the issuer it discovered, even by a trailing slash.`,
      ['issuer'],
    );
  },
};

const tokenEndpointMissing: FindingRule = {
  id: 'as/token-endpoint-missing',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.authServerMetadataFields,
  check: ({ authServer }) =>
    authServer && authServer.token_endpoint === undefined
      ? hit(
          'Add `token_endpoint` with the https URL of your token endpoint, because clients exchange the authorization code there.',
          ['token_endpoint'],
        )
      : NO_HITS,
};

const tokenEndpointInsecure: FindingRule = {
  id: 'as/token-endpoint-insecure',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.communicationSecurity,
  check: ({ authServer }) => {
    const endpoint = authServer?.token_endpoint;
    if (endpoint === undefined) return NO_HITS;
    const url = parseAbsoluteUrl(endpoint);
    return url !== undefined && isSecureOrLoopback(url)
      ? NO_HITS
      : hit(
          'Serve `token_endpoint` at an absolute https URL (plain http only on localhost), because codes and tokens travel through it.',
          ['token_endpoint'],
        );
  },
};

const cimdNotSupported: FindingRule = {
  id: 'as/cimd-not-supported',
  severity: 'warning',
  subject: 'auth-server-metadata',
  cite: CITES.clientIdMetadataDocuments,
  check: ({ authServer }) =>
    authServer && authServer.client_id_metadata_document_supported !== true
      ? hit(
          authServer.registration_endpoint === undefined
            ? 'Set `client_id_metadata_document_supported: true` and accept Client ID Metadata Documents, because without it or a `registration_endpoint` every MCP client must be registered by hand.'
            : 'Set `client_id_metadata_document_supported: true` and accept Client ID Metadata Documents, which MCP prefers to the deprecated dynamic registration.',
          ['client_id_metadata_document_supported'],
        )
      : NO_HITS,
};

const invalidScopeToken: FindingRule = {
  id: 'as/invalid-scope-token',
  severity: 'error',
  subject: 'auth-server-metadata',
  cite: CITES.scopeSyntax,
  check: ({ authServer }) =>
    invalidScopeListEntries('scopes_supported', authServer?.scopes_supported),
};

/** Every rule about authorization server metadata, the request-blocking ones included. */
export const AUTH_SERVER_RULES: readonly FindingRule[] = [
  notFound,
  issuerMissing,
  issuerMismatch,
  ...AUTH_SERVER_REQUEST_RULES,
  tokenEndpointMissing,
  tokenEndpointInsecure,
  cimdNotSupported,
  invalidScopeToken,
];
