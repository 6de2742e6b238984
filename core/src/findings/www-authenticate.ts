import { CITES } from '../cite.ts';
import { show } from '../text/describe.ts';
import { OFFLINE_ACCESS } from '../decision/offline-access.ts';
import { hasAnyToken, hasToken } from '../text/scope-fast.ts';
import { hit, NO_HITS, type FindingRule } from './rule.ts';
import { invalidScopeValueTokens } from './scope-values.ts';
import { isSecureOrLoopback, parseAbsoluteUrl } from './urls.ts';

const noBearerChallenge: FindingRule = {
  id: 'www-authenticate/no-bearer-challenge',
  severity: 'error',
  subject: 'www-authenticate',
  cite: CITES.bearerChallenge,
  check: ({ wwwAuthenticate, challenge }) =>
    wwwAuthenticate !== undefined && challenge === undefined
      ? hit(
          'Send a Bearer challenge such as `Bearer resource_metadata="https://…", scope="…"`, because MCP clients read only the Bearer scheme.',
        )
      : NO_HITS,
};

const scopeMissing: FindingRule = {
  id: 'www-authenticate/scope-missing',
  severity: 'warning',
  subject: 'www-authenticate',
  cite: CITES.scopeSelection,
  check: ({ challenge }) => {
    if (challenge === undefined || challenge.params.scope !== undefined) return NO_HITS;
    return hit(
      challenge.params.error === 'insufficient_scope'
        ? 'Add a `scope` parameter with the scopes this operation needs, because a client cannot step up to scopes it is not told about.'
        : 'Add a `scope` parameter with the scopes this request needs, so clients request exactly those instead of guessing from `scopes_supported`.',
      ['scope'],
    );
  },
};

const emptyScope: FindingRule = {
  id: 'www-authenticate/empty-scope',
  severity: 'info',
  subject: 'www-authenticate',
  cite: CITES.scopeSelection,
  check: ({ challenge }) => {
    const scope = challenge?.params.scope;
    return scope !== undefined && !hasAnyToken(scope)
      ? hit(
          'Put the needed scopes in `scope` or leave the parameter out, because clients disagree about an empty scope: the spec falls through to `scopes_supported`, the Python SDK requests nothing from it.',
          ['scope'],
        )
      : NO_HITS;
  },
};

const offlineAccessInScope: FindingRule = {
  id: 'www-authenticate/offline-access-in-scope',
  severity: 'warning',
  subject: 'www-authenticate',
  cite: CITES.refreshTokens,
  check: ({ challenge }) =>
    hasToken(challenge?.params.scope, OFFLINE_ACCESS)
      ? hit(
          'Remove offline_access from the challenge’s `scope`, because refresh tokens are not a resource requirement: clients add it themselves when the authorization server offers it.',
          ['scope'],
        )
      : NO_HITS,
};

const invalidScopeToken: FindingRule = {
  id: 'www-authenticate/invalid-scope-token',
  severity: 'error',
  subject: 'www-authenticate',
  cite: CITES.scopeSyntax,
  check: ({ challenge }) => invalidScopeValueTokens('scope', challenge?.params.scope, ['scope']),
};

const resourceMetadataMissing: FindingRule = {
  id: 'www-authenticate/resource-metadata-missing',
  severity: 'info',
  subject: 'www-authenticate',
  cite: CITES.prmChallenge,
  check: ({ challenge }) =>
    challenge !== undefined && challenge.params.resource_metadata === undefined
      ? hit(
          'Add `resource_metadata` with the URL of your protected resource metadata, so clients find it without probing well-known URLs.',
          ['resource_metadata'],
        )
      : NO_HITS,
};

const resourceMetadataInsecure: FindingRule = {
  id: 'www-authenticate/resource-metadata-insecure',
  severity: 'error',
  subject: 'www-authenticate',
  cite: CITES.prmChallenge,
  check: ({ challenge }) => {
    const value = challenge?.params.resource_metadata;
    if (value === undefined) return NO_HITS;
    const url = parseAbsoluteUrl(value);
    return url !== undefined && isSecureOrLoopback(url)
      ? NO_HITS
      : hit(
          `Make \`resource_metadata\` an absolute https URL (http only on localhost) instead of ${show(value)}, or clients ignore it.`,
          ['resource_metadata'],
        );
  },
};

export const WWW_AUTHENTICATE_RULES: readonly FindingRule[] = [
  noBearerChallenge,
  scopeMissing,
  emptyScope,
  offlineAccessInScope,
  invalidScopeToken,
  resourceMetadataMissing,
  resourceMetadataInsecure,
];
