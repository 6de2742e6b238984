// Over 150 lines because rmcp's selection and tail are exported for Codex, and configured scopes,
// the step-up union and the fallback to every AS scope each carry their own words.
import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('insufficient_scope? Union of granted scopes and the challenge'),
  kit.tierNode(kit.CLIENT_SCOPE, 'Scopes configured (with_scopes)? Use them and skip selection'),
  kit.transformNode(
    kit.PREVIOUS_SCOPES,
    'Start the union with the scopes granted before',
    kit.CITES.stepUp,
  ),
  kit.tierNode(kit.CHALLENGE_SCOPE, "Add the challenge's tokens to the union"),
  kit.tierNode(kit.RESOURCE_SCOPES, 'Add every PRM scope to the union'),
  kit.tierNode(kit.AUTH_SERVER_SCOPES, 'Union empty? Every AS scope'),
  kit.omitNode('Still empty? Send no scope'),
  kit.offlineAccessNode('Non-empty and AS lists offline_access? Append it (no grant check)'),
  kit.promptNode('Never sets prompt'),
] as const satisfies readonly kit.RuleNode[];

const CLIENT = 'rmcp';

const WHY_NO_OPT_IN = 'rmcp’s dynamic registration always requests the refresh_token grant';

/**
 * rmcp 3.1.4 (`AuthorizationManager`, `AuthorizationSession`). Scopes the application passes
 * with `with_scopes` are used as they are; otherwise `select_base_scopes` unions, in first-seen
 * order, the scopes granted before, the challenge's tokens and the PRM's `scopes_supported`,
 * falls back to the AS's list when that union is empty, and `add_offline_access_if_supported`
 * appends offline_access to a non-empty selection when the AS lists it. A step-up
 * (`request_scope_upgrade`) unions the granted scopes with the challenge only.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const previous = kit.scopeTokens(input.previousScope);
  const challenge = kit.scopeTokens(input.challengeScope);
  let tokens: readonly string[];
  let source: kit.ScopeSource;

  if (input.challengeError === 'insufficient_scope') {
    tokens = kit.uniqueTokens([...previous, ...challenge]);
    source = tokens.length === 0 ? 'none' : 'step-up-union';
    trace.applied(
      'step-up',
      `The server answered insufficient_scope, so \`request_scope_upgrade\` unions the scopes granted before (${kit.showScope(input.previousScope)}) with the challenge's (${kit.showScope(input.challengeScope)}), first-seen order: ${tokens.length > 0 ? kit.show(tokens.join(' ')) : 'nothing'}. Configured scopes and the PRM play no part in an upgrade.`,
    );
  } else {
    const configured = kit.scopeTokens(kit.valueOf(documents.clientScope));
    if (configured.length > 0) {
      tokens = configured;
      source = 'client-metadata';
      trace.used(
        'client-scope',
        `The application configured scopes (\`with_scopes\`, modelled as the client metadata's \`scope\`), so rmcp requests them and selects nothing itself: ${kit.showList(configured)}.`,
        challenge.length > 0
          ? "The spec uses the challenge's scope; rmcp lets configured scopes win over it."
          : 'The spec has no configured-scope source; rmcp uses it before anything the server says.',
      );
    } else {
      trace.skipped(
        'client-scope',
        'No scopes were configured (the client metadata has no `scope` token), so rmcp selects them.',
      );
      recordGrantedAndChallenged(trace, input, previous, challenge);
      ({ tokens, source } = rmcpSelectBaseScopes(trace, documents, previous, challenge));
    }
  }

  if (tokens.length === 0) {
    trace.applied('omit', 'Nothing was selected, so the request carries no scope parameter.');
  }

  return finishAsRmcp(trace, documents, {
    profile: 'rust-sdk',
    client: CLIENT,
    tokens,
    source,
    whyNoOptIn: WHY_NO_OPT_IN,
  });
}

/**
 * rmcp's tail, for every client built on it: offline_access whenever the authorization server
 * lists it (its registration always asks for refresh tokens), `scope` only when the joined string
 * is not empty (the oauth2 crate), and never a prompt.
 */
export function finishAsRmcp<R extends string>(
  trace: kit.Trace<R | typeof kit.OFFLINE_ACCESS_RULE | typeof kit.PROMPT_CONSENT>,
  documents: kit.DecisionDocuments,
  tail: Omit<kit.ListedTail, 'listing'> & { whyNoOptIn: string },
) {
  const { whyNoOptIn, ...rest } = tail;
  return kit.finishWithListedOfflineAccess(trace, documents, {
    ...rest,
    listing: { requiresOptIn: false, evenWhenEmpty: false, whyNoOptIn },
  });
}

/** The scopes granted before and the challenge's, which `select_base_scopes` starts its union from. */
function recordGrantedAndChallenged(
  trace: kit.Trace<(typeof rule)[number]['rule']>,
  input: kit.ScopeInput,
  previous: readonly string[],
  challenge: readonly string[],
): void {
  if (previous.length > 0) {
    trace.used(
      'previous-scopes',
      `Starts from the scopes granted before: ${kit.showList(previous)}.`,
      'On a 401 the spec selects the scope afresh; rmcp keeps every scope granted before in the union.',
    );
  }
  if (challenge.length > 0) {
    trace.used('challenge-scope', `Adds the challenge's tokens: ${kit.showList(challenge)}.`);
  } else {
    trace.skipped(
      'challenge-scope',
      input.challengeScope === undefined
        ? 'The challenge has no scope parameter.'
        : `The challenge's scope ${kit.show(input.challengeScope)} holds no token.`,
    );
  }
}

/**
 * `select_base_scopes` once the granted and challenged scopes are known: their union with the
 * PRM's `scopes_supported`, else every scope the AS lists, else nothing. Clients built on rmcp
 * (Codex) call it with what they pass to it.
 */
export function rmcpSelectBaseScopes<R extends string>(
  trace: kit.Trace<R | typeof kit.RESOURCE_SCOPES | typeof kit.AUTH_SERVER_SCOPES>,
  documents: kit.DecisionDocuments,
  previous: readonly string[],
  challenge: readonly string[],
  /** Set by a client that already said why the AS list gives nothing, so it is not said twice. */
  authServerTraced = false,
): { tokens: readonly string[]; source: kit.ScopeSource } {
  const resource = documents.resourceScopes;
  const listed = resource.state === 'present' ? resource.value : [];
  if (listed.length > 0) {
    trace.used(
      'resource-scopes',
      `Adds every scope of the protected resource metadata's \`scopes_supported\`: ${kit.showList(listed)}.`,
      challenge.length > 0
        ? "The spec uses the challenge's scope alone; rmcp adds every PRM scope to it, so the token asks for more than the operation needs."
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
  const union = kit.unionOfLists(previous, challenge, listed);
  if (union.length > 0) {
    const source: kit.ScopeSource =
      challenge.length > 0
        ? 'challenge'
        : listed.length > 0
          ? 'resource-metadata'
          : 'step-up-union';
    return { tokens: union, source };
  }

  const authServer = documents.authServerScopes;
  if (authServer.state === 'present' && authServer.value.length > 0) {
    trace.used(
      'auth-server-scopes',
      `Nothing was requested or challenged yet, so rmcp seeds the request with every scope the authorization server lists: ${kit.showList(authServer.value)}.`,
      'The spec omits the scope parameter here; rmcp asks for everything the authorization server offers.',
    );
    return { tokens: [...authServer.value], source: 'authorization-server' };
  }
  if (authServerTraced) return { tokens: [], source: 'none' };
  trace.skipped(
    'auth-server-scopes',
    authServer.state === 'present'
      ? 'The authorization server lists `scopes_supported: []`.'
      : `${kit.capitalise(kit.whyMissing(authServer, 'scopes_supported', 'authorization server metadata'))}.`,
  );
  return { tokens: [], source: 'none' };
}

export const rustSdk: kit.Profile<'rust-sdk'> = {
  id: 'rust-sdk',
  title: 'Rust SDK (rmcp)',
  summary:
    'Configured scope (client metadata `scope`) wins; else the union of granted, challenge and PRM scopes, else every AS scope; offline_access whenever the AS lists it, ignoring the opt-in refresh setting (`grant_types`); step-up unions granted and challenged scopes.',
  group: 'sdk',
  source: {
    name: 'rmcp (modelcontextprotocol/rust-sdk)',
    version: 'rmcp-v3.1.4 @ 4a738b9',
    url: 'https://github.com/modelcontextprotocol/rust-sdk/blob/rmcp-v3.1.4/crates/rmcp/src/transport/auth.rs',
    file: 'crates/rmcp/src/transport/auth.rs',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
