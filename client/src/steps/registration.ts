import * as oauth from 'oauth4webapi';
import {
  clientIdMetadataDocument,
  dynamicRegistrationBody,
  planRegistration,
  publicClientMetadata,
  readRegistrationResponse,
} from '@mcp-auth-playground/core';
import type { StepExecutor } from '../session/context.ts';
import { authorizationServerOf, httpOptions, tokenRequestFailure } from '../session/oauth.ts';
import { StepFailure } from '../session/types.ts';
import { dataFor, need } from './need.ts';

export const CLIENT_NAME = 'MCP Auth Playground';

/**
 * Step 4: a client id, by the spec's order of preference unless the user chose a method:
 * pre-registered, a Client ID Metadata Document, Dynamic Client Registration, or ask the user.
 */
export const registration: StepExecutor = async (context) => {
  const metadata = need(context, 'authorization-server-metadata');
  const plan = planRegistration({
    choice: context.config.registration,
    authServerMetadata: metadata.document,
    preRegisteredClientId: context.config.clientId,
    clientMetadataUrl: context.config.cimdUrl,
  });
  if (!plan.ok) {
    throw new StepFailure({ code: plan.code, message: plan.message, cite: plan.cite });
  }
  const client = { redirectUri: context.redirectUri, clientName: CLIENT_NAME };

  if (plan.method === 'pre-registered') {
    return {
      data: dataFor('registration', {
        method: plan.method,
        reason: plan.reason,
        clientId: plan.clientId,
        // The server holds the real registration; the decision reads what this client asks for.
        clientMetadata: publicClientMetadata(client),
        notes: [
          `No request: the client id was registered beforehand, with ${context.redirectUri} as a redirect URI.`,
        ],
      }),
    };
  }
  if (plan.method === 'cimd') {
    return {
      data: dataFor('registration', {
        method: plan.method,
        reason: plan.reason,
        clientId: plan.clientId,
        clientMetadata: clientIdMetadataDocument(plan.clientId, client),
        notes: [
          'No request from the browser: the authorization server fetches the document at the client id URL itself when the authorization request arrives.',
        ],
      }),
    };
  }

  const body = dynamicRegistrationBody(client);
  const as = authorizationServerOf(metadata.document);
  let response: Response;
  try {
    response = await oauth.dynamicClientRegistrationRequest(
      as,
      body,
      httpOptions<'POST', string>(
        context.fetch('Dynamic Client Registration'),
        plan.registrationEndpoint,
        context.signal,
      ),
    );
  } catch (error) {
    throw tokenRequestFailure(error, 'registration');
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const result = readRegistrationResponse(response.status, json, body);
  if (!result.ok) {
    throw new StepFailure({
      code: 'registration-failed',
      message: result.message,
      cite: result.cite,
    });
  }
  return {
    data: dataFor('registration', {
      method: 'dcr',
      reason: plan.reason,
      clientId: result.clientId,
      clientMetadata: result.clientMetadata,
      notes: result.notes,
    }),
  };
};
