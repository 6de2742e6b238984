import { determineScope } from '../api/determine.ts';
import type { Challenge, ProfileId, ScopeDecision, ScopeInput } from '../types.ts';

export interface FlowDocuments {
  resourceMetadata?: unknown;
  authServerMetadata?: unknown;
  clientMetadata?: unknown;
}

/** The decision's input at the start of the flow: the 401 challenge and the documents found. */
export function initialScopeInput(
  challenge: Challenge | undefined,
  documents: FlowDocuments,
): ScopeInput {
  const input: ScopeInput = { ...documents };
  const scope = challenge?.params.scope;
  if (scope !== undefined) input.challengeScope = scope;
  return input;
}

/** True for a Bearer challenge with `error="insufficient_scope"` (RFC 6750 §3.1). */
export function isInsufficientScope(challenge: Challenge | undefined): boolean {
  return challenge?.params.error === 'insufficient_scope';
}

export interface StepUpInput extends FlowDocuments {
  profile: ProfileId;
  /** The Bearer challenge of the 403. */
  challenge: Challenge;
  /** The scope the client requested for the token it holds. */
  previousScope: string | undefined;
}

export interface StepUpDecision {
  decision: ScopeDecision;
  input: ScopeInput;
  /**
   * `union`: the profile keeps what it asked for before and adds the challenge's scopes (MCP
   * 2026-07-28); `replacement`: the challenge's scope replaces it (MCP 2025-11-25).
   */
  combination: 'union' | 'replacement';
}

/**
 * The scope a client asks for after a 403 `insufficient_scope`, decided by the profile itself
 * (core's `determineScope` with the challenge's error and the previous scope), so the flow and
 * the playground never disagree.
 */
export function stepUpDecision(input: StepUpInput): StepUpDecision {
  const scopeInput: ScopeInput = {
    resourceMetadata: input.resourceMetadata,
    authServerMetadata: input.authServerMetadata,
    clientMetadata: input.clientMetadata,
    challengeError: 'insufficient_scope',
  };
  const challengeScope = input.challenge.params.scope;
  if (challengeScope !== undefined) scopeInput.challengeScope = challengeScope;
  if (input.previousScope !== undefined) scopeInput.previousScope = input.previousScope;
  const decision = determineScope(scopeInput, input.profile);
  return {
    decision,
    input: scopeInput,
    combination: decision.source === 'step-up-union' ? 'union' : 'replacement',
  };
}
