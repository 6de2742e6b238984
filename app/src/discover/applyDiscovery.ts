import type { DiscoveryResult } from '@mcp-auth-playground/core';
import type { DocumentDraft, Drafts } from '../shared/drafts.ts';

function served(document: unknown): DocumentDraft {
  return document === undefined
    ? { text: '', served: false }
    : { text: JSON.stringify(document, null, 2), served: true };
}

/** Whether discovery read anything at all from the server: otherwise the editors stay as they are. */
export function readAnything(result: DiscoveryResult): boolean {
  return (
    result.challengeStatus !== undefined ||
    result.resourceMetadata !== undefined ||
    result.authServerMetadata !== undefined
  );
}

/**
 * The drafts after a discovery: the challenge and both server documents as the server served
 * them (not served when discovery found none), the server URL as discovered. The client's own
 * document, the profile and the previous scope are the user's, so they stay.
 */
export function applyDiscovery(drafts: Drafts, result: DiscoveryResult): Drafts {
  return {
    ...drafts,
    serverUrl: result.serverUrl,
    wwwAuthenticate: result.wwwAuthenticate ?? '',
    documents: {
      ...drafts.documents,
      resourceMetadata: served(result.resourceMetadata),
      authServerMetadata: served(result.authServerMetadata),
    },
  };
}
