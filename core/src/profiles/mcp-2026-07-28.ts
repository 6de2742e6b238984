import {
  CHALLENGE_SCOPE,
  CITES,
  decideBySpec,
  type Profile,
  RESOURCE_SCOPES,
  type SpecRevision,
  stepUpNode,
  tierNode,
  omitNode,
  offlineAccessNode,
  promptNode,
} from './kit.ts';

const rule = [
  stepUpNode('insufficient_scope? Union of previous scope and challenge'),
  tierNode(CHALLENGE_SCOPE, 'Challenge has a non-empty scope? Use it'),
  tierNode(RESOURCE_SCOPES, 'PRM has scopes_supported? Use all of them'),
  omitNode('Otherwise omit scope'),
  offlineAccessNode('AS lists offline_access and client has refresh_token? Append offline_access'),
  promptNode('prompt=consent is not in the spec (OIDC advice only)'),
] as const satisfies SpecRevision['rule'];

const revision: SpecRevision = {
  profile: 'mcp-2026-07-28',
  rule,
  stepUp: 'union',
  refreshTokenGuidance: true,
};

export const mcp20260728: Profile<'mcp-2026-07-28'> = {
  id: 'mcp-2026-07-28',
  title: 'MCP spec 2026-07-28',
  summary:
    'Challenge scope, else every PRM scope, else none; a step-up requests the union with the previous scope; offline_access per SEP-2207.',
  group: 'spec',
  source: {
    name: 'MCP authorization specification',
    version: '2026-07-28 (with SEP-2207 and SEP-2350)',
    url: CITES.scopeSelection.url,
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide: (input) => decideBySpec(input, revision),
};
