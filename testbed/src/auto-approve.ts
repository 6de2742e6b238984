import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { InteractionDetails } from 'oidc-provider';
import { sendError } from './http.ts';

// Auto-approval, for clients that run without a person (`mcp-auth-playground flow --headless`
// and the conformance suite): when the testbed is started with TESTBED_AUTO_APPROVE=1 (or
// --auto-approve), an interaction page is never shown. Each prompt is answered on the spot,
// exactly as a person pressing the dev pages' buttons would answer it, and the browser (or a
// fetch that keeps cookies) is sent on with a 303. It is off by default, the testbed listens on
// loopback only, and it applies only to requests that redirect to a loopback URL.

/** The account every auto-approved login signs in as. */
export const HEADLESS_ACCOUNT = 'headless';

/** `/interaction/<uid>` below the issuer: the dev interaction page, shown with GET. */
const INTERACTION_PAGE = /^\/interaction\/([A-Za-z0-9_-]+)$/;

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/** RFC 8252 §7.3 loopback redirects, plus `localhost` for the playground's own callback. */
export function isLoopbackRedirect(redirectUri: unknown): boolean {
  if (typeof redirectUri !== 'string') return false;
  try {
    const url = new URL(redirectUri);
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

/** True when `pathBelowIssuer` is an interaction page a GET would render. */
export function isInteractionPage(method: string | undefined, pathBelowIssuer: string): boolean {
  return method === 'GET' && INTERACTION_PAGE.test(pathBelowIssuer);
}

/**
 * Answers the interaction at `pathBelowIssuer` without a page, or returns false to let the
 * provider render it as usual (a request that does not redirect to loopback).
 */
export async function autoApprove(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  pathBelowIssuer: string,
): Promise<boolean> {
  let details: InteractionDetails;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (error) {
    req.resume();
    sendError(
      res,
      400,
      'invalid_request',
      `The interaction cannot be approved: ${(error as Error).message}. Send the cookies the authorization endpoint set with every later request of the redirect chain.`,
    );
    return true;
  }
  if (details.uid !== INTERACTION_PAGE.exec(pathBelowIssuer)?.[1]) {
    req.resume();
    sendError(
      res,
      400,
      'invalid_request',
      'The interaction cookie belongs to another authorization request.',
    );
    return true;
  }
  if (!isLoopbackRedirect(details.params.redirect_uri)) return false;
  req.resume();

  const { prompt, params, session, grantId } = details;
  if (prompt.name === 'login') {
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: HEADLESS_ACCOUNT } },
      { mergeWithLastSubmission: false },
    );
    return true;
  }
  if (prompt.name !== 'consent') {
    sendError(res, 400, 'invalid_request', `The ${prompt.name} prompt cannot be auto-approved.`);
    return true;
  }
  // What the dev consent page's Continue button grants: every scope, claim and resource scope the
  // request asked for that the account has not granted yet, and nothing more.
  const grant = grantId
    ? await provider.Grant.find(grantId)
    : new provider.Grant({ accountId: session?.accountId, clientId: params.client_id });
  if (!grant) {
    sendError(res, 400, 'invalid_request', 'The grant of this interaction no longer exists.');
    return true;
  }
  const missing = prompt.details;
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
  return true;
}
