import * as oauth from 'oauth4webapi';
import {
  clientIdMetadataDocument,
  dynamicRegistrationBody,
  planRegistration,
  publicClientMetadata,
  readRegistrationResponse,
} from '@mcp-auth-playground/core';
import type { StepExecutor } from '../flow/context.ts';
import { isSecretMethod, registrationAuthMethod } from '../flow/client-auth.ts';
import { authorizationServerOf, httpOptions, tokenRequestFailure } from '../flow/oauth.ts';
import { StepFailure } from '../flow/types.ts';
import type { ClientCredentials, StepOutput } from '../flow/types.ts';
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
        clientMetadata: context.clientMetadata ?? publicClientMetadata(client),
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
        clientMetadata: context.clientMetadata
          ? { ...context.clientMetadata, client_id: plan.clientId }
          : clientIdMetadataDocument(plan.clientId, client),
        notes: [
          'No request from the browser: the authorization server fetches the document at the client id URL itself when the authorization request arrives.',
        ],
      }),
    };
  }

  const body = registrationBody(
    context.clientMetadata,
    client,
    context.confidential,
    metadata.document,
  );
  const as = authorizationServerOf(metadata.document);
  let response: Response;
  try {
    response = await oauth.dynamicClientRegistrationRequest(
      as,
      body as Partial<oauth.OmitSymbolProperties<oauth.Client>>,
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
  const credentials = context.confidential ? issuedCredentials(json, body) : undefined;
  // A browser drops an issued secret (core's note says so); a client that keeps it says how.
  const notes = credentials
    ? [
        ...result.notes.filter((note) => !note.includes('client_secret')),
        `The server issued a client secret; this client keeps it in memory and authenticates with ${credentials.method}.`,
      ]
    : result.notes;
  const output: StepOutput = {
    data: dataFor('registration', {
      method: 'dcr',
      reason: plan.reason,
      clientId: result.clientId,
      clientMetadata: result.clientMetadata,
      notes,
    }),
  };
  if (credentials) output.credentials = credentials;
  return output;
};

/**
 * The DCR body (RFC 7591 §3.1): the client's own metadata when given, else the playground's as a
 * public client, asking for a secret method only where a confidential client meets a server
 * that takes no public clients.
 */
function registrationBody(
  own: Record<string, unknown> | undefined,
  client: { redirectUri: string; clientName: string },
  confidential: boolean,
  authServerMetadata: unknown,
): Record<string, unknown> {
  if (own) return own;
  const body: Record<string, unknown> = dynamicRegistrationBody(client);
  const method = confidential ? registrationAuthMethod(authServerMetadata) : 'none';
  if (method !== 'none') body.token_endpoint_auth_method = method;
  return body;
}

/**
 * The secret a registration response issued (RFC 7591 §3.2.1), with the method registered: the
 * response's, else the one the request asked for. A client registered with `none` is public,
 * and a secret the server hands it anyway goes unused.
 */
function issuedCredentials(
  json: unknown,
  requested: Record<string, unknown>,
): ClientCredentials | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const record = json as Record<string, unknown>;
  if (typeof record.client_secret !== 'string' || record.client_secret === '') return undefined;
  const method = record.token_endpoint_auth_method ?? requested.token_endpoint_auth_method;
  if (!isSecretMethod(method)) return undefined;
  return { clientSecret: record.client_secret, method };
}
