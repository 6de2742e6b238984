import type { ProfileId, ScopeDecision, ScopeSource } from '../types.ts';
import { joinScope, type JoinedParts } from '../text/scope-fast.ts';
import { withJoinedParts } from './joined-scope.ts';
import type { Trace } from './trace.ts';

/** What a profile chose, before it becomes text. */
export interface Chosen {
  profile: ProfileId;
  /** The chosen tokens and what the profile appends to them; undefined when it chose nothing. */
  parts: JoinedParts | undefined;
  /** Where the scope came from, when one is sent. */
  source: ScopeSource;
  offlineAccess: ScopeDecision['offlineAccess'];
  /** Most clients leave an empty joined scope out; the Go SDK sends it. */
  sendsEmpty?: boolean;
  /**
   * Records the steps that read the scope as sent (the omission, the prompt) and says whether
   * the request carries prompt=consent. `joined` is the text before an empty one is left out.
   */
  explain(scope: string | undefined, joined: string | undefined): boolean;
}

/**
 * The shared last step of a decision: joins the chosen parts into the scope (one join for every
 * profile, so none picks a strategy), lets the profile explain what it sends, records the parts
 * for readers that answer from them (joined-scope.ts) and closes the trace.
 */
export function finish<R extends string>(trace: Trace<R>, chosen: Chosen): ScopeDecision {
  const joined = chosen.parts === undefined ? undefined : joinScope(chosen.parts);
  const scope = joined === '' && chosen.sendsEmpty !== true ? undefined : joined;
  const promptConsent = chosen.explain(scope, joined);
  const decision = trace.finish({
    profile: chosen.profile,
    scope,
    source: scope === undefined ? 'none' : chosen.source,
    offlineAccess: chosen.offlineAccess,
    promptConsent,
  });
  return chosen.parts === undefined ? decision : withJoinedParts(decision, chosen.parts);
}
