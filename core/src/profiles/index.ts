import { DECLARED_PROFILE_IDS } from '../profile-ids.ts';
import type { Profile, ProfileId } from '../types.ts';
import { codex } from './codex.ts';
import { csharpSdk } from './csharp-sdk.ts';
import { fastmcp } from './fastmcp.ts';
import { goSdk } from './go-sdk.ts';
import { mcpRemote } from './mcp-remote.ts';
import { mcp20251125 } from './mcp-2025-11-25.ts';
import { mcp20260728 } from './mcp-2026-07-28.ts';
import { pythonSdk } from './python-sdk.ts';
import { rustSdk } from './rust-sdk.ts';
import { springAiMcpSecurity } from './spring-ai-mcp-security.ts';
import { typescriptSdk1 } from './typescript-sdk-1.ts';
import { typescriptSdk2 } from './typescript-sdk-2.ts';
import { vscode } from './vscode.ts';

/** One profile per declared id, in the declared order: the type checker rejects a gap or a swap. */
type ProfilesFor<Ids extends readonly string[]> = { readonly [I in keyof Ids]: Profile<Ids[I]> };
type Registered = ProfilesFor<typeof DECLARED_PROFILE_IDS>;

/**
 * Every modelled client, spec revisions first. Adding a client means declaring its id in
 * `profile-ids.ts`, adding its file beside this one and listing it here.
 */
const REGISTERED: Registered = [
  mcp20260728,
  mcp20251125,
  typescriptSdk2,
  typescriptSdk1,
  pythonSdk,
  // Client profiles read from their sources (issue 10): SDKs, then applications.
  rustSdk,
  goSdk,
  csharpSdk,
  springAiMcpSecurity,
  fastmcp,
  vscode,
  mcpRemote,
  codex,
];

export const PROFILES: readonly Profile[] = Object.freeze([...REGISTERED]);

/** Every profile id, in PROFILES order (for validators such as a permalink schema). */
export const PROFILE_IDS: readonly ProfileId[] = Object.freeze([...DECLARED_PROFILE_IDS]);

export const DEFAULT_PROFILE: ProfileId = 'mcp-2026-07-28';

/** The profile with this id, or undefined for an id core does not know. */
export function findProfile(id: unknown): Profile | undefined {
  return PROFILES.find((profile) => profile.id === id);
}
