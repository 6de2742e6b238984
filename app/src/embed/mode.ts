// Embed mode is chosen by the query, not the path, so one build serves both and a host can give
// the embeddable page its own framing rule from the request alone (see docs/embedding.md). The
// preview server's headers read the query with these same functions.
//
// The rule must be exactly the host's, or a query the host reads as "embed" (and lets any site
// frame) would open the full app inside someone else's page. So it reads the raw query the way
// the documented server rule does (`(^|&)embed=1(&|$)`, case-sensitive, no decoding): one
// `&`-separated part that is exactly `embed=1`. `?EMBED=1`, `?%65mbed=1` and `?embed=%31` are
// not embed mode, for the app and for the host alike.

export const EMBED_PARAM = 'embed';
export const VIEW_PARAM = 'view';

/** The one query part that turns embed mode on, byte for byte. */
export const EMBED_QUERY_PART = `${EMBED_PARAM}=1`;

/** Whether a query string (`?embed=1&view=compare`, with or without `?`) asks for embed mode. */
export function isEmbedSearch(search: string): boolean {
  const query = search.startsWith('?') ? search.slice(1) : search;
  return query.split('&').includes(EMBED_QUERY_PART);
}

/** The embed view a query names, or undefined for the default (the decision). */
export function embedViewIn(search: string): string | undefined {
  return new URLSearchParams(search).get(VIEW_PARAM) ?? undefined;
}
