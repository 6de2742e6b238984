// Over 150 lines because the union with granted scopes through a Go map, offline_access sent alone
// and the empty-string scope the SDK still sends, each worded for the trace.
import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('403 insufficient_scope? Select again from the new challenge'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Bearer challenge has a non-empty scope? Its tokens'),
  kit.tierNode(kit.RESOURCE_SCOPES, 'PRM scopes_supported non-empty? Use them'),
  kit.tierNode(kit.CLIENT_SCOPE, 'No configured-scope fallback'),
  kit.offlineAccessNode(
    'RequestRefreshToken and AS lists offline_access? Append it, even to nothing',
  ),
  kit.transformNode(kit.PREVIOUS_SCOPES, 'Union with the scopes granted before', kit.CITES.stepUp),
  kit.transformNode(
    kit.UNORDERED_SET,
    'The union is a Go map: order changes run to run',
    kit.CITES.scopeSelection,
  ),
  kit.omitNode('Empty? Send no scope'),
  kit.promptNode('Never sets prompt'),
] as const satisfies readonly kit.RuleNode[];

const CLIENT = 'The Go SDK';

/**
 * The Go SDK's `AuthorizationCodeHandler.Authorize`: the first Bearer challenge's scope (split
 * with `strings.Fields`) or else the PRM's `scopes_supported`; with `RequestRefreshToken` it
 * appends offline_access when the AS lists it, even to an empty list; then
 * `authutil.UnionScopes(granted, requested)` merges in what the issuer granted before through a
 * map, which drops duplicates and returns the keys in Go's randomised map order. `oauth2`
 * omits `scope` for an empty list. The same runs for a 403 insufficient_scope.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const granted = kit.scopeTokens(input.previousScope);
  const challenge = input.challengeScope ? kit.scopeTokens(input.challengeScope) : [];
  const stepUp = input.challengeError === 'insufficient_scope';

  if (stepUp) {
    trace.applied(
      'step-up',
      'The server answered 403 insufficient_scope, so the handler runs the whole selection again on the new challenge and then unions it with the scopes granted before.',
    );
  }

  let requested: readonly string[] = [];
  let source: kit.ScopeSource = 'none';
  if (challenge.length > 0) {
    requested = challenge;
    source = 'challenge';
    trace.used('challenge-scope', `Uses the challenge's scope tokens: ${kit.showList(challenge)}.`);
  } else {
    trace.skipped(
      'challenge-scope',
      input.challengeScope === undefined
        ? 'The challenge has no scope parameter.'
        : `The challenge's scope ${kit.show(input.challengeScope)} holds no token.`,
    );
    const resource = documents.resourceScopes;
    if (resource.state === 'present' && resource.value.length > 0) {
      requested = resource.value;
      source = 'resource-metadata';
      trace.used(
        'resource-scopes',
        `Uses the protected resource metadata's \`scopes_supported\`: ${kit.showList(resource.value)}.`,
        stepUp && granted.length > 0
          ? 'On a step-up the 2026-07-28 spec unions the previous scope with the challenge only; with no scope in the challenge, the Go SDK adds every PRM scope.'
          : undefined,
      );
    } else {
      trace.skipped(
        'resource-scopes',
        resource.state === 'present'
          ? '`scopes_supported` in the protected resource metadata is an empty list.'
          : `${kit.capitalise(kit.whyMissing(resource, 'scopes_supported', 'protected resource metadata'))}.`,
      );
    }
  }

  if (kit.hasAnyToken(kit.valueOf(documents.clientScope))) {
    trace.skipped(
      'client-scope',
      "The Go SDK has no configured-scope fallback (only a ScopeFilter hook the application may install), so the client metadata's `scope` plays no part.",
    );
  }

  const offline = kit.appendOfflineAccessIfListed(trace, requested, documents, {
    requiresOptIn: true,
    evenWhenEmpty: true,
  });
  if (offline.outcome === 'added' && requested.length === 0) source = 'authorization-server';

  // `UnionScopes(granted, requested + offline_access)`. The union without offline_access is the
  // one other profiles build from the same lists, so its join is shared and the token appended.
  const union = kit.unionOfLists(granted, requested);
  const appendOffline =
    offline.outcome === 'added' && !kit.includesEntry(union, kit.OFFLINE_ACCESS);
  const mergedCount = union.length + (appendOffline ? 1 : 0);
  if (granted.length > 0) {
    const added = mergedCount - granted.length;
    trace.applied(
      'previous-scopes',
      `Unions the scopes granted before (${kit.showScope(input.previousScope)}) with this request${added > 0 ? `, adding ${added} new` : ', which adds nothing new'}.`,
      stepUp
        ? undefined
        : 'On a 401 the spec selects the scope afresh; the Go SDK keeps every scope the issuer granted before.',
    );
    if (stepUp || source === 'none') source = 'step-up-union';
  }

  if (mergedCount > 1) {
    trace.applied(
      'unordered-set',
      `The union is collected in a Go map, so the ${mergedCount} scopes go out in an order that changes from run to run; shown here in first-seen order.`,
      'A spec-following client sends the scopes in the order the server gave them; a server that compares scope strings instead of sets will see this client change its request.',
    );
  }

  // golang.org/x/oauth2 sets `scope` whenever the list has an entry, even an empty string.
  const withOffline =
    union.length > 0
      ? { entries: union, appended: kit.OFFLINE_ACCESS }
      : { entries: [kit.OFFLINE_ACCESS] };
  return kit.finish(trace, {
    profile: 'go-sdk',
    parts: appendOffline ? withOffline : union.length > 0 ? { entries: union } : undefined,
    source,
    offlineAccess: offline.outcome,
    sendsEmpty: true,
    explain(scope) {
      if (scope === undefined) {
        trace.applied('omit', 'The list is empty, so the authorization URL carries no scope.');
      } else if (scope.trim() === '') {
        trace.notApplied(
          'omit',
          `The list holds only empty strings, yet it is not empty, so the URL carries a scope parameter of ${kit.show(scope)} anyway.`,
          'The spec never sends an empty scope; the Go SDK does when scopes_supported lists an empty string.',
        );
      }
      kit.neverSetsPrompt(trace, kit.hasToken(scope, kit.OFFLINE_ACCESS), CLIENT);
      return false;
    },
  });
}

export const goSdk: kit.Profile<'go-sdk'> = {
  id: 'go-sdk',
  title: 'Go SDK',
  summary:
    'Challenge tokens, else PRM scopes, else none, unioned with granted scopes in random (map) order; offline_access when opting in to refresh (`grant_types` has refresh_token) and the AS lists it, even alone. Ignores the configured scope (client metadata `scope`).',
  group: 'sdk',
  source: {
    name: 'github.com/modelcontextprotocol/go-sdk',
    version: 'main @ 3d6450f (after v1.7.0)',
    url: 'https://github.com/modelcontextprotocol/go-sdk/blob/3d6450fccf564e7c92a54d4274c35635a8c39821/auth/authorization_code.go',
    file: 'auth/authorization_code.go',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
