/** Parses an absolute URL without throwing; undefined for anything else. */
export function parseAbsoluteUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/**
 * Loopback hosts where plain http is allowed (OAuth 2.1 §1.5, RFC 8252 §7.3): the name
 * `localhost`, any 127.0.0.0/8 address and the IPv6 loopback. The URL parser has already
 * normalised shorthand such as `127.1` into dotted form.
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** An https URL, or an http URL on a loopback host: the only schemes OAuth endpoints may use. */
export function isSecureOrLoopback(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
}
