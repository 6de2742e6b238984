import { determineScope, initialScopeInput, promptConsentPolicy } from '@mcp-auth-playground/core';
import type { ProfileId, ScopeDecision } from '@mcp-auth-playground/core';
import { synchronousStep } from '../flow/context.ts';
import type { StepExecutor } from '../flow/context.ts';
import { dataFor, need } from './need.ts';

/** Why the request adds prompt=consent on its own, from core's one prompt policy. */
export function promptNoteFor(profile: ProfileId, decision: ScopeDecision): string | undefined {
  return promptConsentPolicy(profile, decision).added?.message;
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
