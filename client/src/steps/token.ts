import * as oauth from 'oauth4webapi';
import { describeRotation, explainMissingRefreshToken } from '@mcp-auth-playground/core';
import { clientAuthOf } from '../flow/client-auth.ts';
import type { StepContext, StepExecutor } from '../flow/context.ts';
import {
  authorizationServerOf,
  publicClient,
  tokenRequestFailure,
  tokenRequestOptions,
  tokenSetOf,
} from '../flow/oauth.ts';
import { StepFailure } from '../flow/types.ts';
import type { StepDataMap, TokenData } from '../flow/types.ts';
import { resourceOf } from './authorization.ts';
import { dataFor, need } from './need.ts';

/**
 * Step 8 (and the step-up's token request): the code, the PKCE verifier and `resource` for
 * tokens, through oauth4webapi. The response was already checked by core; oauth4webapi checks it
 * again on its own terms before it will send the code.
 */
export const codeExchange: StepExecutor = async (context) => {
  const pending = context.pending;
  if (!pending || context.callbackUrl === undefined) {
    throw new StepFailure({
      code: 'no-pending-authorization',
      message: 'This tab holds no authorization response to exchange. Restart the flow.',
    });
  }
  const metadata = need(context, 'authorization-server-metadata');
  const registered = need(context, 'registration');
  const as = authorizationServerOf(metadata.document);
  const client = publicClient(registered.clientId);
  let tokens;
  try {
    const params = oauth.validateAuthResponse(
      as,
      client,
      new URL(context.callbackUrl),
      pending.state,
    );
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuthOf(context, metadata.document),
      params,
      pending.redirectUri,
      pending.codeVerifier,
      tokenRequestOptions(
        context.fetch('Token request (authorization_code)'),
        as.token_endpoint,
        context.signal,
        resourceOf(context),
      ),
    );
    tokens = tokenSetOf(
      await oauth.processAuthorizationCodeResponse(as, client, response),
      context.now(),
    );
  } catch (error) {
    throw tokenRequestFailure(error, 'token request');
  }
  const data: TokenData = {
    ...(pending.scope === undefined ? {} : { requestedScope: pending.scope }),
    ...(tokens.scope === undefined ? {} : { grantedScope: tokens.scope }),
    ...(tokens.expiresIn === undefined ? {} : { expiresIn: tokens.expiresIn }),
    tokenType: tokens.tokenType,
    refreshTokenIssued: tokens.refreshToken !== undefined,
  };
  const decision =
    context.step === 'step-up-token'
      ? context.data['write-note']?.decision
      : context.data.scope?.decision;
  if (!tokens.refreshToken && decision) {
    data.missingRefreshToken = explainMissingRefreshToken({
      decision,
      ...(tokens.scope === undefined ? {} : { grantedScope: tokens.scope }),
    });
  }
  const key = context.step === 'step-up-token' ? 'step-up-token' : 'token';
  // The verifier is spent: forget it along with the rest of the pending request.
  return { data: dataFor(key, data), tokens, pending: null };
};

function refreshTokenOf(context: StepContext): string {
  const refreshToken = context.tokens?.refreshToken;
  if (refreshToken) return refreshToken;
  const why = context.data.token?.missingRefreshToken?.message;
  throw new StepFailure({
    code: 'no-refresh-token',
    message: why ?? 'This tab holds no refresh token, so there is nothing to refresh with.',
  });
}

/** Step 9a: the refresh grant, with `resource`; a public client gets a rotated refresh token. */
export const refresh: StepExecutor = async (context) => {
  const previous = refreshTokenOf(context);
  const metadata = need(context, 'authorization-server-metadata');
  const registered = need(context, 'registration');
  const as = authorizationServerOf(metadata.document);
  const client = publicClient(registered.clientId);
  let response;
  try {
    const sent = await oauth.refreshTokenGrantRequest(
      as,
      client,
      clientAuthOf(context, metadata.document),
      previous,
      tokenRequestOptions(
        context.fetch('Token request (refresh_token)'),
        as.token_endpoint,
        context.signal,
        resourceOf(context),
      ),
    );
    response = await oauth.processRefreshTokenResponse(as, client, sent);
  } catch (error) {
    throw tokenRequestFailure(error, 'refresh');
  }
  const tokens = tokenSetOf(response, context.now());
  // Without a new refresh token in the response, the old one stays the one to use (RFC 6749 §6).
  if (!tokens.refreshToken) tokens.refreshToken = previous;
  const data: StepDataMap = dataFor('refresh', {
    rotation: describeRotation(previous, response.refresh_token),
    ...(tokens.scope === undefined ? {} : { grantedScope: tokens.scope }),
  });
  return { data, tokens };
};
