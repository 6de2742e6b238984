import type { ProfileId, ScopeDecision, ScopeSource } from '../types.ts';
import { hasToken } from '../text/scope-fast.ts';
import { finish } from './finish.ts';
import { neverSetsPrompt } from './never-offline-access.ts';
import { appendOfflineAccessIfListed, type ListingRule } from './offline-access-by-listing.ts';
import { OFFLINE_ACCESS } from './offline-access.ts';
import type { DecisionDocuments } from './read-documents.ts';
import type { OFFLINE_ACCESS_RULE, PROMPT_CONSENT } from './rule-ids.ts';
import type { Trace } from './trace.ts';

export interface ListedTail {
  profile: ProfileId;
  /** The client's name in the trace, e.g. 'rmcp'. */
  client: string;
  /** The tokens the client selected, in the order it sends them. */
  tokens: readonly string[];
  source: ScopeSource;
  listing: ListingRule;
}

/**
 * The tail the SDKs built on an OAuth library without a prompt share (rmcp, C#, Codex): append
 * offline_access when the authorization server lists it, leave an empty scope out, never send a
 * prompt, finish. offline_access sent alone takes the authorization server as its source.
 */
export function finishWithListedOfflineAccess<R extends string>(
  trace: Trace<R | typeof OFFLINE_ACCESS_RULE | typeof PROMPT_CONSENT>,
  documents: DecisionDocuments,
  tail: ListedTail,
): ScopeDecision {
  const offline = appendOfflineAccessIfListed(trace, tail.tokens, documents, tail.listing);
  const alone = offline.outcome === 'added' && tail.tokens.length === 0;
  return finish(trace, {
    profile: tail.profile,
    parts: offline.parts,
    source: alone ? 'authorization-server' : tail.source,
    offlineAccess: offline.outcome,
    explain(scope) {
      // Added or present means the scope has it; otherwise look, without joining twice.
      const asks = offline.outcome !== 'not-added' || hasToken(scope, OFFLINE_ACCESS);
      neverSetsPrompt(trace, asks, tail.client);
      return false;
    },
  });
}
