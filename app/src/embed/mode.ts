// Embed mode is chosen by the query, not the path, so one build serves both and a host can give
// the embeddable page its own framing rule from the request alone (see docs/embedding.md). The
// preview server's headers read the query with these same functions.

export const EMBED_PARAM = 'embed';
export const VIEW_PARAM = 'view';

/** Whether a query string (`?embed=1&view=compare`, with or without `?`) asks for embed mode. */
export function isEmbedSearch(search: string): boolean {
  return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/** The embed view a query names, or undefined for the default (the decision). */
export function embedViewIn(search: string): string | undefined {
  return new URLSearchParams(search).get(VIEW_PARAM) ?? undefined;
}
