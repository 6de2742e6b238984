import type { ProfileId, RuleNode, ScopeDecision, ScopeInput, ScopeSource } from '../types.ts';
import { capitalise, show, showJoined, showScope } from '../text/describe.ts';
import {
  addedDetail,
  listIncludes,
  OFFLINE_ACCESS,
  offlineAccessOutcome,
  REFRESH_TOKEN,
  recordOfflineAccessKept,
} from './offline-access.ts';
import { readDecisionDocuments, whyMissing } from './read-documents.ts';
import type {
  CHALLENGE_SCOPE,
  OFFLINE_ACCESS_RULE,
  OMIT,
  PROMPT_CONSENT,
  RESOURCE_SCOPES,
  STEP_UP,
} from './rule-ids.ts';
import {
  distinctListTokens,
  duplicateTokens,
  hasAnyToken,
  includesEntry,
  scopeTokens,
  unionTokens,
  uniqueTokens,
} from '../text/scope-fast.ts';
import { finish } from './finish.ts';
import { Trace } from './trace.ts';

export type SpecRuleId =
  | typeof STEP_UP
  | typeof CHALLENGE_SCOPE
  | typeof RESOURCE_SCOPES
  | typeof OMIT
  | typeof OFFLINE_ACCESS_RULE
  | typeof PROMPT_CONSENT;

/** What differs between the revisions of the MCP authorization spec. */
export interface SpecRevision {
  profile: ProfileId;
  /** Rule nodes of the revision, in order; steps take their citations from here. */
  rule: readonly (RuleNode & { readonly rule: SpecRuleId })[];
  /** 2026-07-28 unions the previous scope with the challenge; 2025-11-25 selects again. */
  stepUp: 'union' | 'select-again';
  /** Whether the revision includes SEP-2207's refresh-token guidance. */
  refreshTokenGuidance: boolean;
}

/**
 * The Scope Selection Strategy as the spec words it, token by token: the challenge's scope,
 * else every scope of the PRM's `scopes_supported`, else no scope parameter. A spec-following
 * client never sends a token twice, so values are de-duplicated and the trace says when.
 */
export function decideBySpec(input: ScopeInput, revision: SpecRevision): ScopeDecision {
  const trace = new Trace(revision.rule);
  const documents = readDecisionDocuments(input);
  // The selected tokens, joined into the scope only at the end, by the finish step: the trace and
  // the offline_access check read the tokens, and the text is built once.
  let selected = false;
  let tokens: readonly string[] = [];
  let source: ScopeSource = 'none';

  if (input.challengeError === 'insufficient_scope') {
    if (revision.stepUp === 'union') {
      const union = unionTokens(input.previousScope, input.challengeScope);
      if (union.length > 0) {
        tokens = union;
        selected = true;
        source = 'step-up-union';
        trace.applied(
          'step-up',
          `The server answered insufficient_scope, so the client requests the union of its previous scope (${showScope(input.previousScope)}) and the challenge's scope (${showScope(input.challengeScope)}), previous tokens first: ${showJoined(union)}.`,
        );
      } else {
        trace.notApplied(
          'step-up',
          'The server answered insufficient_scope, but neither the previous scope nor the challenge has a scope token, so the ordinary selection below decides.',
        );
      }
    } else {
      trace.applied(
        'step-up',
        `The server answered insufficient_scope; this revision determines the scope again from the new challenge, so the previous scope (${showScope(input.previousScope)}) is not carried over.`,
      );
    }
  } else if (hasAnyToken(input.previousScope)) {
    trace.notApplied(
      'step-up',
      `The challenge is not an insufficient_scope error, so this is not a step-up and the previous scope (${showScope(input.previousScope)}) plays no part.`,
    );
  }

  if (!selected) {
    const challenge = scopeTokens(input.challengeScope);
    if (input.challengeScope === undefined) {
      trace.skipped('challenge-scope', 'The challenge has no scope parameter.');
    } else if (challenge.length === 0) {
      trace.skipped(
        'challenge-scope',
        `The challenge's scope ${show(input.challengeScope)} holds no scope token; an empty value counts as not provided, so the next source decides.`,
      );
    } else {
      tokens = uniqueTokens(challenge);
      selected = true;
      source = 'challenge';
      trace.used(
        'challenge-scope',
        usedDetail("the challenge's `scope`", tokens, duplicateTokens(challenge)),
      );
    }
  }

  let omitReason: string | undefined;
  if (!selected) {
    const read = documents.resourceScopes;
    if (read.state !== 'present') {
      trace.skipped(
        'resource-scopes',
        `${capitalise(whyMissing(read, 'scopes_supported', 'protected resource metadata'))}, so it offers no scopes.`,
      );
      omitReason =
        'Neither the challenge nor the protected resource metadata names a scope, so the client sends no scope parameter and the authorization server applies its default.';
    } else {
      const listed = distinctListTokens(read.value);
      if (listed.tokens.length === 0) {
        trace.skipped(
          'resource-scopes',
          '`scopes_supported` in the protected resource metadata is an empty list, which means the scope parameter is omitted.',
        );
        omitReason =
          'An empty `scopes_supported` leaves nothing to request, so the client sends no scope parameter.';
      } else {
        tokens = listed.tokens;
        selected = true;
        source = 'resource-metadata';
        trace.used(
          'resource-scopes',
          usedDetail(
            'every scope in the protected resource metadata’s `scopes_supported`',
            tokens,
            listed.repeated,
          ),
        );
      }
    }
  }
  if (omitReason !== undefined) trace.applied('omit', omitReason);

  const conditions = {
    scopeSelected: selected,
    authServerLists: listIncludes(documents.authServerScopes, OFFLINE_ACCESS),
    clientRefreshes: listIncludes(documents.grantTypes, REFRESH_TOKEN),
    alreadyPresent: includesEntry(tokens, OFFLINE_ACCESS),
  };
  let offlineAccess: ScopeDecision['offlineAccess'];
  if (!revision.refreshTokenGuidance) {
    offlineAccess = conditions.alreadyPresent ? 'already-present' : 'not-added';
    trace.notApplied(
      'offline-access',
      `This revision predates the refresh-token guidance (SEP-2207), so a client following it never adds offline_access${conditions.alreadyPresent ? '; the selected scope already has it' : ''}.`,
    );
  } else {
    offlineAccess = offlineAccessOutcome(conditions);
    if (offlineAccess === 'added') {
      trace.applied('offline-access', addedDetail(showJoined(tokens, OFFLINE_ACCESS)));
    } else {
      recordOfflineAccessKept(trace, offlineAccess, conditions, documents, 'The selected scope');
    }
  }

  return finish(trace, {
    profile: revision.profile,
    parts:
      offlineAccess === 'added'
        ? { entries: tokens, appended: OFFLINE_ACCESS }
        : selected
          ? { entries: tokens }
          : undefined,
    source,
    offlineAccess,
    explain() {
      trace.notApplied(
        'prompt-consent',
        offlineAccess !== 'not-added'
          ? 'The MCP spec does not ask for prompt=consent, but an OpenID provider ignores offline_access without it (OpenID Connect Core §11), so a client talking to one may add it.'
          : 'No offline_access is requested, so no prompt parameter is needed.',
      );
      return false;
    },
  });
}

function usedDetail(from: string, tokens: readonly string[], repeated: readonly string[]): string {
  const note =
    repeated.length > 0
      ? `, sending each token once (${repeated.slice(0, 5).join(', ')}${repeated.length > 5 ? ', …' : ''} appeared more than once)`
      : '';
  return `Uses ${from}: ${showJoined(tokens)}${note}.`;
}
