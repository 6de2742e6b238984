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
  stepUpNode('insufficient_scope? Select again from the new challenge', CITES.stepUp2025),
  tierNode(CHALLENGE_SCOPE, 'Challenge has a non-empty scope? Use it', CITES.scopeSelection2025),
  tierNode(RESOURCE_SCOPES, 'PRM has scopes_supported? Use all of them', CITES.scopeSelection2025),
  omitNode('Otherwise omit scope', CITES.scopeSelection2025),
  offlineAccessNode('Never adds offline_access (SEP-2207 came later)', CITES.scopeSelection2025),
  promptNode('prompt=consent is not in the spec (OIDC advice only)'),
] as const satisfies SpecRevision['rule'];

const revision: SpecRevision = {
  profile: 'mcp-2025-11-25',
  rule,
  stepUp: 'select-again',
  refreshTokenGuidance: false,
};

export const mcp20251125: Profile<'mcp-2025-11-25'> = {
  id: 'mcp-2025-11-25',
  title: 'MCP spec 2025-11-25',
  summary:
    'Challenge scope, else every PRM scope, else none; a step-up selects again from the new challenge alone; no offline_access.',
  group: 'spec',
  source: {
    name: 'MCP authorization specification',
    version: '2025-11-25',
    url: CITES.scopeSelection2025.url,
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide: (input) => decideBySpec(input, revision),
};
