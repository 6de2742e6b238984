// Over 150 lines because a registration that keeps its first scopes across 401s and a step-up
// manager that adds to it are two state machines, modelled with the trace words for each branch.
import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('403 insufficient_scope with a scope? Add what the registration lacks'),
  kit.tierNode(kit.REGISTERED_SCOPES, 'Already registered? Reuse the registered scopes'),
  kit.tierNode(kit.CLIENT_SCOPE, 'Registration request has a scope? Use it'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Challenge scope has text? Use it'),
  kit.tierNode(kit.RESOURCE_SCOPES, 'PRM scopes_supported non-empty? Use them'),
  kit.omitNode('Otherwise no scope'),
  kit.offlineAccessNode('Never adds offline_access'),
  kit.promptNode('Never sets prompt'),
] as const satisfies readonly kit.RuleNode[];

const CLIENT = 'Spring AI mcp-security';

/** Spring's `StringUtils.hasText`: at least one character that is not whitespace. */
function hasText(value: string | undefined): value is string {
  return value !== undefined && /\S/.test(value);
}

/**
 * The registered scope set: Java's `split(" ")` (single spaces; empty pieces between two spaces
 * stay, trailing ones go) into an insertion-ordered set, as `ClientRegistration` keeps it.
 */
function registeredSet(scope: string): string[] {
  const pieces = scope.split(' ');
  while (pieces.length > 0 && pieces[pieces.length - 1] === '') pieces.pop();
  return kit.uniqueTokens(pieces);
}

/** Whether no entry is empty or holds a space: then the joined list splits on spaces back into it. */
function splitsBackIntoEntries(entries: readonly string[]): boolean {
  // Scope tokens are neither; a long list was checked for scope tokens once already.
  if (kit.entriesNotScopeTokens(entries) === undefined) return true;
  return entries.every((entry) => entry !== '' && !entry.includes(' '));
}

/**
 * `registeredSet(chosen).join(' ')`. When `chosen` is a joined list whose entries are neither
 * empty nor hold a space, splitting it on spaces gives the entries back, so the list's shared
 * de-duplication and join answer without splitting a 1 MB string again.
 */
function registeredScope(chosen: string, entries: readonly string[] | undefined): string {
  if (entries !== undefined && splitsBackIntoEntries(entries)) {
    return kit.joinScope({ entries: kit.distinctEntries(entries) });
  }
  return kit.joinScope({ entries: registeredSet(chosen) });
}

/**
 * spring-ai-community/mcp-security 0.1.10. `DefaultMcpOAuth2ClientManager.updateScopes` fills
 * the dynamic registration's scope from the configured request, else the challenge, else the
 * PRM's `scopes_supported`, once: a client already registered is reused on a later 401 with
 * its registered scopes. `ScopeStepUpMcpOAuth2ClientManager.updateMcpClient` handles a 403
 * insufficient_scope that names scopes by adding the missing ones to the registration.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const registered = input.previousScope;
  let chosen: string | undefined;
  let source: kit.ScopeSource;
  /** The list `chosen` was joined from, when it was. */
  let entries: readonly string[] | undefined;

  if (input.challengeError === 'insufficient_scope') {
    const existing = registeredSet(registered ?? '');
    if (!hasText(input.challengeScope)) {
      chosen = registered;
      source = 'client-metadata';
      trace.notApplied(
        'step-up',
        'The server answered insufficient_scope without a scope, so Spring does not update the registration or re-authorize; the registered scopes stay as they are.',
        "The spec's step-up re-authorizes with the previous scope; Spring gives up on the request.",
      );
    } else {
      const wanted = input.challengeScope.split(' ');
      while (wanted.length > 0 && wanted[wanted.length - 1] === '') wanted.pop();
      const missing = wanted.filter((token) => !existing.includes(token));
      if (missing.length === 0) {
        chosen = registered;
        source = 'client-metadata';
        trace.notApplied(
          'step-up',
          `The registration already has every challenged scope (${kit.show(input.challengeScope)}), so Spring neither updates it nor re-authorizes.`,
        );
      } else {
        chosen = kit.joinScope({ entries: kit.uniqueTokens([...existing, ...wanted]) });
        source = 'step-up-union';
        trace.applied(
          'step-up',
          `The server answered insufficient_scope, so Spring adds ${kit.showList(missing)} to the registered scopes (${kit.showScope(registered)}) and re-authorizes with ${kit.show(chosen)}.`,
        );
      }
    }
  } else if (registered !== undefined) {
    chosen = registered;
    source = 'client-metadata';
    trace.used(
      'registered-scopes',
      `The client is registered already, so Spring re-authorizes with the scopes it registered (${kit.showScope(registered)}) and computes nothing new.`,
      hasText(input.challengeScope) && input.challengeScope !== registered
        ? 'The spec takes the scope from the new challenge; Spring ignores it once the client is registered.'
        : undefined,
    );
  } else {
    ({ chosen, source, entries } = registrationScope(trace, input, documents));
  }

  // The registration keeps the scope only when it has text, split on single spaces.
  const scope = hasText(chosen) ? registeredScope(chosen, entries) : undefined;
  if (scope === undefined) {
    trace.applied(
      'omit',
      'The registration holds no scope, so the authorization request carries none.',
    );
  } else if (scope !== chosen) {
    trace.applied(
      'registered-scopes',
      `Spring stores the scope as a set split on single spaces, so the request sends ${kit.show(scope)}.`,
    );
  }

  const offlineAccess = kit.neverAddsOfflineAccess(trace, scope, documents, CLIENT);
  kit.neverSetsPrompt(trace, offlineAccess !== 'not-added', CLIENT);

  return trace.finish({
    profile: 'spring-ai-mcp-security',
    scope,
    source: scope === undefined ? 'none' : source,
    offlineAccess,
    promptConsent: false,
  });
}

/** `updateScopes`: the registration request's own scope, else the challenge, else the PRM. */
function registrationScope(
  trace: kit.Trace<(typeof rule)[number]['rule']>,
  input: kit.ScopeInput,
  documents: kit.DecisionDocuments,
): { chosen: string | undefined; source: kit.ScopeSource; entries?: readonly string[] } {
  const client = documents.clientScope;
  if (client.state === 'present' && hasText(client.value)) {
    trace.used(
      'client-scope',
      `Registers with the scope configured in the registration request (modelled as the client metadata's \`scope\`): ${kit.show(client.value)}.`,
      hasText(input.challengeScope)
        ? "The spec uses the challenge's scope; Spring lets the configured scope win over it."
        : 'The spec has no configured-scope source.',
    );
    return { chosen: client.value, source: 'client-metadata' };
  }
  trace.skipped(
    'client-scope',
    client.state === 'present'
      ? 'The configured registration scope is blank.'
      : `${kit.capitalise(kit.whyMissing(client, 'scope', 'client metadata'))}, so the registration request has no scope of its own.`,
  );
  if (hasText(input.challengeScope)) {
    trace.used(
      'challenge-scope',
      `Registers with the challenge's scope: ${kit.show(input.challengeScope)}.`,
    );
    return { chosen: input.challengeScope, source: 'challenge' };
  }
  trace.skipped(
    'challenge-scope',
    input.challengeScope === undefined
      ? 'The challenge has no scope parameter.'
      : `The challenge's scope ${kit.show(input.challengeScope)} has no text.`,
  );
  const resource = documents.resourceScopes;
  if (resource.state === 'present' && resource.value.length > 0) {
    const joined = kit.joinScope({ entries: resource.value });
    trace.used(
      'resource-scopes',
      `Registers with the protected resource metadata's \`scopes_supported\`: ${kit.showList(resource.value)}.`,
    );
    return { chosen: joined, source: 'resource-metadata', entries: resource.value };
  }
  trace.skipped(
    'resource-scopes',
    resource.state === 'present'
      ? '`scopes_supported` in the protected resource metadata is an empty list.'
      : `${kit.capitalise(kit.whyMissing(resource, 'scopes_supported', 'protected resource metadata'))}.`,
  );
  return { chosen: undefined, source: 'none' };
}

export const springAiMcpSecurity: kit.Profile<'spring-ai-mcp-security'> = {
  id: 'spring-ai-mcp-security',
  title: 'Spring AI mcp-security',
  summary:
    'Configured registration scope (client metadata `scope`), else challenge, else PRM scopes, fixed at registration; never offline_access, whatever the opt-in refresh setting (`grant_types`); a 403 adds the missing challenged scopes.',
  group: 'sdk',
  source: {
    name: 'mcp-client-security (spring-ai-community/mcp-security)',
    version: 'v0.1.10 @ 44c9223',
    url: 'https://github.com/spring-ai-community/mcp-security/blob/v0.1.10/mcp-client-security/src/main/java/org/springaicommunity/mcp/security/client/sync/oauth2/registration/DefaultMcpOAuth2ClientManager.java',
    file: 'mcp-client-security/src/main/java/org/springaicommunity/mcp/security/client/sync/oauth2/registration/DefaultMcpOAuth2ClientManager.java',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
