import { CITES } from '../cite.ts';
import type { Cite } from '../cite.ts';
import { findProfile } from '../profiles/index.ts';
import type { ProfileId } from '../types.ts';

/** Whether `token` is one of the space-separated tokens of `scope` (RFC 6749 §3.3). */
export function hasScopeToken(scope: string | undefined, token: string): boolean {
  if (scope === undefined) return false;
  for (let at = scope.indexOf(token); at >= 0; at = scope.indexOf(token, at + 1)) {
    const end = at + token.length;
    if (
      (at === 0 || /\s/.test(scope.charAt(at - 1))) &&
      (end === scope.length || /\s/.test(scope.charAt(end)))
    ) {
      return true;
    }
  }
  return false;
}

export interface PromptConsentInput {
  /** The scope the request carries; undefined or empty when it sends none. */
  scope?: string;
  /** The profile's own decision (`ScopeDecision.promptConsent`), when there is one. */
  promptConsent?: boolean;
}

export interface PromptConsentPolicy {
  /** Whether the authorization request carries prompt=consent. */
  send: boolean;
  /** Why the request adds it although the profile's decision does not; absent otherwise. */
  added?: { message: string; cite: Cite };
}

const OIDC_OFFLINE_ACCESS = {
  message:
    'The spec leaves prompt=consent open; the flow adds it because the scope has offline_access, which an OpenID provider ignores without it (OpenID Connect Core §11).',
  cite: CITES.oidcOfflineAccess,
} as const;

/**
 * The one answer to "does this authorization request carry prompt=consent?", used by the
 * request preview, `buildAuthorizationUrl` and the live flow, so they never disagree.
 *
 * An SDK profile does what its code does: its decision says. The spec is silent, so for the spec
 * profiles the playground follows OpenID Connect Core §11 and asks for consent whenever the scope
 * has offline_access: an OpenID provider (the testbed's is one) drops offline_access otherwise,
 * and the refresh token SEP-2207 describes would never come. Without a profile, the caller's
 * explicit choice stands, and without one either the OpenID Connect rule applies.
 */
export function promptConsentPolicy(
  profile: ProfileId | undefined,
  input: PromptConsentInput,
): PromptConsentPolicy {
  const offlineAccess = hasScopeToken(input.scope || undefined, 'offline_access');
  const group = profile === undefined ? undefined : findProfile(profile)?.group;
  if (group === undefined || group !== 'spec') {
    if (input.promptConsent !== undefined) return { send: input.promptConsent };
    return { send: offlineAccess };
  }
  if (input.promptConsent === true) return { send: true };
  return offlineAccess ? { send: true, added: OIDC_OFFLINE_ACCESS } : { send: false };
}
