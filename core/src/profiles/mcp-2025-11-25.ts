import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode('insufficient_scope? Select again from the new challenge', kit.CITES.stepUp2025),
  kit.tierNode(
    kit.CHALLENGE_SCOPE,
    'Challenge has a non-empty scope? Use it',
    kit.CITES.scopeSelection2025,
  ),
  kit.tierNode(
    kit.RESOURCE_SCOPES,
    'PRM has scopes_supported? Use all of them',
    kit.CITES.scopeSelection2025,
  ),
  kit.omitNode('Otherwise omit scope', kit.CITES.scopeSelection2025),
  kit.offlineAccessNode(
    'Never adds offline_access (SEP-2207 came later)',
    kit.CITES.scopeSelection2025,
  ),
  kit.promptNode('prompt=consent is not in the spec (OIDC advice only)'),
] as const satisfies kit.SpecRevision['rule'];

const revision: kit.SpecRevision = {
  profile: 'mcp-2025-11-25',
  rule,
  stepUp: 'select-again',
  refreshTokenGuidance: false,
};

export const mcp20251125: kit.Profile<'mcp-2025-11-25'> = {
  id: 'mcp-2025-11-25',
  title: 'MCP spec 2025-11-25',
  summary:
    'Challenge scope, else every PRM scope, else none; a step-up selects again from the new challenge alone; no offline_access.',
  group: 'spec',
  source: {
    name: 'MCP authorization specification',
    version: '2025-11-25',
    url: kit.CITES.scopeSelection2025.url,
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide: (input) => kit.decideBySpec(input, revision),
};
