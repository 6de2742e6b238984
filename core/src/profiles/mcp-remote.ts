// Over 150 lines because two deciders in one request (mcp-remote's own scope overwrites the SDK's,
// whose pick still drives prompt=consent), each traced with its own words.
import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('403 step-up? Its own startup scope overwrites the challenged one'),
  kit.tierNode(kit.CLIENT_SCOPE, 'Static client metadata scope not blank? Use it'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Startup challenge scope not blank? Use it'),
  kit.tierNode(kit.RESOURCE_SCOPES, 'PRM has scopes_supported? Join it ([] means none)'),
  kit.tierNode(kit.AUTH_SERVER_SCOPES, 'AS has scopes_supported? Join it ([] means none)'),
  kit.tierNode(kit.FIXED_FALLBACK, 'Else "openid email profile"'),
  kit.transformNode(
    kit.SCOPE_OVERWRITE,
    "Overwrite the SDK's scope in the URL when its own is not empty",
    kit.CITES.scopeSelection,
  ),
  kit.omitNode('Both empty? Send no scope'),
  kit.offlineAccessNode('Never adds offline_access itself'),
  kit.promptNode("SDK 1.x scope contains 'offline_access' (substring)? prompt=consent"),
] as const satisfies readonly kit.RuleNode[];

type McpRemoteRule = (typeof rule)[number]['rule'];

const FALLBACK_SCOPE = 'openid email profile';

const notBlank = (value: string | undefined): value is string =>
  value !== undefined && value.trim().length > 0;

/**
 * mcp-remote 0.1.x (`NodeOAuthClientProvider.getEffectiveScope`) over the TypeScript SDK
 * 1.25.3. Its own scope: the `--static-oauth-client-metadata` scope, the challenge scope it
 * found at startup, the PRM's or else the AS's `scopes_supported` (an empty list means no
 * scope), and finally `openid email profile`. It puts that scope into its client metadata and,
 * when not empty, overwrites the `scope` of the URL the SDK built; the SDK's own pick
 * (`scope || scopes_supported.join(' ') || clientMetadata.scope`) still decides
 * `prompt=consent` with a substring test.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const staticScope = kit.valueOf(documents.clientScope);
  const stepUp = input.challengeError === 'insufficient_scope';

  let effective: string;
  let source: kit.ScopeSource;
  if (stepUp && input.previousScope !== undefined) {
    effective = input.previousScope;
    source = 'client-metadata';
    const lost = kit
      .scopeTokens(input.challengeScope)
      .filter((token) => !kit.hasToken(effective, token));
    trace.applied(
      'step-up',
      `The server answered insufficient_scope. The SDK picks up the new challenge, but mcp-remote computes its scope from what it discovered at startup, which gave the previous request ${kit.showScope(input.previousScope)}, and writes that into the URL again.`,
      lost.length > 0
        ? `The spec re-authorizes with the challenged scopes; mcp-remote loses ${lost.map((token) => kit.show(token)).join(', ')}, so the new token fails the same way.`
        : undefined,
    );
  } else {
    if (stepUp) {
      trace.applied(
        'step-up',
        "The server answered insufficient_scope, but mcp-remote's own scope ignores this challenge: it uses the one it saw at startup, so the selection below runs without it.",
        kit.hasAnyToken(input.challengeScope)
          ? 'The spec re-authorizes with the challenged scopes; mcp-remote does not.'
          : undefined,
      );
    }
    ({ effective, source } = effectiveScope(trace, input, documents, staticScope, !stepUp));
  }

  // `clientMetadata` spreads the static metadata first, then the effective scope if not empty.
  const metadataScope = effective !== '' ? effective : staticScope;
  const resource = documents.resourceScopes;
  const sdkScope =
    input.challengeScope ||
    (resource.state === 'present' ? kit.joinScope({ entries: resource.value }) : undefined) ||
    metadataScope;

  let scope: string | undefined;
  if (effective !== '') {
    scope = effective;
    trace.applied(
      'scope-overwrite',
      sdkScope && sdkScope !== effective
        ? `The SDK put ${kit.show(sdkScope)} in the authorization URL; mcp-remote overwrites it with ${kit.show(effective)}.`
        : `mcp-remote sets the URL's scope to ${kit.show(effective)}.`,
    );
  } else if (sdkScope) {
    scope = sdkScope;
    source = input.challengeScope ? 'challenge' : 'client-metadata';
    trace.notApplied(
      'scope-overwrite',
      `mcp-remote's own scope is empty, so it leaves the SDK's scope in the URL: ${kit.show(sdkScope)}.`,
    );
  } else {
    trace.applied('omit', 'Neither mcp-remote nor its SDK has a scope, so the URL carries none.');
  }

  const offlineAccess = kit.neverAddsOfflineAccess(trace, scope, documents, 'mcp-remote');
  const promptConsent = sdkScope ? sdkScope.includes(kit.OFFLINE_ACCESS) : false;
  if (promptConsent) {
    trace.applied(
      'prompt-consent',
      `The SDK's own scope ${kit.show(sdkScope ?? '')} contains the text "offline_access", so it appends prompt=consent${kit.hasToken(scope, kit.OFFLINE_ACCESS) ? '' : ', even though the scope mcp-remote sends has no offline_access token'}.`,
    );
  } else {
    trace.notApplied(
      'prompt-consent',
      "The SDK's own scope does not contain offline_access, so no prompt is set.",
    );
  }

  return trace.finish({
    profile: 'mcp-remote',
    scope,
    source: scope === undefined ? 'none' : source,
    offlineAccess,
    promptConsent,
  });
}

/** `getEffectiveScope` at startup; returns "" where mcp-remote decides to send no scope. */
function effectiveScope(
  trace: kit.Trace<McpRemoteRule>,
  input: kit.ScopeInput,
  documents: kit.DecisionDocuments,
  staticScope: string | undefined,
  useChallenge: boolean,
): { effective: string; source: kit.ScopeSource } {
  if (notBlank(staticScope)) {
    trace.used(
      'client-scope',
      `Uses the scope of the static client metadata (\`--static-oauth-client-metadata\`, modelled as the client metadata's \`scope\`): ${kit.show(staticScope)}.`,
      notBlank(input.challengeScope)
        ? "The spec uses the challenge's scope; mcp-remote lets the user's static scope win over it."
        : 'The spec has no configured-scope source.',
    );
    return { effective: staticScope, source: 'client-metadata' };
  }
  trace.skipped(
    'client-scope',
    staticScope === undefined
      ? `${kit.capitalise(kit.whyMissing(documents.clientScope, 'scope', 'client metadata'))}.`
      : 'The static client metadata scope is blank.',
  );

  if (useChallenge && notBlank(input.challengeScope)) {
    trace.used('challenge-scope', `Uses the challenge's scope: ${kit.show(input.challengeScope)}.`);
    return { effective: input.challengeScope, source: 'challenge' };
  }
  trace.skipped(
    'challenge-scope',
    !useChallenge
      ? 'The challenge seen at startup is not part of this scenario.'
      : input.challengeScope === undefined
        ? 'The challenge has no scope parameter.'
        : `The challenge's scope ${kit.show(input.challengeScope)} is blank.`,
  );

  const resource = documents.resourceScopes;
  if (resource.state === 'present') {
    const joined = kit.joinScope({ entries: resource.value });
    trace.used(
      'resource-scopes',
      resource.value.length === 0
        ? 'The protected resource metadata has `scopes_supported: []`, which mcp-remote reads as "send no scope".'
        : `Uses the protected resource metadata's \`scopes_supported\` joined with spaces: ${kit.show(joined)}.`,
    );
    return { effective: joined, source: 'resource-metadata' };
  }
  trace.skipped(
    'resource-scopes',
    `${kit.capitalise(kit.whyMissing(resource, 'scopes_supported', 'protected resource metadata'))}.`,
  );

  const authServer = documents.authServerScopes;
  if (authServer.state === 'present') {
    const joined = kit.joinScope({ entries: authServer.value });
    trace.used(
      'auth-server-scopes',
      authServer.value.length === 0
        ? 'The authorization server lists `scopes_supported: []`, which mcp-remote reads as "send no scope".'
        : `Falls back to every scope the authorization server lists: ${kit.show(joined)}. (A scope returned by dynamic client registration would come first; the playground has no registration response.)`,
      authServer.value.length > 0
        ? 'The spec omits the scope parameter when the PRM has no scopes_supported; mcp-remote asks for everything the authorization server offers.'
        : undefined,
    );
    return { effective: joined, source: 'authorization-server' };
  }
  trace.skipped(
    'auth-server-scopes',
    `${kit.capitalise(kit.whyMissing(authServer, 'scopes_supported', 'authorization server metadata'))}.`,
  );

  trace.used(
    'fixed-fallback',
    `No document names a scope, so mcp-remote falls back to ${kit.show(FALLBACK_SCOPE)}.`,
    'The spec omits the scope parameter here; mcp-remote asks for OpenID Connect scopes that a plain OAuth authorization server may reject as invalid_scope.',
  );
  return { effective: FALLBACK_SCOPE, source: 'client-metadata' };
}

export const mcpRemote: kit.Profile<'mcp-remote'> = {
  id: 'mcp-remote',
  title: 'mcp-remote',
  summary:
    'Static scope (client metadata `scope`), startup challenge, PRM, AS, else "openid email profile"; overwrites the SDK 1.x scope, so step-up scopes are lost; never adds offline_access (it always registers refresh_token, so the opt-in refresh setting `grant_types` is ignored).',
  group: 'application',
  source: {
    name: 'mcp-remote (geelen/mcp-remote) on @modelcontextprotocol/sdk 1.25.3',
    version: 'v0.1.43 @ d26e5a8 (package.json says 0.1.38)',
    url: 'https://github.com/geelen/mcp-remote/blob/d26e5a821ee7e266109f05871ecc2570d8a7054a/src/lib/node-oauth-client-provider.ts',
    file: 'src/lib/node-oauth-client-provider.ts',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
