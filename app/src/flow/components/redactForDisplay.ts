import { collectSecrets, redactExchange } from '@mcp-auth-playground/core';
import type { HttpExchange } from '@mcp-auth-playground/core';

// Log entries never change once recorded, so what each one holds and how it reads redacted can
// be remembered per entry: the log re-renders on every new request, and re-scanning every body
// each time would cost more than the request itself.
const ownSecrets = new WeakMap<HttpExchange, readonly string[]>();
const redacted = new WeakMap<HttpExchange, { key: string; value: HttpExchange }>();

/**
 * The log with every secret shortened, as the page shows it. An entry is redacted again only
 * when the set of known secrets grows (a token arrives later that an earlier entry echoes).
 */
export function redactForDisplay(
  log: readonly HttpExchange[],
  extraSecrets: readonly string[],
): HttpExchange[] {
  const secrets = new Set(extraSecrets.filter(Boolean));
  for (const exchange of log) {
    let own = ownSecrets.get(exchange);
    if (!own) {
      own = [...collectSecrets([exchange])];
      ownSecrets.set(exchange, own);
    }
    for (const secret of own) secrets.add(secret);
  }
  const key = [...secrets].sort().join('\n');
  return log.map((exchange) => {
    const cached = redacted.get(exchange);
    if (cached?.key === key) return cached.value;
    const value = redactExchange(exchange, secrets, 'shorten');
    redacted.set(exchange, { key, value });
    return value;
  });
}
