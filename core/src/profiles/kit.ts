// The profile kit: everything a client profile is built from, in one import
// (`import * as kit from './kit.ts'`). A profile reads
// the scope through these functions (scope.ts states what each means; the kit hands over the
// fast implementation with the same answers), records steps on a Trace, lists its rule with the
// node constructors and ends with `finish` or a shared tail. core/README.md: adding a profile.

export { CITES } from '../cite.ts';
export {
  FIXED_FALLBACK,
  PREVIOUS_SCOPES,
  REFRESH_GRANT,
  REGISTERED_SCOPES,
  SCOPE_OVERWRITE,
  SORT_ORDINAL,
  UNORDERED_SET,
} from '../decision/client-rule-ids.ts';
export { finish } from '../decision/finish.ts';
export type { Chosen } from '../decision/finish.ts';
export { finishWithListedOfflineAccess } from '../decision/listed-tail.ts';
export type { ListedTail } from '../decision/listed-tail.ts';
export { neverAddsOfflineAccess, neverSetsPrompt } from '../decision/never-offline-access.ts';
export { appendOfflineAccessIfListed } from '../decision/offline-access-by-listing.ts';
export {
  OFFLINE_ACCESS,
  REFRESH_TOKEN,
  addedDetail,
  listIncludes,
  offlineAccessOutcome,
  recordOfflineAccessKept,
  unmetConditions,
} from '../decision/offline-access.ts';
export { selectWithOrChain } from '../decision/or-chain.ts';
export { readDecisionDocuments, valueOf, whyMissing } from '../decision/read-documents.ts';
export type { DecisionDocuments } from '../decision/read-documents.ts';
export {
  AUTH_SERVER_SCOPES,
  CHALLENGE_SCOPE,
  CLIENT_SCOPE,
  OFFLINE_ACCESS_RULE,
  OMIT,
  PROMPT_CONSENT,
  RESOURCE_SCOPES,
  STEP_UP,
} from '../decision/rule-ids.ts';
export {
  offlineAccessNode,
  omitNode,
  promptNode,
  stepUpNode,
  tierNode,
  transformNode,
} from '../decision/rule-nodes.ts';
export { decideBySpec } from '../decision/spec-selection.ts';
export type { SpecRevision } from '../decision/spec-selection.ts';
export { Trace } from '../decision/trace.ts';
export { isJsonObject } from '../schemas/lenient.ts';
export { capitalise, show, showJoined, showList, showScope } from '../text/describe.ts';
export { sortedOrdinal } from '../text/ordinal-sort.ts';
export {
  distinctEntries,
  entriesNotScopeTokens,
  hasAnyToken,
  hasSpaceSeparatedToken,
  hasToken,
  includesEntry,
  joinScope,
  scopeTokens,
  unionOfLists,
  unionTokens,
  uniqueTokens,
} from '../text/scope-fast.ts';
export type { Profile, RuleNode, ScopeInput, ScopeSource } from '../types.ts';
export type { JoinedParts } from '../text/scope-fast.ts';
