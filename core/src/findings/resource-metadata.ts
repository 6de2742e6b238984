import { CITES } from '../cite.ts';
import { andMore, show } from '../text/describe.ts';
import { OFFLINE_ACCESS } from '../decision/offline-access.ts';
import { indexOfEntry } from '../text/scope-fast.ts';
import { canonicalResourceUri } from '../protocol/resource-uri.ts';
import { hit, NO_HITS, type FindingRule } from './rule.ts';
import { firstMatch, invalidScopeListEntries } from './scope-values.ts';
import { isSecureOrLoopback, parseAbsoluteUrl } from './urls.ts';

const notFound: FindingRule = {
  id: 'prm/not-found',
  severity: 'error',
  subject: 'resource-metadata',
  cite: CITES.authServerLocation,
  check: ({ missing }) =>
    missing?.resource
      ? hit(
          'Serve protected resource metadata (RFC 9728) at /.well-known/oauth-protected-resource for your MCP endpoint, because MCP clients find the authorization server only through it.',
        )
      : NO_HITS,
};

const resourceMissing: FindingRule = {
  id: 'prm/resource-missing',
  severity: 'error',
  subject: 'resource-metadata',
  cite: CITES.protectedResourceMetadataFields,
  check: ({ resource, canonicalServerUri }) =>
    resource && resource.resource === undefined
      ? hit(
          `Add \`resource\`${canonicalServerUri ? ` with the value ${show(canonicalServerUri)}` : ' with the canonical URI of your MCP server'}, because RFC 9728 requires it and clients check it.`,
          ['resource'],
        )
      : NO_HITS,
};

const resourceMismatch: FindingRule = {
  id: 'prm/resource-mismatch',
  severity: 'error',
  subject: 'resource-metadata',
  cite: CITES.protectedResourceMetadataValidation,
  check: ({ resource, canonicalServerUri }) => {
    const value = resource?.resource;
    if (value === undefined || canonicalServerUri === undefined) return NO_HITS;
    const canonical = canonicalResourceUri(value);
    if (canonical.ok && canonical.value === canonicalServerUri) return NO_HITS;
    return hit(
      `Set \`resource\` to ${show(canonicalServerUri)}, the canonical URI of this MCP server, instead of ${show(value)}, because clients reject metadata that describes another resource.`,
      ['resource'],
    );
  },
};

const missingAuthorizationServers: FindingRule = {
  id: 'prm/missing-authorization-servers',
  severity: 'error',
  subject: 'resource-metadata',
  cite: CITES.authServerLocation,
  check: ({ resource }) =>
    resource && (resource.authorization_servers ?? []).length === 0
      ? hit(
          'List at least one authorization server issuer URL in `authorization_servers`, because MCP clients cannot find where to authorize without it.',
          ['authorization_servers'],
        )
      : NO_HITS,
};

const authorizationServerInsecure: FindingRule = {
  id: 'prm/authorization-server-insecure',
  severity: 'error',
  subject: 'resource-metadata',
  cite: CITES.communicationSecurity,
  check: ({ resource }) => {
    const servers = resource?.authorization_servers;
    if (servers === undefined) return NO_HITS;
    const bad = firstMatch(servers, (issuer) => {
      const url = parseAbsoluteUrl(issuer);
      return url === undefined || !isSecureOrLoopback(url);
    });
    if (bad === undefined) return NO_HITS;
    return hit(
      `Give each entry of \`authorization_servers\` as an https issuer URL (http only on localhost); ${show(servers[bad.index] as string)}${andMore(bad.count)} is not one.`,
      ['authorization_servers', bad.index],
    );
  },
};

const scopesSupportedMissing: FindingRule = {
  id: 'prm/scopes-supported-missing',
  severity: 'warning',
  subject: 'resource-metadata',
  cite: CITES.scopeSelection,
  check: ({ resource }) =>
    resource && resource.scopes_supported === undefined
      ? hit(
          'Add `scopes_supported` with the minimal scopes for basic use, because without it spec clients send no scope and some SDKs ask for every scope the authorization server lists.',
          ['scopes_supported'],
        )
      : NO_HITS,
};

const offlineAccessInScopesSupported: FindingRule = {
  id: 'prm/offline-access-in-scopes-supported',
  severity: 'warning',
  subject: 'resource-metadata',
  cite: CITES.refreshTokens,
  check: ({ resource }) => {
    const listed = resource?.scopes_supported;
    const index = listed === undefined ? -1 : indexOfEntry(listed, OFFLINE_ACCESS);
    return index < 0
      ? NO_HITS
      : hit(
          'Remove offline_access from `scopes_supported`, because refresh tokens are not a resource requirement: clients add it themselves when the authorization server offers it.',
          ['scopes_supported', index],
        );
  },
};

const invalidScopeToken: FindingRule = {
  id: 'prm/invalid-scope-token',
  severity: 'error',
  subject: 'resource-metadata',
  cite: CITES.scopeSyntax,
  check: ({ resource }) => invalidScopeListEntries('scopes_supported', resource?.scopes_supported),
};

const bearerHeaderNotSupported: FindingRule = {
  id: 'prm/bearer-header-not-supported',
  severity: 'error',
  subject: 'resource-metadata',
  cite: CITES.tokenRequirements,
  check: ({ resource }) => {
    const methods = resource?.bearer_methods_supported;
    return methods === undefined || methods.includes('header')
      ? NO_HITS
      : hit(
          'Add "header" to `bearer_methods_supported`, because MCP clients send access tokens only in the Authorization header.',
          ['bearer_methods_supported'],
        );
  },
};

export const RESOURCE_METADATA_RULES: readonly FindingRule[] = [
  notFound,
  resourceMissing,
  resourceMismatch,
  missingAuthorizationServers,
  authorizationServerInsecure,
  scopesSupportedMissing,
  offlineAccessInScopesSupported,
  invalidScopeToken,
  bearerHeaderNotSupported,
];
