import * as kit from './kit.ts';

const rule = [
  kit.stepUpNode(
    'insufficient_scope with a scope? It replaces the previous one',
    kit.CITES.stepUp2025,
  ),
  kit.tierNode(kit.CHALLENGE_SCOPE, 'Challenge scope truthy? Use it', kit.CITES.scopeSelection2025),
  kit.tierNode(
    kit.RESOURCE_SCOPES,
    "scopes_supported.join(' ') truthy? Use it",
    kit.CITES.scopeSelection2025,
  ),
  kit.tierNode(
    kit.CLIENT_SCOPE,
    'clientMetadata.scope (SDK fallback)',
    kit.CITES.scopeSelection2025,
  ),
  kit.omitNode('Empty result? Send no scope', kit.CITES.scopeSelection2025),
  kit.offlineAccessNode('Never adds offline_access'),
  kit.promptNode("scope.includes('offline_access') (substring)? Append prompt=consent"),
] as const satisfies readonly kit.RuleNode[];

/**
 * `@modelcontextprotocol/sdk` 1.32: the streamable HTTP transport keeps the last challenge's
 * scope (a 403 without one keeps the old value), `auth()` resolves
 * `scope || scopes_supported.join(' ') || clientMetadata.scope`, and `startAuthorization`
 * appends `prompt=consent` when the scope string merely contains "offline_access".
 */
function decide(input: kit.ScopeInput) {
  const trace = new kit.Trace(rule);
  const documents = kit.readDecisionDocuments(input);
  let requested: string | undefined;

  if (input.challengeError === 'insufficient_scope') {
    if (input.challengeScope) {
      requested = input.challengeScope;
      trace.applied(
        'step-up',
        `The server answered insufficient_scope with a scope, so the transport replaces its previous scope (${kit.showScope(input.previousScope)}) with ${kit.show(input.challengeScope)}.`,
        kit.hasAnyToken(input.previousScope)
          ? 'The 2026-07-28 spec requests the union with the previous scope, so permissions granted before are kept.'
          : undefined,
      );
    } else {
      requested = input.previousScope ? input.previousScope : undefined;
      trace.applied(
        'step-up',
        `The server answered insufficient_scope without a scope, so the transport keeps the scope it asked for before (${kit.showScope(requested)}).`,
        'The 2025-11-25 spec selects again from the challenge, which here means the PRM scopes_supported.',
      );
    }
  } else {
    requested = input.challengeScope ? input.challengeScope : undefined;
    if (kit.hasAnyToken(input.previousScope)) {
      trace.notApplied(
        'step-up',
        `Not a step-up: on a 401 the transport takes the challenge's scope alone and forgets ${kit.show(input.previousScope ?? '')}.`,
      );
    }
  }

  const chain = kit.selectWithOrChain(trace, documents, {
    value: requested,
    // A step-up without a scope keeps the previous request: the only case where it is not the challenge's.
    source:
      input.challengeError === 'insufficient_scope' && !input.challengeScope
        ? 'step-up-union'
        : 'challenge',
    whyMissing:
      input.challengeScope === undefined
        ? 'The challenge has no scope parameter.'
        : `The challenge's scope ${kit.show(input.challengeScope)} is empty, which \`||\` treats as missing.`,
  });
  const scope = chain.scope;

  const present = kit.hasToken(scope, kit.OFFLINE_ACCESS);
  trace.notApplied(
    'offline-access',
    `SDK 1.x predates the refresh-token guidance (SEP-2207) and never adds offline_access${present ? '; the selected scope already has it' : ''}.`,
  );

  const sent = scope ? scope : undefined;
  if (sent === undefined) {
    trace.applied(
      'omit',
      scope === ''
        ? 'The selection is an empty string, and the SDK sets the scope parameter only when it is truthy, so none is sent.'
        : 'No source gave a scope, so the request carries no scope parameter.',
    );
  }

  // startAuthorization: `if (scope?.includes('offline_access')) searchParams.append('prompt', 'consent')`
  const promptConsent = sent !== undefined && sent.includes(kit.OFFLINE_ACCESS);
  if (promptConsent) {
    trace.applied(
      'prompt-consent',
      'The scope string contains "offline_access", so the SDK appends prompt=consent.',
      present
        ? undefined
        : 'The SDK tests the scope as a string, so a longer token that merely contains "offline_access" triggers prompt=consent; no offline_access token is requested.',
    );
  } else {
    trace.notApplied(
      'prompt-consent',
      'The scope does not contain "offline_access", so no prompt is added.',
    );
  }

  return trace.finish({
    profile: 'typescript-sdk-1',
    scope: sent,
    source: sent === undefined ? 'none' : chain.source,
    offlineAccess: present ? 'already-present' : 'not-added',
    promptConsent,
  });
}

export const typescriptSdk1: kit.Profile<'typescript-sdk-1'> = {
  id: 'typescript-sdk-1',
  title: 'TypeScript SDK 1.x',
  summary:
    "Challenge scope (a step-up replaces it), else PRM scopes, else the client's own scope (JS ||); never adds offline_access; prompt=consent on a substring match.",
  group: 'sdk',
  source: {
    name: '@modelcontextprotocol/sdk',
    version: '1.32.2',
    url: 'https://github.com/modelcontextprotocol/typescript-sdk/blob/v1.x/src/client/auth.ts',
    file: 'src/client/auth.ts',
    checked: '2026-11-26',
    confidence: 'verified-from-source',
  },
  rule,
  decide,
};
