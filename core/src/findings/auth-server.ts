import { CITES } from '../cite.ts';
import { parseAuthServerMetadata } from '../schemas/auth-server-metadata.ts';
import type { Finding } from '../types.ts';
import { hit, NO_HITS, runRules, type FindingRule } from './rule.ts';
import { isSecureOrLoopback, parseAbsoluteUrl } from './urls.ts';

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
  if (metadata === undefined) {
    return [
      {
        id: 'as/not-found',
        severity: 'error',
        subject: 'auth-server-metadata',
        message:
          'Serve authorization server metadata at the issuer’s well-known URL, because a client cannot find your endpoints or PKCE support without it.',
        cite: CITES.authServerDiscovery,
      },
    ];
  }
  const parsed = parseAuthServerMetadata(metadata);
  if (!parsed.isObject) return parsed.findings;
  const findings: Finding[] = [];
  runRules(AUTH_SERVER_REQUEST_RULES, { authServer: parsed.document }, findings);
  return findings;
}
