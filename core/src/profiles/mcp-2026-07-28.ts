import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('insufficient_scope? Union of previous scope and challenge'),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Challenge has a non-empty scope? Use it'),
  kit.tierNode(kit.RESOURCE_SCOPES, 'PRM has scopes_supported? Use all of them'),
  kit.omitNode('Otherwise omit scope'),
  kit.offlineAccessNode(
    'AS lists offline_access and client has refresh_token? Append offline_access',
  ),
  kit.promptNode('prompt=consent is not in the spec (OIDC advice only)'),
] as const satisfies kit.SpecRevision['rule'];

const revision: kit.SpecRevision = {
  profile: 'mcp-2026-07-28',
  rule,
  stepUp: 'union',
  refreshTokenGuidance: true,
};

export const mcp20260728: kit.Profile<'mcp-2026-07-28'> = {
  id: 'mcp-2026-07-28',
  title: 'MCP spec 2026-07-28',
  summary:
    'Challenge scope, else every PRM scope, else none; a step-up requests the union with the previous scope; offline_access per SEP-2207.',
  group: 'spec',
  source: {
    name: 'MCP authorization specification',
    version: '2026-07-28 (with SEP-2207 and SEP-2350)',
    url: kit.CITES.scopeSelection.url,
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide: (input) => kit.decideBySpec(input, revision),
};
