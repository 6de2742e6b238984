/**
 * oidc-provider's endpoint paths below the issuer, set explicitly so the URLs a scenario's
 * metadata is rewritten to (endpointUrls) cannot drift from the ones the provider serves.
 */
export const ROUTES = {
  authorization: '/auth',
  token: '/token',
  jwks: '/jwks',
  registration: '/reg',
  revocation: '/token/revocation',
  userinfo: '/me',
  end_session: '/session/end',
  pushed_authorization_request: '/request',
} as const;

/** The endpoint URLs an authorization server at `issuer` serves, by their metadata field. */
export function endpointUrls(
  issuer: string,
  { registration }: { registration: boolean },
): Record<string, string> {
  return {
    authorization_endpoint: issuer + ROUTES.authorization,
    token_endpoint: issuer + ROUTES.token,
    jwks_uri: issuer + ROUTES.jwks,
    ...(registration ? { registration_endpoint: issuer + ROUTES.registration } : {}),
    revocation_endpoint: issuer + ROUTES.revocation,
    userinfo_endpoint: issuer + ROUTES.userinfo,
    end_session_endpoint: issuer + ROUTES.end_session,
    pushed_authorization_request_endpoint: issuer + ROUTES.pushed_authorization_request,
  };
}

/** Registration (POST /reg) and reading a registered client back (GET /reg/<client_id>). */
export function isRegistrationPath(pathBelowIssuer: string): boolean {
  return (
    pathBelowIssuer === ROUTES.registration || pathBelowIssuer.startsWith(`${ROUTES.registration}/`)
  );
}
