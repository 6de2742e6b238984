import { CITES } from '../cite.ts';
import {
  CHALLENGE_SCOPE,
  OFFLINE_ACCESS_RULE,
  OMIT,
  PROMPT_CONSENT,
  RESOURCE_SCOPES,
  STEP_UP,
} from '../decision/rule-ids.ts';
import { decideBySpec, type SpecRevision } from '../decision/spec-selection.ts';
import type { Profile } from '../types.ts';

const rule = [
  {
    rule: STEP_UP,
    label: 'insufficient_scope? Select again from the new challenge',
    kind: 'step-up',
    cite: CITES.stepUp2025,
  },
  {
    rule: CHALLENGE_SCOPE,
    label: 'Challenge has a non-empty scope? Use it',
    kind: 'tier',
    cite: CITES.scopeSelection2025,
  },
  {
    rule: RESOURCE_SCOPES,
    label: 'PRM has scopes_supported? Use all of them',
    kind: 'tier',
    cite: CITES.scopeSelection2025,
  },
  { rule: OMIT, label: 'Otherwise omit scope', kind: 'omit', cite: CITES.scopeSelection2025 },
  {
    rule: OFFLINE_ACCESS_RULE,
    label: 'Never adds offline_access (SEP-2207 came later)',
    kind: 'offline-access',
    cite: CITES.scopeSelection2025,
  },
  {
    rule: PROMPT_CONSENT,
    label: 'prompt=consent is not in the spec (OIDC advice only)',
    kind: 'prompt',
    cite: CITES.oidcOfflineAccess,
  },
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
