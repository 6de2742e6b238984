import { listIncludes, OFFLINE_ACCESS, REFRESH_TOKEN } from './offline-access.ts';
import type { DecisionDocuments } from './read-documents.ts';
import type { OFFLINE_ACCESS_RULE, PROMPT_CONSENT } from './rule-ids.ts';
import { hasAnyToken, hasToken } from '../text/scope-fast.ts';
import type { Trace } from './trace.ts';
import type { ScopeDecision } from '../types.ts';

/**
 * The offline_access step of a client that never adds it (VS Code, Spring, mcp-remote). Where
 * SEP-2207 would have added it, the step carries a deviation, because the server then issues no
 * refresh token to this client however it is configured.
 */
export function neverAddsOfflineAccess<R extends string>(
  trace: Trace<R | typeof OFFLINE_ACCESS_RULE>,
  scope: string | undefined,
  documents: DecisionDocuments,
  client: string,
): ScopeDecision['offlineAccess'] {
  if (hasToken(scope, OFFLINE_ACCESS)) {
    trace.notApplied(
      'offline-access',
      `${client} never adds offline_access itself; the scope it took from the server already has it.`,
    );
    return 'already-present';
  }
  const specWouldAdd =
    hasAnyToken(scope) &&
    listIncludes(documents.authServerScopes, OFFLINE_ACCESS) &&
    listIncludes(documents.grantTypes, REFRESH_TOKEN);
  trace.notApplied(
    'offline-access',
    `${client} never adds offline_access, whatever the authorization server lists.`,
    specWouldAdd
      ? 'SEP-2207 would append offline_access here (a scope was selected, the authorization server lists it and the client declares the refresh_token grant); without it an OpenID provider issues no refresh token.'
      : undefined,
  );
  return 'not-added';
}

/** The prompt step of a client that never sends a prompt parameter. */
export function neverSetsPrompt<R extends string>(
  trace: Trace<R | typeof PROMPT_CONSENT>,
  requestsOfflineAccess: boolean,
  client: string,
): void {
  trace.notApplied(
    'prompt-consent',
    requestsOfflineAccess
      ? `${client} never sends prompt=consent, so an OpenID provider that needs it (OpenID Connect Core §11) may ignore the offline_access it asks for.`
      : `${client} never sends a prompt parameter.`,
  );
}
