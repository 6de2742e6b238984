import type { ScopeDecision, ScopeSource, StepOutcome } from '@mcp-auth-playground/core';

// Plain words for the values core reports, so the panels never show a bare enum.

export const SOURCE_TEXT: Readonly<Record<ScopeSource, string>> = {
  challenge: 'From the scope parameter of the WWW-Authenticate challenge.',
  'resource-metadata':
    'From scopes_supported in the Protected Resource Metadata, all of them in order.',
  'client-metadata': "From the client's own configured scope (the scope in its client metadata).",
  'authorization-server': 'From scopes_supported in the authorization server metadata.',
  'step-up-union':
    'The scope already requested, joined with the new scopes of the step-up challenge.',
  none: 'Nothing to select, so the client sends no scope parameter.',
};

export const OFFLINE_ACCESS_TEXT: Readonly<Record<ScopeDecision['offlineAccess'], string>> = {
  added: 'Added, to ask for a refresh token',
  'already-present': 'Already in the selected scope',
  'not-added': 'Not added',
};

export const OUTCOME_TEXT: Readonly<Record<StepOutcome, string>> = {
  used: 'Used',
  skipped: 'Skipped',
  applied: 'Applied',
  'not-applied': 'Not applied',
};

/** What a scope value looks like on screen: omitted is not the same as empty. */
export function scopeText(scope: string | undefined): string {
  return scope ?? 'no scope parameter';
}
