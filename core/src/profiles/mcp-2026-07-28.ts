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
    label: 'insufficient_scope? Union of previous scope and challenge',
    kind: 'step-up',
    cite: CITES.stepUp,
  },
  {
    rule: CHALLENGE_SCOPE,
    label: 'Challenge has a non-empty scope? Use it',
    kind: 'tier',
    cite: CITES.scopeSelection,
  },
  {
    rule: RESOURCE_SCOPES,
    label: 'PRM has scopes_supported? Use all of them',
    kind: 'tier',
    cite: CITES.scopeSelection,
  },
  { rule: OMIT, label: 'Otherwise omit scope', kind: 'omit', cite: CITES.scopeSelection },
  {
    rule: OFFLINE_ACCESS_RULE,
    label: 'AS lists offline_access and client has refresh_token? Append offline_access',
    kind: 'offline-access',
    cite: CITES.refreshTokens,
  },
  {
    rule: PROMPT_CONSENT,
    label: 'prompt=consent is not in the spec (OIDC advice only)',
    kind: 'prompt',
    cite: CITES.oidcOfflineAccess,
  },
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
