import {
  determineScope,
  findProfile,
  initialScopeInput,
  scopeTokens,
} from '@mcp-auth-playground/core';
import type { ProfileId, ScopeDecision } from '@mcp-auth-playground/core';
import { synchronousStep } from '../flow/context.ts';
import type { StepExecutor } from '../flow/context.ts';
import { dataFor, need } from './need.ts';

/**
 * Whether the authorization request carries prompt=consent. An SDK profile does what its code
 * does. The spec is silent, so for the spec profiles the flow follows OpenID Connect Core §11
 * and asks for consent whenever it asks for offline_access: an OpenID provider (the testbed's
 * is one) drops offline_access otherwise, and the refresh the spec describes would never come.
 */
export function promptConsentFor(profile: ProfileId, decision: ScopeDecision): boolean {
  if (findProfile(profile)?.group !== 'spec') return decision.promptConsent;
  return decision.promptConsent || scopeTokens(decision.scope).includes('offline_access');
}

export function promptNoteFor(profile: ProfileId, decision: ScopeDecision): string | undefined {
  if (promptConsentFor(profile, decision) === decision.promptConsent) return undefined;
  return 'The spec leaves prompt=consent open; the flow adds it because the scope has offline_access, which an OpenID provider ignores without it (OpenID Connect Core §11).';
}

/** Step 5: the profile's scope decision over what discovery and registration found. */
export const scope: StepExecutor = synchronousStep((context) => {
  const probed = need(context, 'probe');
  const resource = need(context, 'resource-metadata');
  const authServer = need(context, 'authorization-server-metadata');
  const registered = need(context, 'registration');
  const input = initialScopeInput(probed.challenge, {
    resourceMetadata: resource.document,
    authServerMetadata: authServer.document,
    clientMetadata: registered.clientMetadata,
  });
  const decision = determineScope(input, context.config.profile);
  const promptNote = promptNoteFor(context.config.profile, decision);
  return { data: dataFor('scope', { decision, ...(promptNote ? { promptNote } : {}) }) };
});
