import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('A later 401/403 names other scopes? They replace the current ones'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Challenge scope has a non-blank token? Use its tokens'),
  kit.tierNode(kit.RESOURCE_SCOPES, 'PRM has scopes_supported (even [])? Use it as it is'),
  kit.tierNode(kit.AUTH_SERVER_SCOPES, 'Else every scope the AS lists'),
  kit.tierNode(kit.CLIENT_SCOPE, 'No configured scope for MCP servers'),
  kit.omitNode('Empty list? Send no scope'),
  kit.offlineAccessNode('Never adds offline_access'),
  kit.promptNode('Never sets prompt'),
] as const satisfies readonly kit.RuleNode[];

const CLIENT = 'VS Code';

/**
 * VS Code's built-in MCP authentication. The extension host takes the challenge's tokens (split
 * on spaces, blanks dropped) or else the PRM's `scopes_supported` with `??=`, so a PRM that has
 * the key, even as `[]`, ends the search; the main thread then falls back with `??` to the AS's
 * `scopes_supported` and finally to no scopes. The URL carries `scope` only when the joined
 * string is not empty. A later 401/403 whose scopes differ replaces them.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const previous = kit.scopeTokens(input.previousScope);

  if (input.challengeError === 'insufficient_scope') {
    trace.applied(
      'step-up',
      `The server answered insufficient_scope, so VS Code reads the new challenge and replaces its scopes (${kit.showScope(input.previousScope)}) with what the selection below gives.`,
      previous.length > 0
        ? 'The 2026-07-28 spec requests the union of the previous scope and the challenge; VS Code drops the previous scope, so the new token may lose access the old one had.'
        : undefined,
    );
  } else if (previous.length > 0) {
    trace.notApplied(
      'step-up',
      `Not a step-up: the previous scope (${kit.showScope(input.previousScope)}) plays no part.`,
    );
  }

  let list: readonly string[] | undefined;
  let source: kit.ScopeSource = 'none';

  // `challenge.params['scope']` must be truthy; its tokens are split on single spaces.
  const challenge = input.challengeScope
    ? input.challengeScope.split(' ').filter((token) => token.trim().length > 0)
    : [];
  if (challenge.length > 0) {
    list = challenge;
    source = 'challenge';
    trace.used('challenge-scope', `Uses the challenge's scope tokens: ${kit.showList(challenge)}.`);
  } else {
    trace.skipped(
      'challenge-scope',
      input.challengeScope === undefined
        ? 'The challenge has no scope parameter.'
        : `The challenge's scope ${kit.show(input.challengeScope)} has no non-blank token, so VS Code looks further.`,
    );
    const resource = documents.resourceScopes;
    if (resource.state === 'present') {
      list = resource.value;
      source = 'resource-metadata';
      trace.used(
        'resource-scopes',
        resource.value.length === 0
          ? 'The protected resource metadata has `scopes_supported: []`; VS Code keeps the empty list (`??=` only replaces a missing value), so no scope is requested.'
          : `Uses the protected resource metadata's \`scopes_supported\` as it is: ${kit.showList(resource.value)}.`,
      );
    } else {
      trace.skipped(
        'resource-scopes',
        `${kit.capitalise(kit.whyMissing(resource, 'scopes_supported', 'protected resource metadata'))}.`,
      );
      const authServer = documents.authServerScopes;
      if (authServer.state === 'present') {
        list = authServer.value;
        source = 'authorization-server';
        trace.used(
          'auth-server-scopes',
          authServer.value.length === 0
            ? 'The authorization server lists `scopes_supported: []`, so VS Code requests no scope.'
            : `Falls back to every scope the authorization server lists: ${kit.showList(authServer.value)}.`,
          authServer.value.length > 0
            ? 'The spec omits the scope parameter when the PRM has no scopes_supported; VS Code asks for everything the authorization server offers, which an admin-scoped or openid-only server then grants or refuses wholesale.'
            : undefined,
        );
      } else {
        trace.skipped(
          'auth-server-scopes',
          `${kit.capitalise(kit.whyMissing(authServer, 'scopes_supported', 'authorization server metadata'))}, so the list of scopes is empty.`,
        );
      }
    }
  }

  if (kit.hasAnyToken(kit.valueOf(documents.clientScope))) {
    trace.skipped(
      'client-scope',
      "VS Code has no configured scope for MCP servers, so the client metadata's `scope` plays no part.",
    );
  }

  const joined = list === undefined ? '' : kit.joinScope({ entries: list });
  const scope = joined === '' ? undefined : joined;
  if (scope === undefined) {
    trace.applied('omit', 'The list of scopes is empty, so the URL carries no scope parameter.');
  }

  const offlineAccess = kit.neverAddsOfflineAccess(trace, scope, documents, CLIENT);
  kit.neverSetsPrompt(trace, offlineAccess !== 'not-added', CLIENT);

  return trace.finish({
    profile: 'vscode',
    scope,
    source: scope === undefined ? 'none' : source,
    offlineAccess,
    promptConsent: false,
  });
}

export const vscode: kit.Profile<'vscode'> = {
  id: 'vscode',
  title: 'VS Code',
  summary:
    'Challenge tokens, else PRM scopes_supported if the key exists (even []), else every AS scope; never offline_access or prompt; a new challenge replaces the scopes. Ignores the configured scope (client metadata `scope`) and the opt-in refresh setting (`grant_types`).',
  group: 'application',
  source: {
    name: 'Visual Studio Code (built-in MCP client)',
    version: 'main, extHostMcp.ts @ 000d382, mainThreadMcp.ts @ 0d40d2c',
    url: 'https://github.com/microsoft/vscode/blob/000d38288339b1052517569a7f1a8af39ad10bba/src/vs/workbench/api/common/extHostMcp.ts',
    file: 'src/vs/workbench/api/common/extHostMcp.ts',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
