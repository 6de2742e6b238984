import type { Profile, ProfileId } from '../types.ts';
import { mcp20251125 } from './mcp-2025-11-25.ts';
import { mcp20260728 } from './mcp-2026-07-28.ts';
import { pythonSdk } from './python-sdk.ts';
import { typescriptSdk1 } from './typescript-sdk-1.ts';
import { typescriptSdk2 } from './typescript-sdk-2.ts';

/**
 * Every modelled client, spec revisions first. Adding a client means adding its file beside
 * this one and listing it here; nothing else changes.
 */
const REGISTERED = [mcp20260728, mcp20251125, typescriptSdk2, typescriptSdk1, pythonSdk] as const;

/** The id of every registered profile; `ProfileId` is this type. */
export type RegisteredProfileId = (typeof REGISTERED)[number]['id'];

export const PROFILES: readonly Profile[] = Object.freeze([...REGISTERED]);

/** Every profile id, in PROFILES order (for validators such as a permalink schema). */
export const PROFILE_IDS: readonly ProfileId[] = Object.freeze(
  PROFILES.map((profile) => profile.id),
);

export const DEFAULT_PROFILE: ProfileId = 'mcp-2026-07-28';

/** The profile with this id, or undefined for an id core does not know. */
export function findProfile(id: unknown): Profile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}
