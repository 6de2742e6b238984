// Over 150 lines because the None-not-empty fallback, the leading space an empty selection gets
// with offline_access and union_scopes on a step-up, each with the words and deviation a reader
// sees.
import * as kit from './kit.ts';

const rule = [
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Challenge scope is not None? Use it, even if empty'),
  kit.tierNode(kit.RESOURCE_SCOPES, 'PRM scopes_supported is not None? Join it, even if empty'),
  kit.tierNode(kit.AUTH_SERVER_SCOPES, 'AS scopes_supported is not None? Join it (SDK fallback)'),
  kit.offlineAccessNode('AS lists offline_access and grant_types has refresh_token? Append it'),
  kit.stepUpNode('insufficient_scope? Union of previous scope and this selection'),
  kit.omitNode('Empty or None? Send no scope'),
  kit.promptNode('offline_access in scope.split()? Set prompt=consent'),
] as const satisfies readonly kit.RuleNode[];

/** `OAuthClientMetadata.grant_types` when the client sets none. */
const DEFAULT_GRANT_TYPES = ['authorization_code', kit.REFRESH_TOKEN];

/**
 * The Python SDK (`mcp.client.auth`): `get_client_metadata_scopes` picks the first source that
 * is not None (so `""` and `[]` stop the fallback) and appends offline_access after a single
 * space, even to an empty selection; on a 403 the provider runs that selection on the new
 * challenge and then `union_scopes(previous, selection)`. The request carries `scope` and
 * `prompt=consent` only when the value is truthy.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  // What was selected, as the parts the finish step joins, and its text for the questions below.
  let selection: kit.JoinedParts | undefined;
  let selected: string | undefined;
  let source: kit.ScopeSource = 'none';

  if (input.challengeScope !== undefined) {
    selection = { entries: [input.challengeScope] };
    selected = kit.joinScope(selection);
    source = 'challenge';
    const empty = !kit.hasAnyToken(selected);
    trace.used(
      'challenge-scope',
      `Uses the challenge's scope as it is: ${kit.show(selected)}.`,
      empty
        ? 'The spec treats an empty scope as not provided and moves on to scopes_supported; this SDK checks only for None, so the empty value stops the fallback.'
        : undefined,
    );
  } else {
    trace.skipped('challenge-scope', 'The challenge has no scope parameter.');
    const resource = documents.resourceScopes;
    if (resource.state === 'present') {
      selection = { entries: resource.value };
      selected = kit.joinScope(selection);
      source = 'resource-metadata';
      trace.used(
        'resource-scopes',
        `Uses the protected resource metadata's \`scopes_supported\` joined with spaces: ${kit.show(selected)}.`,
      );
    } else {
      trace.skipped(
        'resource-scopes',
        `${kit.capitalise(kit.whyMissing(resource, 'scopes_supported', 'protected resource metadata'))}.`,
      );
      const authServer = documents.authServerScopes;
      if (authServer.state === 'present') {
        selection = { entries: authServer.value };
        selected = kit.joinScope(selection);
        source = 'authorization-server';
        trace.used(
          'auth-server-scopes',
          `Falls back to every scope the authorization server lists: ${kit.show(selected)}.`,
          'The spec has no such source: a spec-following client would omit the scope parameter rather than ask for everything the authorization server offers.',
        );
      } else {
        trace.skipped(
          'auth-server-scopes',
          `${kit.capitalise(kit.whyMissing(authServer, 'scopes_supported', 'authorization server metadata'))}, so nothing is selected.`,
        );
      }
    }
  }

  const grants = documents.grantTypes;
  const grantTypes = grants.state === 'present' ? grants.value : DEFAULT_GRANT_TYPES;
  const conditions = {
    scopeSelected: selected !== undefined,
    authServerLists: kit.listIncludes(documents.authServerScopes, kit.OFFLINE_ACCESS),
    clientRefreshes: grantTypes.includes(kit.REFRESH_TOKEN),
    alreadyPresent: kit.hasToken(selected, kit.OFFLINE_ACCESS),
  };
  const offlineAccess = kit.offlineAccessOutcome(conditions);
  if (offlineAccess === 'added' && selection !== undefined) {
    const wasEmpty = selected === '';
    selection = { entries: selection.entries, appended: kit.OFFLINE_ACCESS };
    selected = kit.joinScope(selection);
    const defaulted =
      grants.state === 'present'
        ? ''
        : " The SDK's client metadata defaults `grant_types` to authorization_code and refresh_token.";
    trace.applied(
      'offline-access',
      `${kit.addedDetail(kit.show(selected))}${defaulted}`,
      wasEmpty
        ? 'Appending to an empty selection gives " offline_access" with a leading space, which the SDK sends; a spec-following client would omit the scope parameter.'
        : undefined,
    );
  } else if (offlineAccess !== 'added') {
    kit.recordOfflineAccessKept(trace, offlineAccess, conditions, documents, 'The selection');
  }

  let chosen = selection;
  if (input.challengeError === 'insufficient_scope') {
    const previous = input.previousScope;
    // union_scopes: an empty side returns the other side untouched; otherwise split, merge, join.
    if (!previous) chosen = selection;
    else if (!selected) chosen = { entries: [previous] };
    else
      chosen = {
        entries: kit.uniqueTokens([...kit.scopeTokens(previous), ...kit.scopeTokens(selected)]),
      };
    const scope = chosen === undefined ? undefined : kit.joinScope(chosen);
    if (previous) source = 'step-up-union';
    const fromChallengeOnly = kit.hasAnyToken(input.challengeScope);
    trace.applied(
      'step-up',
      `The server answered insufficient_scope, so the SDK unions its previous scope (${kit.showScope(previous)}) with this selection (${kit.showScope(selected)}): ${kit.showScope(scope)}.`,
      !fromChallengeOnly && kit.hasAnyToken(selected)
        ? "The 2026-07-28 spec unions the previous scope with the challenge's scopes only; this SDK first runs its whole selection on the challenge, so scopes from its fallback sources join the union."
        : undefined,
    );
  } else if (kit.hasAnyToken(input.previousScope)) {
    trace.notApplied(
      'step-up',
      `Not a step-up: on a 401 the SDK replaces its scope with the new selection and drops ${kit.show(input.previousScope ?? '')}.`,
    );
  }

  return kit.finish(trace, {
    profile: 'python-sdk',
    parts: chosen,
    source,
    offlineAccess,
    explain(sent, scope) {
      if (sent === undefined) {
        trace.applied(
          'omit',
          scope === ''
            ? 'The selection is an empty string, and the SDK adds the scope parameter only when it is truthy, so none is sent.'
            : 'Nothing was selected, so the request carries no scope parameter.',
        );
      }
      const promptConsent = kit.hasToken(sent, kit.OFFLINE_ACCESS);
      if (promptConsent) {
        trace.applied(
          'prompt-consent',
          'The scope has offline_access, so the SDK sets prompt=consent, which an OpenID provider needs before it issues a refresh token (OpenID Connect Core §11).',
        );
      } else {
        trace.notApplied('prompt-consent', 'The scope has no offline_access, so no prompt is set.');
      }
      return promptConsent;
    },
  });
}

export const pythonSdk: kit.Profile<'python-sdk'> = {
  id: 'python-sdk',
  title: 'Python SDK',
  summary:
    'First source that is not None: challenge scope, PRM scopes, then every AS scope; empty values stop the fallback; offline_access per SEP-2207 with a default refresh_token grant.',
  group: 'sdk',
  source: {
    name: 'mcp (modelcontextprotocol/python-sdk)',
    version: 'main @ 57394b0',
    url: 'https://github.com/modelcontextprotocol/python-sdk/blob/57394b0548d1e2dc2dce8d67d84985769df3b8bb/src/mcp/client/auth/utils.py',
    file: 'src/mcp/client/auth/utils.py',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
