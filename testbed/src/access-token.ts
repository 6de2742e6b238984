import { createLocalJWKSet, errors, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';

export interface VerifiedAccessToken {
  subject: string | undefined;
  clientId: string | undefined;
  scopes: ReadonlySet<string>;
}

export type AccessTokenResult =
  { ok: true; token: VerifiedAccessToken } | { ok: false; description: string };

export interface AccessTokenVerifierOptions {
  issuer: string;
  /** The resource server's canonical URI, which must be the token's audience (RFC 8707). */
  audience: string;
  /** The authorization server's public keys, as served at its jwks_uri. */
  jwks: JSONWebKeySet;
}

/**
 * Verifies JWT access tokens as RFC 9068 §4 describes: the `at+jwt` type, the signature against
 * the issuer's keys, the issuer, the audience (so a token for another server is refused, the
 * MCP rule against token passthrough) and the expiry.
 */
export function accessTokenVerifier(
  options: AccessTokenVerifierOptions,
): (token: string) => Promise<AccessTokenResult> {
  const keys = createLocalJWKSet(options.jwks);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat'],
      });
      const scope = typeof payload.scope === 'string' ? payload.scope : '';
      return {
        ok: true,
        token: {
          subject: payload.sub,
          clientId: typeof payload.client_id === 'string' ? payload.client_id : undefined,
          scopes: new Set(scope.split(' ').filter(Boolean)),
        },
      };
    } catch (error) {
      return { ok: false, description: describeFailure(error, options) };
    }
  };
}

function describeFailure(error: unknown, options: AccessTokenVerifierOptions): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired.';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'aud')
      return `The access token is not for this server; its audience must be ${options.audience}.`;
    if (error.claim === 'iss') return `The access token was not issued by ${options.issuer}.`;
    return `The access token's ${error.claim} claim is invalid.`;
  }
  if (
    error instanceof errors.JWSSignatureVerificationFailed ||
    error instanceof errors.JWKSNoMatchingKey
  ) {
    return `The access token's signature does not verify with the keys of ${options.issuer}.`;
  }
  return 'The access token is not a JWT access token issued for this server.';
}
