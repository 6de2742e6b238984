import {
  CITES,
  buildAuthorizationUrl,
  checkAuthorizationResponse,
  createPkcePair,
  randomState,
  resourceIndicator,
  shortenSecret,
} from '@mcp-auth-playground/core';
import type {
  AuthorizationResponseCheck,
  ScopeDecision,
  StepError,
} from '@mcp-auth-playground/core';
import { synchronousStep } from '../flow/context.ts';
import type { StepContext, StepExecutor } from '../flow/context.ts';
import { StepFailure } from '../flow/types.ts';
import type { AuthorizationRequestData, PendingAuthorization } from '../flow/types.ts';
import { dataFor, need } from './need.ts';

/** The `resource` of every authorization and token request: core's `resourceIndicator`. */
export function resourceOf(context: StepContext): string {
  const metadata = context.data['resource-metadata'];
  const declared =
    typeof metadata?.document === 'object' && metadata.document !== null
      ? (metadata.document as { resource?: unknown }).resource
      : undefined;
  const canonical = resourceIndicator(context.config.serverUrl.trim(), declared, metadata?.url);
  if (!canonical.ok) {
    throw new StepFailure({
      code: 'invalid-server-url',
      message: canonical.reason,
      cite: CITES.canonicalServerUri,
    });
  }
  return canonical.value;
}

async function authorizationRequest(
  context: StepContext,
  phase: PendingAuthorization['phase'],
  decision: ScopeDecision,
): Promise<{ data: AuthorizationRequestData; pending: PendingAuthorization }> {
  const metadata = need(context, 'authorization-server-metadata');
  const registered = need(context, 'registration');
  const pkce = await createPkcePair(context.randomBytes);
  const state = randomState(context.randomBytes);
  const request = buildAuthorizationUrl({
    authServerMetadata: metadata.document,
    clientId: registered.clientId,
    redirectUri: context.redirectUri,
    ...(decision.scope === undefined ? {} : { scope: decision.scope }),
    state,
    codeChallenge: pkce.challenge,
    resource: resourceOf(context),
    profile: context.config.profile,
    promptConsent: decision.promptConsent,
  });
  if (!request.ok) {
    const first = request.findings[0];
    throw new StepFailure({
      code: 'authorization-request-refused',
      message: `The flow stops before any redirect: ${first?.message ?? 'the authorization request cannot be built.'}`,
      ...(first?.cite ? { cite: first.cite } : {}),
      findings: request.findings,
    });
  }
  // The issuer is recorded beside the verifier before leaving, so the response can be matched to
  // the server the request went to (RFC 9207, MCP 2026-07-28 "Authorization Response Validation").
  const pending: PendingAuthorization = {
    phase,
    state,
    codeVerifier: pkce.verifier,
    issuer: metadata.issuer,
    redirectUri: context.redirectUri,
    authorizationUrl: request.url,
    ...(decision.scope === undefined ? {} : { scope: decision.scope }),
  };
  const data: AuthorizationRequestData = {
    url: request.url,
    params: request.params,
    issuer: metadata.issuer,
    ...(decision.scope === undefined ? {} : { scope: decision.scope }),
    promptConsent: request.params.some(([name, value]) => name === 'prompt' && value === 'consent'),
    deviations: request.deviations ?? [],
  };
  return { data, pending };
}

/** Step 6: PKCE pair, state, recorded issuer and the authorization URL, all from core. */
export const mainAuthorizationRequest: StepExecutor = async (context) => {
  const { decision } = need(context, 'scope');
  const { data, pending } = await authorizationRequest(context, 'main', decision);
  return { data: dataFor('authorization-request', data), pending };
};

/** The step-up's authorization request, for the scope the 403 led to. */
export const stepUpAuthorizationRequest: StepExecutor = async (context) => {
  const stepUp = need(context, 'write-note');
  if (!stepUp.decision) {
    throw new StepFailure({
      code: 'step-out-of-order',
      message: 'There is no step-up decision to act on. Restart the flow.',
    });
  }
  const { data, pending } = await authorizationRequest(context, 'step-up', stepUp.decision);
  return { data: dataFor('step-up-authorization-request', data), pending };
};

function responseFailure(check: Exclude<AuthorizationResponseCheck, { ok: true }>): StepError {
  const cite = CITES.authorizationResponse;
  switch (check.reason) {
    case 'state-mismatch':
      return {
        code: 'state-mismatch',
        message: `State mismatch: ${check.message} Nothing was exchanged; restart to begin a new authorization.`,
        cite,
      };
    case 'iss-mismatch':
    case 'iss-missing':
      return {
        code: 'issuer-mismatch',
        message: `Issuer check failed: ${check.message} Nothing was exchanged; restart to begin a new authorization.`,
        cite: CITES.issParameter,
      };
    case 'error-response': {
      const error = check.error?.error ?? 'error';
      const described = check.error?.description
        ? ` The server said: “${check.error.description}”.`
        : '';
      if (error === 'access_denied') {
        return {
          code: 'access_denied',
          message: `Access denied: the authorization was declined at the authorization server, so there is no code to exchange.${described} Restart to try again.`,
          cite,
        };
      }
      return { code: error, message: `${check.message}${described} Restart to try again.`, cite };
    }
    case 'no-code':
      return { code: 'no-code', message: `${check.message} Restart to try again.`, cite };
  }
}

/**
 * Steps 7 (and the step-up's redirect): leave for the authorization server; on the way back, on
 * /callback, check iss and state before the code is used for anything.
 */
export const authorizationResponse: StepExecutor = synchronousStep((context) => {
  const pending = context.pending;
  if (!pending) {
    throw new StepFailure({
      code: 'no-pending-authorization',
      message: 'This tab holds no authorization request to continue. Restart the flow.',
    });
  }
  if (context.callbackUrl === undefined) {
    return { redirect: pending.authorizationUrl };
  }
  const metadata = need(context, 'authorization-server-metadata');
  const supported =
    typeof metadata.document === 'object' &&
    metadata.document !== null &&
    (metadata.document as Record<string, unknown>)
      .authorization_response_iss_parameter_supported === true;
  const check = checkAuthorizationResponse({
    callbackUrl: context.callbackUrl,
    expectedState: pending.state,
    expectedIssuer: pending.issuer,
    issParameterSupported: supported,
  });
  const params: [string, string][] = [];
  new URL(context.callbackUrl).searchParams.forEach((value, name) => {
    params.push([name, name === 'code' ? shortenSecret(value) : value]);
  });
  // After a failed check the response may come from anyone: its parameters are not shown.
  const shown = check.ok ? params : params.filter(([name]) => name === 'state' || name === 'iss');
  const data = dataFor(context.step as 'authorization-response', {
    params: shown,
    checks: check.ok
      ? [
          'state equals the value sent with the request.',
          check.iss === undefined
            ? 'No iss in the response, and the server does not advertise it: nothing to compare.'
            : `iss equals the issuer recorded before the redirect, ${pending.issuer}.`,
          'A code is present, once.',
        ]
      : [],
  });
  if (!check.ok) throw new StepFailure(responseFailure(check), data);
  return { data };
});
