import * as kit from './kit.ts';
import { pythonSdk } from './python-sdk.ts';

const rule = [
  kit.tierNode(kit.CLIENT_SCOPE, 'scopes= is overwritten by the SDK’s selection'),
  kit.transformNode(
    kit.REFRESH_GRANT,
    'Always registers grant_types with refresh_token',
    kit.CITES.refreshTokens,
  ),
  ...pythonSdk.rule,
] as const satisfies readonly kit.RuleNode[];

/** What `OAuth._bind` registers, whatever the caller configured. */
const FASTMCP_GRANT_TYPES = ['authorization_code', kit.REFRESH_TOKEN];

/** The client metadata FastMCP hands the SDK: the caller's, with its fixed `grant_types`. */
function fastmcpClientMetadata(clientMetadata: unknown): Record<string, unknown> {
  const base = kit.isJsonObject(clientMetadata) ? { ...clientMetadata } : {};
  return { ...base, grant_types: FASTMCP_GRANT_TYPES };
}

/**
 * FastMCP's `OAuth` provider (main, on `mcp` 2.0.0): an `OAuthClientProvider` of the Python SDK
 * whose client metadata always lists the refresh_token grant and carries the caller's `scopes=`
 * as `scope`, which the SDK replaces with its own selection when the server first answers 401.
 * Everything else is the Python SDK's decision.
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  const configured = kit.valueOf(documents.clientScope);
  if (kit.hasAnyToken(configured)) {
    trace.skipped(
      'client-scope',
      `FastMCP writes the configured scopes= (modelled as the client metadata's \`scope\`, ${kit.show(configured ?? '')}) into the client metadata, but the SDK overwrites that value with its own selection, so it never reaches the authorization request.`,
    );
  }
  if (!kit.listIncludes(documents.grantTypes, kit.REFRESH_TOKEN)) {
    trace.applied(
      'refresh-grant',
      'FastMCP registers `grant_types` authorization_code and refresh_token whatever the client metadata says, so the opt-in refresh setting is always on.',
    );
  }
  const python = pythonSdk.decide({
    ...input,
    clientMetadata: fastmcpClientMetadata(input.clientMetadata),
  });
  return { ...python, profile: 'fastmcp' as const, steps: [...trace.steps, ...python.steps] };
}

export const fastmcp: kit.Profile<'fastmcp'> = {
  id: 'fastmcp',
  title: 'FastMCP',
  summary:
    'The Python SDK’s choice (challenge, else PRM, else every AS scope; empty values stop the fallback); its configured scopes= (client metadata `scope`) are overwritten, and it always opts in to refresh (`grant_types` with refresh_token), so offline_access follows the AS.',
  group: 'sdk',
  source: {
    name: 'fastmcp (PrefectHQ/fastmcp) on mcp 2.0.0',
    version: 'main @ 743ddff (4.0 beta line; 3.4.7 pins mcp 1.26.0 without offline_access)',
    url: 'https://github.com/PrefectHQ/fastmcp/blob/743ddffd0a0722858a1eec6ebf93b9e315d75b96/fastmcp_slim/fastmcp/client/auth/oauth.py',
    file: 'fastmcp_slim/fastmcp/client/auth/oauth.py',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
