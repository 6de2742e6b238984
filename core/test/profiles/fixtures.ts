import type { ScopeDecision } from '../../src/index.ts';

/** Documents the vectors combine; each is the smallest one that exercises a rule. */
export const PRM = (scopes?: unknown) =>
  scopes === undefined
    ? {
        resource: 'https://mcp.example.com/mcp',
        authorization_servers: ['https://auth.example.com'],
      }
    : {
        resource: 'https://mcp.example.com/mcp',
        authorization_servers: ['https://auth.example.com'],
        scopes_supported: scopes,
      };

export const AS = (scopes?: unknown) =>
  scopes === undefined
    ? { issuer: 'https://auth.example.com' }
    : { issuer: 'https://auth.example.com', scopes_supported: scopes };

export const AS_OFFLINE = AS(['mcp:read', 'mcp:write', 'offline_access']);

export const CLIENT = (fields: Record<string, unknown> = {}) => ({
  client_name: 'Example',
  redirect_uris: ['http://localhost:5173/callback'],
  ...fields,
});

export const REFRESHING = CLIENT({ grant_types: ['authorization_code', 'refresh_token'] });
export const NOT_REFRESHING = CLIENT({ grant_types: ['authorization_code'] });

/** The parts of a decision a vector states, so a failing vector shows only what matters. */
export function outcome(decision: ScopeDecision) {
  return {
    scope: decision.scope,
    source: decision.source,
    offlineAccess: decision.offlineAccess,
    promptConsent: decision.promptConsent,
  };
}

/** The path a decision took: `rule:outcome` for each step. */
export function path(decision: ScopeDecision): string[] {
  return decision.steps.map((step) => `${step.rule}:${step.outcome}`);
}
