import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('Transport unions the scope it asked for before with the challenge'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Requested scope truthy? Use it'),
  kit.tierNode(kit.RESOURCE_SCOPES, "scopes_supported.join(' ') truthy? Use it"),
  kit.tierNode(kit.CLIENT_SCOPE, 'clientMetadata.scope (SDK fallback)'),
  kit.omitNode('Empty result? Send no scope'),
  kit.offlineAccessNode('AS lists offline_access and grant_types has refresh_token? Append it'),
  kit.promptNode("scope.split(' ') has offline_access? Append prompt=consent"),
] as const satisfies readonly kit.RuleNode[];

/**
 * `@modelcontextprotocol/client` 2.x: the streamable HTTP transport folds every challenge into
 * `computeScopeUnion(previous, challenge)` (whitespace split, first-seen order, no repeats,
 * `undefined` when empty) and passes it to `auth()`, whose `determineScope` runs the `||` chain
 * and appends offline_access; `startAuthorization` appends `prompt=consent`.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const stepUp = input.challengeError === 'insufficient_scope';
  const previous = kit.scopeTokens(input.previousScope);
  const union = kit.unionTokens(input.previousScope, input.challengeScope);
  const requested = union.length > 0 ? kit.joinScope({ entries: union }) : undefined;
  let requestedSource: kit.ScopeSource = 'challenge';

  if (stepUp) {
    requestedSource = 'step-up-union';
    trace.applied(
      'step-up',
      `The server answered insufficient_scope, so the transport requests the union of its previous scope (${kit.showScope(input.previousScope)}) and the challenge's (${kit.showScope(input.challengeScope)}): ${kit.showScope(requested)}.`,
    );
  } else if (previous.length > 0) {
    requestedSource = 'step-up-union';
    trace.applied(
      'step-up',
      `The transport unions every challenge with the scope it asked for before, even on a 401: ${kit.show(input.previousScope ?? '')} and ${kit.showScope(input.challengeScope)} give ${kit.showScope(requested)}.`,
      "On a 401 the spec uses the challenge's scope alone.",
    );
  }

  const chain = kit.selectWithOrChain(trace, documents, {
    value: requested,
    source: requestedSource,
    whyMissing:
      input.challengeScope === undefined
        ? 'The challenge has no scope parameter.'
        : `The challenge's scope ${kit.show(input.challengeScope)} has no token, so the transport passes no scope.`,
  });

  // determineScope: `effective && AS lists it && !effective.split(' ').includes(...) && grant_types?.includes(...)`
  let parts = chain.parts;
  let scope = chain.scope;
  const presentBySplit =
    scope !== undefined && kit.hasSpaceSeparatedToken(scope, kit.OFFLINE_ACCESS);
  const conditions = {
    scopeSelected: Boolean(scope),
    authServerLists: kit.listIncludes(documents.authServerScopes, kit.OFFLINE_ACCESS),
    clientRefreshes: kit.listIncludes(documents.grantTypes, kit.REFRESH_TOKEN),
    alreadyPresent: presentBySplit,
  };
  const offlineAccess = kit.offlineAccessOutcome(conditions);
  if (offlineAccess === 'added' && scope && parts) {
    const alreadyAToken = kit.hasToken(scope, kit.OFFLINE_ACCESS);
    parts = { entries: parts.entries, appended: kit.OFFLINE_ACCESS };
    scope = kit.joinScope(parts);
    trace.applied(
      'offline-access',
      kit.addedDetail(kit.show(scope)),
      alreadyAToken
        ? "The SDK looks for offline_access with split(' '), which misses it when tabs or line breaks separate the tokens, so the scope now has it twice."
        : undefined,
    );
  } else if (offlineAccess !== 'added') {
    kit.recordOfflineAccessKept(trace, offlineAccess, conditions, documents, 'The scope');
  }

  return kit.finish(trace, {
    profile: 'typescript-sdk-2',
    parts,
    source: chain.source,
    offlineAccess,
    explain(sent, joined) {
      if (sent === undefined) {
        trace.applied(
          'omit',
          joined === ''
            ? 'The selection is an empty string, and the SDK sets the scope parameter only when it is truthy, so none is sent.'
            : 'No source gave a scope, so the request carries no scope parameter.',
        );
      }
      const promptConsent =
        sent !== undefined && kit.hasSpaceSeparatedToken(sent, kit.OFFLINE_ACCESS);
      if (promptConsent) {
        trace.applied(
          'prompt-consent',
          'The scope has offline_access, so the SDK adds prompt=consent, which an OpenID provider needs before it issues a refresh token (OpenID Connect Core §11).',
          endpointHasPrompt(kit.valueOf(documents.authorizationEndpoint))
            ? 'The SDK appends prompt with URLSearchParams.append, so this authorization endpoint, whose URL already carries a prompt, receives two prompt parameters.'
            : undefined,
        );
      } else {
        trace.notApplied(
          'prompt-consent',
          'The scope has no offline_access, so no prompt is added.',
        );
      }
      return promptConsent;
    },
  });
}

function endpointHasPrompt(endpoint: string | undefined): boolean {
  if (endpoint === undefined) return false;
  try {
    return new URL(endpoint).searchParams.has('prompt');
  } catch {
    return false;
  }
}

export const typescriptSdk2: kit.Profile<'typescript-sdk-2'> = {
  id: 'typescript-sdk-2',
  title: 'TypeScript SDK 2.x',
  summary:
    "Union of previous and challenge scope, else PRM scopes, else the client's own scope (JS ||); offline_access per SEP-2207; prompt=consent with it.",
  group: 'sdk',
  source: {
    name: '@modelcontextprotocol/client',
    version: '2.4.0',
    url: 'https://github.com/modelcontextprotocol/typescript-sdk/blob/main/packages/client/src/client/auth.ts',
    file: 'packages/client/src/client/auth.ts',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
