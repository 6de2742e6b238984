import * as oauth from 'oauth4webapi';
import type { StepContext } from './context.ts';
import type { ClientCredentials } from './types.ts';

type SecretMethod = NonNullable<ClientCredentials['method']>;

function supportedMethods(document: unknown): string[] | undefined {
  if (typeof document !== 'object' || document === null) return undefined;
  const listed = (document as Record<string, unknown>).token_endpoint_auth_methods_supported;
  return Array.isArray(listed)
    ? listed.filter((m): m is string => typeof m === 'string')
    : undefined;
}

/**
 * How a client holding a secret sends it, when its registration does not say: the method the
 * authorization server lists, basic before post, and client_secret_basic when it lists neither,
 * the default RFC 8414 §2 gives an absent `token_endpoint_auth_methods_supported`.
 */
export function secretMethodFor(authServerMetadata: unknown): SecretMethod {
  const listed = supportedMethods(authServerMetadata);
  if (listed?.includes('client_secret_basic')) return 'client_secret_basic';
  if (listed?.includes('client_secret_post')) return 'client_secret_post';
  return 'client_secret_basic';
}

/**
 * The token_endpoint_auth_method a confidential client asks for at registration: `none` when the
 * server accepts public clients, else the secret method it lists.
 */
export function registrationAuthMethod(authServerMetadata: unknown): 'none' | SecretMethod {
  const listed = supportedMethods(authServerMetadata);
  if (listed === undefined || listed.includes('none')) return 'none';
  return secretMethodFor(authServerMetadata);
}

export function isSecretMethod(value: unknown): value is SecretMethod {
  return value === 'client_secret_basic' || value === 'client_secret_post';
}

/** The application/x-www-form-urlencoded form of one value, as URLSearchParams writes it. */
function formEncoded(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}

/**
 * client_secret_basic (RFC 6749 §2.3.1): id and secret form-encoded, joined by a colon, in
 * base64. Written here rather than taken from oauth4webapi, which also escapes characters the
 * form encoding leaves as they are (`-`, `.`, `_`, `*`), so a server that compares the decoded
 * values without unescaping them (as common as it is wrong) would refuse an id like `my-client`.
 */
function clientSecretBasic(clientSecret: string): oauth.ClientAuth {
  return (_as, client, _body, headers) => {
    const pair = `${formEncoded(client.client_id)}:${formEncoded(clientSecret)}`;
    const bytes = new TextEncoder().encode(pair);
    headers.set('authorization', `Basic ${btoa(String.fromCharCode(...bytes))}`);
  };
}

/** The client authentication of every token request: none for a public client (RFC 6749 §2.1). */
export function clientAuthOf(context: StepContext, authServerMetadata: unknown): oauth.ClientAuth {
  const credentials = context.credentials;
  if (!credentials) return oauth.None();
  const method = credentials.method ?? secretMethodFor(authServerMetadata);
  return method === 'client_secret_post'
    ? oauth.ClientSecretPost(credentials.clientSecret)
    : clientSecretBasic(credentials.clientSecret);
}
