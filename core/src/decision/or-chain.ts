import type { ScopeSource } from '../types.ts';
import { capitalise, show, showList } from '../text/describe.ts';
import { valueOf, whyMissing, type DecisionDocuments } from './read-documents.ts';
import type { CHALLENGE_SCOPE, CLIENT_SCOPE, RESOURCE_SCOPES } from './rule-ids.ts';
import { hasAnyToken, joinScope, type JoinedParts } from '../text/scope-fast.ts';
import type { Trace } from './trace.ts';

type OrChainRuleId = typeof CHALLENGE_SCOPE | typeof RESOURCE_SCOPES | typeof CLIENT_SCOPE;

export interface OrChainResult {
  /** The value the chain evaluates to: possibly `""`, which the SDK then leaves out. */
  scope: string | undefined;
  source: ScopeSource;
  /** `scope` as the parts the finish step joins (one value, or the `scopes_supported` list). */
  parts: JoinedParts | undefined;
}

/**
 * The TypeScript SDKs' selection, `requested || scopes_supported.join(' ') || clientMetadata.scope`:
 * JavaScript's `||` skips every falsy value, so `""` and an empty `scopes_supported` fall through
 * to the client's own configured scope, a source the spec does not have.
 */
export function selectWithOrChain<R extends string>(
  trace: Trace<R | OrChainRuleId>,
  documents: DecisionDocuments,
  requested: { value: string | undefined; source: ScopeSource; whyMissing: string },
): OrChainResult {
  if (requested.value) {
    trace.used('challenge-scope', `Uses the requested scope ${show(requested.value)}.`);
    return {
      scope: requested.value,
      source: requested.source,
      parts: { entries: [requested.value] },
    };
  }
  trace.skipped('challenge-scope', requested.whyMissing);

  const resource = documents.resourceScopes;
  const listed = resource.state === 'present' ? { entries: resource.value } : undefined;
  const joined = listed === undefined ? undefined : joinScope(listed);
  if (joined && resource.state === 'present') {
    trace.used(
      'resource-scopes',
      `Uses the protected resource metadata's \`scopes_supported\` joined with spaces: ${show(joined)}.`,
    );
    return { scope: joined, source: 'resource-metadata', parts: listed };
  }
  if (resource.state === 'present') {
    trace.skipped(
      'resource-scopes',
      `\`scopes_supported\` ${showList(resource.value)} joins to an empty string, which \`||\` treats as missing, so the next source is tried.`,
      !hasAnyToken(joined)
        ? 'The spec omits the scope parameter when scopes_supported is empty; this SDK falls through to its own configured scope instead.'
        : undefined,
    );
  } else {
    trace.skipped(
      'resource-scopes',
      `${capitalise(whyMissing(resource, 'scopes_supported', 'protected resource metadata'))}.`,
    );
  }

  const client = documents.clientScope;
  const clientScope = valueOf(client);
  if (clientScope) {
    trace.used(
      'client-scope',
      `Falls back to the scope in the client's own metadata: ${show(clientScope)}.`,
      'The spec has no third source: a spec-following client would omit the scope parameter here.',
    );
    return { scope: clientScope, source: 'client-metadata', parts: { entries: [clientScope] } };
  }
  trace.skipped(
    'client-scope',
    clientScope === ''
      ? "The client's metadata has an empty `scope`, so the chain ends with an empty string."
      : `${capitalise(whyMissing(client, 'scope', 'client metadata'))}.`,
  );
  const parts = clientScope === undefined ? undefined : { entries: [clientScope] };
  return { scope: clientScope, source: 'none', parts };
}
