import { CITES } from '../cite.ts';
import type { Cite } from '../cite.ts';
import type { ScopeDecision } from '../types.ts';
import { shortenSecret } from './redact.ts';

const scopeTokens = (scope: string | undefined): string[] =>
  (scope ?? '').split(/\s+/).filter(Boolean);

export interface MissingRefreshTokenInput {
  /** The decision that built the authorization request. */
  decision: ScopeDecision;
  /** `scope` of the token response; RFC 6749 §5.1 lets the server omit it when unchanged. */
  grantedScope?: string;
}

export interface Explanation {
  message: string;
  cite: Cite;
}

/**
 * Why the token response carried no refresh token, in the order a reader would check: did the
 * client ask (SEP-2207 has it add offline_access), did the server grant what was asked, and
 * finally the server's own choice, which the client must accept.
 */
export function explainMissingRefreshToken(input: MissingRefreshTokenInput): Explanation {
  const { decision } = input;
  const requested = scopeTokens(decision.scope).includes('offline_access');
  if (!requested) {
    const trace = decision.steps.find((step) => step.rule === 'offline-access');
    return {
      message: `No refresh token: the client did not ask for offline_access.${trace ? ` ${trace.detail}` : ''}`,
      cite: CITES.refreshTokens,
    };
  }
  const granted =
    input.grantedScope === undefined || scopeTokens(input.grantedScope).includes('offline_access');
  if (!granted) {
    return decision.promptConsent
      ? {
          message:
            'No refresh token: the client asked for offline_access, but the authorization server did not grant it.',
          cite: CITES.refreshTokens,
        }
      : {
          message:
            'No refresh token: the client asked for offline_access without prompt=consent, and an OpenID Connect server ignores offline_access unless the request has prompt=consent.',
          cite: CITES.oidcOfflineAccess,
        };
  }
  return {
    message:
      'No refresh token: the client asked for offline_access and the server granted the scope, but chose not to issue one; a client must not assume it gets a refresh token.',
    cite: CITES.refreshTokens,
  };
}

export interface Rotation {
  /** True when the server issued a different refresh token, so the old one is spent. */
  rotated: boolean;
  /** True when the response had no refresh token: the old one stays in use. */
  kept: boolean;
  old: string;
  new: string;
}

/** The refresh tokens before and after a refresh, shortened for display. */
export function describeRotation(previous: string, next: string | undefined): Rotation {
  return {
    rotated: next !== undefined && next !== previous,
    kept: next === undefined,
    old: shortenSecret(previous),
    new: next === undefined ? shortenSecret(previous) : shortenSecret(next),
  };
}
