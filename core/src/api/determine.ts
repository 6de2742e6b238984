import { DEFAULT_PROFILE, findProfile, PROFILES } from '../profiles/index.ts';
import type { Profile, ProfileId, ScopeDecision, ScopeInput } from '../types.ts';
import { sharedByParts, sharingWork } from '../text/shared-work.ts';

/**
 * The input as the profiles may rely on it: scope strings are strings or absent, whatever a
 * caller outside TypeScript passed. Documents stay as they are; the profiles read them leniently.
 */
export function sanitiseInput(input: unknown): ScopeInput {
  if (typeof input !== 'object' || input === null) return {};
  const raw = input as Record<string, unknown>;
  const text = (key: string): string | undefined => {
    const value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  };
  const document = (key: string): unknown => (Object.hasOwn(raw, key) ? raw[key] : undefined);
  const clean: ScopeInput = {};
  const challengeScope = text('challengeScope');
  const challengeError = text('challengeError');
  const previousScope = text('previousScope');
  if (challengeScope !== undefined) clean.challengeScope = challengeScope;
  if (challengeError !== undefined) clean.challengeError = challengeError;
  if (previousScope !== undefined) clean.previousScope = previousScope;
  clean.resourceMetadata = document('resourceMetadata');
  clean.authServerMetadata = document('authServerMetadata');
  clean.clientMetadata = document('clientMetadata');
  return clean;
}

function profileFor(id: unknown): Profile {
  return findProfile(id) ?? findProfile(DEFAULT_PROFILE) ?? (PROFILES[0] as Profile);
}

/**
 * Which `scope` a client following `profile` requests, and why, step by step. Total: any input
 * gives a decision, and an unknown profile id falls back to the 2026-07-28 spec.
 */
export function determineScope(
  input: ScopeInput,
  profile: ProfileId = DEFAULT_PROFILE,
): ScopeDecision {
  return profileFor(profile).decide(sanitiseInput(input));
}

/** One decision per profile, in PROFILES order: how every modelled client would decide. */
export function compareProfiles(input: ScopeInput): ScopeDecision[] {
  const clean = sanitiseInput(input);
  return sharingWork(() =>
    // The lint asks again for the same documents and challenge: answer from the first call.
    sharedByParts(
      'compare-profiles',
      [
        clean.challengeScope,
        clean.challengeError,
        clean.previousScope,
        clean.resourceMetadata,
        clean.authServerMetadata,
        clean.clientMetadata,
      ],
      () => PROFILES.map((profile) => profile.decide(clean)),
    ),
  );
}
