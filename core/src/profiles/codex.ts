import * as kit from './kit.ts';
import { finishAsRmcp, rmcpSelectBaseScopes } from './rust-sdk.ts';

const rule = [
  kit.stepUpNode('No automatic step-up: a new login asks for the same scopes'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Challenge scope is never read'),
  kit.tierNode(kit.CLIENT_SCOPE, '--scopes or configured scopes? Use them (even an empty list)'),
  kit.tierNode(kit.AUTH_SERVER_SCOPES, 'Else the AS scopes_supported, trimmed and de-duplicated'),
  kit.tierNode(
    kit.RESOURCE_SCOPES,
    'Nothing passed? rmcp picks PRM scopes_supported, then the AS list',
  ),
  kit.omitNode('Still empty? Send no scope'),
  kit.offlineAccessNode('rmcp: non-empty and AS lists offline_access? Append it'),
  kit.promptNode('Never sets prompt'),
] as const satisfies readonly kit.RuleNode[];

const WHY_NO_OPT_IN = 'Codex registers through rmcp, which always requests the refresh_token grant';

/** Codex's `normalize_scopes`: entries trimmed, blank ones dropped, each kept once. */
function normalise(scopes: readonly string[]): string[] {
  return kit.uniqueTokens(scopes.map((scope) => scope.trim()).filter((scope) => scope !== ''));
}

/**
 * `codex mcp login`: `resolve_oauth_scopes` takes `--scopes`, then the server's configured
 * `scopes` (an explicitly empty list counts), then the "discovered" AS `scopes_supported`
 * (normalised), and passes the result to rmcp 3.x. A fresh `AuthorizationManager` that never saw
 * the challenge then uses a non-empty list as it is, or auto-selects from the PRM and the AS.
 * Read file by file from the code index, with the rmcp version deduced from the API it calls:
 * the profile is inferred.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const challenge = kit.scopeTokens(input.challengeScope);

  if (input.challengeError === 'insufficient_scope') {
    trace.notApplied(
      'step-up',
      'Codex does not step up by itself: the 403 insufficient_scope surfaces as an error, and `codex mcp login` computes the same scopes as below.',
      challenge.length > 0
        ? 'The spec re-authorizes with the challenged scopes; Codex never asks for them.'
        : undefined,
    );
  }
  trace.skipped(
    'challenge-scope',
    'The login starts a fresh discovery that never reads the challenge, so its scope plays no part.',
    challenge.length > 0
      ? "The spec's first source is the challenge's scope; Codex ignores it."
      : undefined,
  );

  let tokens: readonly string[] = [];
  let source: kit.ScopeSource = 'none';
  const client = documents.clientScope;
  if (client.state === 'present') {
    tokens = kit.scopeTokens(client.value);
    source = 'client-metadata';
    trace.used(
      'client-scope',
      tokens.length > 0
        ? `Uses the configured scopes (\`--scopes\` or the server's \`scopes\`, modelled as the client metadata's \`scope\`): ${kit.showList(tokens)}.`
        : 'The configured scopes are an empty list, which Codex keeps: it passes no scopes and lets rmcp choose.',
      tokens.length > 0 ? 'The spec has no configured-scope source.' : undefined,
    );
  } else {
    trace.skipped(
      'client-scope',
      `${kit.capitalise(kit.whyMissing(client, 'scope', 'client metadata'))}, so no scopes are configured.`,
    );
    const authServer = documents.authServerScopes;
    const discovered = authServer.state === 'present' ? normalise(authServer.value) : [];
    if (discovered.length > 0) {
      tokens = discovered;
      source = 'authorization-server';
      trace.used(
        'auth-server-scopes',
        `Uses every scope the authorization server lists, trimmed and de-duplicated: ${kit.showList(discovered)}. If the authorization server then rejects them, Codex retries once with no scopes, which lets rmcp choose.`,
        'The spec takes the challenge, else the PRM, and never the whole authorization server list; Codex asks for everything the authorization server offers.',
      );
    } else {
      trace.skipped(
        'auth-server-scopes',
        authServer.state === 'present'
          ? 'The authorization server lists no usable scope, so Codex passes none.'
          : `${kit.capitalise(kit.whyMissing(authServer, 'scopes_supported', 'authorization server metadata'))}, so Codex passes no scopes.`,
      );
    }
  }

  // Handed no scopes, rmcp selects them as it would before any challenge: nothing granted, nothing
  // challenged. Codex has said already why the AS list gave nothing when it read that list.
  if (tokens.length === 0) {
    const authServerTraced = client.state !== 'present';
    ({ tokens, source } = rmcpSelectBaseScopes(trace, documents, [], [], authServerTraced));
  }
  if (tokens.length === 0) {
    trace.applied('omit', 'Nothing was selected, so the request carries no scope parameter.');
  }

  return finishAsRmcp(trace, documents, {
    profile: 'codex',
    client: 'Codex',
    tokens,
    source,
    whyNoOptIn: WHY_NO_OPT_IN,
  });
}

export const codex: kit.Profile<'codex'> = {
  id: 'codex',
  title: 'Codex CLI',
  summary:
    'Configured scopes (client metadata `scope`), else every AS scope, else rmcp’s pick (PRM, then AS); never reads the challenge; offline_access as rmcp, ignoring the opt-in refresh setting (`grant_types`); no automatic step-up.',
  group: 'application',
  source: {
    name: 'Codex CLI (openai/codex, codex-rs) on rmcp 3.x',
    version: 'main as indexed, codex-mcp/src/mcp/auth.rs @ 08e9165',
    url: 'https://github.com/openai/codex/blob/08e916598345c4e0d372e3c699bd6059c5b8c000/codex-rs/codex-mcp/src/mcp/auth.rs',
    file: 'codex-rs/codex-mcp/src/mcp/auth.rs',
    checked: '2026-11-26',
    confidence: 'inferred',
  },
  rule,
  decide,
};
