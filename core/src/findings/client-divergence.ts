import { CITES } from '../cite.ts';
import { compareProfiles } from '../api/determine.ts';
import { show } from '../text/describe.ts';
import { OFFLINE_ACCESS } from '../decision/offline-access.ts';
import { scopeHasOnlyToken } from '../decision/joined-scope.ts';
import { hasToken, scopeTokens } from '../text/scope-fast.ts';
import { PROFILES } from '../profiles/index.ts';
import type { ScopeDecision, ScopeInput } from '../types.ts';
import { hit, NO_HITS, type FindingRule, type LintContext } from './rule.ts';

// Findings about what real clients would do with this configuration. Which clients are affected
// is never written down here: each rule runs every client profile on the scenario and names the
// ones whose decision shows the problem, so a profile that changes changes the finding with it.

/** What the clients read from a lint context: the documents and the Bearer challenge. */
function inputOf(context: LintContext): ScopeInput {
  return {
    challengeScope: context.challenge?.params.scope,
    challengeError: context.challenge?.params.error,
    resourceMetadata: context.resource,
    authServerMetadata: context.authServer,
    clientMetadata: context.client,
  };
}

/** Every profile's decision on the scenario's first request, computed once per lint. */
const decisionsByContext = new WeakMap<LintContext, readonly ScopeDecision[]>();

function decisions(context: LintContext): readonly ScopeDecision[] {
  const known = decisionsByContext.get(context);
  if (known !== undefined) return known;
  const computed = compareProfiles(inputOf(context));
  decisionsByContext.set(context, computed);
  return computed;
}

/** Each profile by id: the rules look a profile up for every decision of every lint. */
const PROFILE_BY_ID = new Map(PROFILES.map((profile) => [profile.id, profile]));

/** Client profiles (not the spec revisions) whose decision passes `test`. */
function affectedClients(
  context: LintContext,
  test: (decision: ScopeDecision) => boolean,
): ScopeDecision[] {
  return decisions(context).filter((decision) => {
    const profile = PROFILE_BY_ID.get(decision.profile);
    return profile !== undefined && profile.group !== 'spec' && test(decision);
  });
}

/** "VS Code, Python SDK and mcp-remote": the titles of the profiles behind the decisions. */
export function clientNames(affected: readonly ScopeDecision[]): string {
  const names = affected.map(
    (decision) => PROFILE_BY_ID.get(decision.profile)?.title ?? decision.profile,
  );
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The verb for the clients named: "requests" after one, "request" after several. */
function agree(affected: readonly ScopeDecision[], one: string, several: string): string {
  return affected.length === 1 ? one : several;
}

const everyAuthServerScope: FindingRule = {
  id: 'prm/clients-request-every-as-scope',
  severity: 'warning',
  subject: 'resource-metadata',
  cite: CITES.scopeSelection,
  check: (context) => {
    if (!context.resource || context.resource.scopes_supported !== undefined) return NO_HITS;
    // Taking the AS list, not just an offline_access the AS offers (as/offline-access-alone).
    const takers = affectedClients(
      context,
      (decision) =>
        decision.source === 'authorization-server' &&
        scopeTokens(decision.scope).some((token) => token !== OFFLINE_ACCESS),
    );
    if (takers.length === 0) return NO_HITS;
    // Only the clients that a PRM `scopes_supported` would stop: some take the AS list anyway.
    const listed = compareProfiles({
      ...inputOf(context),
      resourceMetadata: { ...context.resource, scopes_supported: ['mcp:example'] },
    });
    const affected = takers.filter(
      (taker) =>
        listed.find((decision) => decision.profile === taker.profile)?.source !==
        'authorization-server',
    );
    if (affected.length === 0) return NO_HITS;
    const offered = context.authServer?.scopes_supported ?? [];
    return hit(
      `Add \`scopes_supported\` with the scopes your MCP server needs, because without it ${clientNames(affected)} ${agree(affected, 'requests', 'request')} every scope the authorization server lists (${show(offered.join(' '))}) instead of none, which an openid-only or admin-scoped authorization server refuses or over-grants.`,
      ['scopes_supported'],
    );
  },
};

const offlineAccessAlone: FindingRule = {
  id: 'as/offline-access-alone',
  severity: 'warning',
  subject: 'auth-server-metadata',
  cite: CITES.refreshTokens,
  check: (context) => {
    // Token-wise "offline_access and nothing else", without splitting a scope that may be 1 MB,
    // and from the list it joins when the profile says so, without reading its text at all.
    const affected = affectedClients(context, (decision) =>
      scopeHasOnlyToken(decision, OFFLINE_ACCESS),
    );
    if (affected.length === 0) return NO_HITS;
    const index = context.authServer?.scopes_supported?.indexOf(OFFLINE_ACCESS) ?? -1;
    return hit(
      `Give clients an MCP scope to request, as a non-empty \`scope\` in the challenge or in the protected resource metadata's \`scopes_supported\`, because ${clientNames(affected)} ${agree(affected, 'requests', 'request')} offline_access alone when it is the only scope left to ask for: a refresh token and no access to your MCP server's scopes.`,
      index < 0 ? ['scopes_supported'] : ['scopes_supported', index],
    );
  },
};

const stepUpScopeIgnored: FindingRule = {
  id: 'www-authenticate/step-up-scope-ignored',
  severity: 'warning',
  subject: 'www-authenticate',
  cite: CITES.stepUp,
  check: (context) => {
    const challenge = context.challenge;
    if (challenge?.params.error !== 'insufficient_scope') return NO_HITS;
    const wanted = scopeTokens(challenge.params.scope);
    if (wanted.length === 0) return NO_HITS;
    const affected = affectedClients(context, (decision) =>
      wanted.some((token) => !hasToken(decision.scope, token)),
    );
    if (affected.length === 0) return NO_HITS;
    return hit(
      `Also list ${show(wanted.join(' '))} in the protected resource metadata's \`scopes_supported\`, so clients get it on their first authorization, because ${clientNames(affected)} ${agree(affected, 'does', 'do')} not request the scope of an insufficient_scope challenge and would fail the same way again.`,
    );
  },
};

/** Registered after the document rules: these read what the clients decide from them. */
export const CLIENT_DIVERGENCE_RULES: readonly FindingRule[] = [
  stepUpScopeIgnored,
  everyAuthServerScope,
  offlineAccessAlone,
];
