import { CITES } from '../cite.ts';
import { andMore, show } from '../text/describe.ts';
import { OFFLINE_ACCESS, REFRESH_TOKEN } from '../decision/offline-access.ts';
import { hit, NO_HITS, type FindingRule } from './rule.ts';
import { firstMatch, invalidScopeValueTokens } from './scope-values.ts';
import { isLoopbackHost, isSecureOrLoopback, parseAbsoluteUrl } from './urls.ts';

const redirectUrisMissing: FindingRule = {
  id: 'client/redirect-uris-missing',
  severity: 'error',
  subject: 'client-metadata',
  cite: CITES.clientIdMetadataDocuments,
  check: ({ client }) =>
    client && (client.redirect_uris ?? []).length === 0
      ? hit(
          'List the callback URLs of the client in `redirect_uris`, because the authorization server only redirects to a registered URI.',
          ['redirect_uris'],
        )
      : NO_HITS,
};

const redirectUriInsecure: FindingRule = {
  id: 'client/redirect-uri-insecure',
  severity: 'error',
  subject: 'client-metadata',
  cite: CITES.communicationSecurity,
  check: ({ client }) => {
    const uris = client?.redirect_uris;
    if (uris === undefined) return NO_HITS;
    const bad = firstMatch(uris, (uri) => {
      const url = parseAbsoluteUrl(uri);
      return url === undefined || !isSecureOrLoopback(url);
    });
    if (bad === undefined) return NO_HITS;
    return hit(
      `Use https redirect URIs, or http only on localhost; ${show(uris[bad.index] as string)}${andMore(bad.count)} is neither, and MCP requires one of the two.`,
      ['redirect_uris', bad.index],
    );
  },
};

const refreshTokenGrantMissing: FindingRule = {
  id: 'client/refresh-token-grant-missing',
  severity: 'warning',
  subject: 'client-metadata',
  cite: CITES.refreshTokens,
  check: ({ client, authServer }) => {
    if (!client || !(authServer?.scopes_supported ?? []).includes(OFFLINE_ACCESS)) return NO_HITS;
    const grants = client.grant_types;
    if (grants?.includes(REFRESH_TOKEN)) return NO_HITS;
    return hit(
      'Add "refresh_token" to `grant_types` (next to "authorization_code"), because the authorization server offers offline_access but a client without that grant does not request it and gets no refresh token.',
      ['grant_types'],
    );
  },
};

const applicationTypeMissing: FindingRule = {
  id: 'client/application-type-missing',
  severity: 'error',
  subject: 'client-metadata',
  cite: CITES.applicationType,
  // A document with a client_id is a Client ID Metadata Document; without one it is a
  // registration request, where 2026-07-28 requires application_type.
  check: ({ client }) =>
    client && client.client_id === undefined && client.application_type === undefined
      ? hit(
          'Add `application_type` ("native" for a client on localhost or the desktop, "web" for one served from a remote host), because MCP requires it when registering dynamically.',
          ['application_type'],
        )
      : NO_HITS,
};

const applicationTypeMismatch: FindingRule = {
  id: 'client/application-type-mismatch',
  severity: 'warning',
  subject: 'client-metadata',
  cite: CITES.applicationType,
  check: ({ client }) => {
    const uris = client?.redirect_uris ?? [];
    if (client?.application_type !== 'web' || uris.length === 0) return NO_HITS;
    const allLoopback = uris.every((uri) => {
      const url = parseAbsoluteUrl(uri);
      return url !== undefined && isLoopbackHost(url.hostname);
    });
    return allLoopback
      ? hit(
          'Set `application_type` to "native", because every redirect URI is on localhost and OpenID providers reject localhost redirects for web clients.',
          ['application_type'],
        )
      : NO_HITS;
  },
};

const invalidScopeToken: FindingRule = {
  id: 'client/invalid-scope-token',
  severity: 'error',
  subject: 'client-metadata',
  cite: CITES.scopeSyntax,
  check: ({ client }) => invalidScopeValueTokens('scope', client?.scope, ['scope']),
};

const clientIdNotHttpsUrl: FindingRule = {
  id: 'cimd/client-id-not-https-url',
  severity: 'error',
  subject: 'client-metadata',
  cite: CITES.clientIdMetadataDocuments,
  check: ({ client }) => {
    const clientId = client?.client_id;
    if (clientId === undefined) return NO_HITS;
    const url = parseAbsoluteUrl(clientId);
    if (url !== undefined && url.protocol === 'https:' && url.pathname !== '/') return NO_HITS;
    return hit(
      `Make \`client_id\` the https URL, with a path, where this document is served (for example https://app.example.com/oauth/client.json) instead of ${show(clientId)}.`,
      ['client_id'],
    );
  },
};

const clientNameMissing: FindingRule = {
  id: 'cimd/client-name-missing',
  severity: 'error',
  subject: 'client-metadata',
  cite: CITES.clientIdMetadataDocuments,
  check: ({ client }) =>
    client && client.client_id !== undefined && client.client_name === undefined
      ? hit(
          'Add `client_name`, which a Client ID Metadata Document must carry so the consent page can name the client.',
          ['client_name'],
        )
      : NO_HITS,
};

export const CLIENT_METADATA_RULES: readonly FindingRule[] = [
  redirectUrisMissing,
  redirectUriInsecure,
  refreshTokenGrantMissing,
  applicationTypeMissing,
  applicationTypeMismatch,
  invalidScopeToken,
  clientIdNotHttpsUrl,
  clientNameMissing,
];
