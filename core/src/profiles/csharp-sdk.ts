// Over 150 lines because the scopes of every earlier operation, the ordinal sort and the repeated
// step-up guard are three behaviours no other client has, each worded for the trace.
import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('insufficient_scope? Same computation; a repeat adding nothing fails'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Challenge scope not empty? Its tokens (blank stops here)'),
  kit.tierNode(kit.RESOURCE_SCOPES, 'PRM scopes_supported non-empty? Use them'),
  kit.tierNode(kit.CLIENT_SCOPE, 'Configured Scopes (SDK fallback)'),
  kit.transformNode(
    kit.PREVIOUS_SCOPES,
    'Union with every scope requested before',
    kit.CITES.stepUp,
  ),
  kit.transformNode(kit.SORT_ORDINAL, 'Sort the tokens ordinally', kit.CITES.scopeSelection),
  kit.omitNode('Nothing? Send no scope'),
  kit.offlineAccessNode('AS lists offline_access? Append it, alone if nothing else'),
  kit.promptNode('Never sets prompt'),
] as const satisfies readonly kit.RuleNode[];

const CLIENT = 'The C# SDK';

const WHY_NO_OPT_IN = 'its dynamic registration always requests the refresh_token grant';

/** `string.Split(' ', RemoveEmptyEntries)`: single spaces only, empty entries dropped. */
function splitOnSpaces(value: string): string[] {
  return value.split(' ').filter((token) => token !== '');
}

/**
 * `ClientOAuthProvider` in the C# SDK. `GetCurrentOperationScopes` takes the challenge's scope
 * when the string is not null or empty (a blank one ends the search with no tokens), else the
 * PRM's non-empty `scopes_supported`, else the configured `Scopes`. `GetScopeParameter` adds
 * them to a set of every scope the provider requested before and sorts it ordinally; with
 * nothing new it reuses that set or sends no scope. `AugmentScopeWithOfflineAccess` then
 * appends offline_access whenever the AS lists it, or sends it alone.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  // offline_access is appended per request and never kept in the provider's set of scopes.
  const accumulated = kit
    .uniqueTokens(splitOnSpaces(input.previousScope ?? ''))
    .filter((token) => token !== kit.OFFLINE_ACCESS);
  const stepUp = input.challengeError === 'insufficient_scope';

  let current: readonly string[] = [];
  let source: kit.ScopeSource = 'none';
  const challengeScope = input.challengeScope;
  if (challengeScope !== undefined && challengeScope !== '') {
    current = splitOnSpaces(challengeScope);
    source = 'challenge';
    if (current.length > 0) {
      trace.used('challenge-scope', `Uses the challenge's scope tokens: ${kit.showList(current)}.`);
    } else {
      trace.used(
        'challenge-scope',
        `The challenge's scope ${kit.show(challengeScope)} is not empty, so the SDK takes it, but it splits into no token.`,
        'The spec treats a blank scope as not provided and moves on to scopes_supported; the C# SDK stops here and never looks at the PRM or its configured scopes.',
      );
    }
  } else {
    trace.skipped(
      'challenge-scope',
      challengeScope === undefined
        ? 'The challenge has no scope parameter.'
        : "The challenge's scope is an empty string, so the SDK looks further.",
    );
    const resource = documents.resourceScopes;
    const client = documents.clientScope;
    if (resource.state === 'present' && resource.value.length > 0) {
      current = resource.value;
      source = 'resource-metadata';
      trace.used(
        'resource-scopes',
        `Uses the protected resource metadata's \`scopes_supported\`: ${kit.showList(resource.value)}.`,
      );
    } else {
      trace.skipped(
        'resource-scopes',
        resource.state === 'present'
          ? '`scopes_supported` in the protected resource metadata is an empty list.'
          : `${kit.capitalise(kit.whyMissing(resource, 'scopes_supported', 'protected resource metadata'))}.`,
      );
      if (client.state === 'present') {
        current = splitOnSpaces(client.value);
        source = 'client-metadata';
        if (current.length > 0) {
          trace.used(
            'client-scope',
            `Falls back to the configured scopes (modelled as the client metadata's \`scope\`): ${kit.showList(current)}.`,
            'The spec has no third source: a spec-following client would omit the scope parameter here.',
          );
        } else {
          trace.skipped('client-scope', 'The configured scopes are empty.');
        }
      } else {
        trace.skipped(
          'client-scope',
          `${kit.capitalise(kit.whyMissing(client, 'scope', 'client metadata'))}, so no scopes are configured.`,
        );
      }
    }
  }

  const unsorted = kit.unionOfLists(accumulated, current);
  const tokens = kit.sortedOrdinal(unsorted);
  if (accumulated.length > 0) {
    if (stepUp || current.length === 0) source = 'step-up-union';
    trace.applied(
      'previous-scopes',
      current.length === 0
        ? `This operation names no scope, so the SDK sends the set it requested before: ${kit.showList(accumulated)}.`
        : `Adds these scopes to the set requested before (${kit.showScope(input.previousScope)}), giving ${unsorted.length} scopes.`,
      stepUp
        ? undefined
        : 'On a 401 the spec selects the scope afresh; the C# SDK keeps every scope this provider requested before.',
    );
  }

  if (tokens.length > 1) {
    const reordered = tokens.some((token, index) => token !== unsorted[index]);
    trace.applied(
      'sort-ordinal',
      `Sorts the tokens ordinally (by UTF-16 code unit, so upper case before lower case): ${kit.showJoined(tokens)}.`,
      reordered
        ? "A spec-following client keeps the order the server gave; the C# SDK's order differs, which matters only to a server that compares scope strings rather than sets."
        : undefined,
    );
  }

  if (stepUp) {
    const fresh = current.filter((token) => !accumulated.includes(token));
    trace.applied(
      'step-up',
      fresh.length > 0
        ? `The server answered insufficient_scope; the challenge adds ${kit.showList(fresh)} to what was requested before.`
        : 'The server answered insufficient_scope without naming a scope the SDK had not requested: the first such step-up still re-authorizes, a repeated one fails instead of looping.',
    );
  }

  if (tokens.length === 0) {
    trace.applied(
      'omit',
      'No scope was found for this operation or before it, so none is computed.',
    );
  }

  // `if (!string.IsNullOrEmpty(scope))`: an empty string is left out like a missing one.
  return kit.finishWithListedOfflineAccess(trace, documents, {
    profile: 'csharp-sdk',
    client: CLIENT,
    tokens,
    source,
    listing: { requiresOptIn: false, evenWhenEmpty: true, whyNoOptIn: WHY_NO_OPT_IN },
  });
}

export const csharpSdk: kit.Profile<'csharp-sdk'> = {
  id: 'csharp-sdk',
  title: 'C# SDK',
  summary:
    'Challenge tokens, else PRM scopes, else the configured scope (client metadata `scope`), unioned with earlier requests and sorted ordinally; offline_access whenever the AS lists it, even alone, ignoring the opt-in refresh setting (`grant_types`).',
  group: 'sdk',
  source: {
    name: 'ModelContextProtocol (modelcontextprotocol/csharp-sdk)',
    version: 'v2.2.0 (file @ e8b80f0)',
    url: 'https://github.com/modelcontextprotocol/csharp-sdk/blob/v2.2.0/src/ModelContextProtocol.Core/Authentication/ClientOAuthProvider.cs',
    file: 'src/ModelContextProtocol.Core/Authentication/ClientOAuthProvider.cs',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
