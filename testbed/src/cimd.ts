import { PLAYGROUND_REDIRECT_URI } from './config.ts';

/** Where the testbed publishes the playground's client ID metadata document. */
export const CIMD_PATH = '/clients/playground.json';

/** A client ID metadata document the testbed publishes, and the client_id that names it. */
export interface ClientIdMetadataDocument {
  /**
   * The client_id. Client ID Metadata Documents require an https URL with a path, and
   * oidc-provider refuses any other, so the id names the https form of the testbed's URL.
   */
  readonly clientId: string;
  /** Where a browser can read the same document from this plain-http testbed. */
  readonly documentUrl: string;
  readonly document: Readonly<Record<string, unknown>>;
}

export function playgroundClientIdMetadataDocument(origin: string): ClientIdMetadataDocument {
  const url = new URL(CIMD_PATH, origin);
  const documentUrl = url.href;
  url.protocol = 'https:';
  const clientId = url.href;
  return {
    clientId,
    documentUrl,
    document: {
      client_id: clientId,
      client_name: 'MCP Auth Playground (client ID metadata document)',
      redirect_uris: [PLAYGROUND_REDIRECT_URI],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      // A browser cannot keep a secret: the document describes a public client.
      token_endpoint_auth_method: 'none',
    },
  };
}

/**
 * A `fetch` for oidc-provider that resolves the testbed's own documents in-process. The provider
 * fetches a client_id URL to learn the client, and its default fetcher refuses loopback addresses
 * (SSRF protection), so a local authorization server could never read a document served from
 * localhost, let alone over https. This one answers for the documents it knows and refuses every
 * other URL: the testbed never makes a request off this machine.
 */
export function inProcessDocumentFetch(
  documents: readonly ClientIdMetadataDocument[],
): (url: string | URL) => Promise<Response> {
  const byClientId = new Map(documents.map((entry) => [entry.clientId, entry.document]));
  return (url) => {
    const document = byClientId.get(String(url));
    if (!document) {
      return Promise.reject(
        new Error(
          `The testbed resolves only its own client ID metadata documents, not ${String(url)}.`,
        ),
      );
    }
    return Promise.resolve(
      new Response(JSON.stringify(document), {
        status: 200,
        headers: { 'Content-Type': 'application/json', 'Cache-Control': 'max-age=300' },
      }),
    );
  };
}
