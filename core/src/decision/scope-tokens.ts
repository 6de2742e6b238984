// Scope values are space-delimited lists of tokens (RFC 6749 §3.3). These helpers are the
// token-wise view the spec profiles use; an SDK profile that compares strings differently
// models that itself.

const WHITESPACE = /\s+/;

/** The tokens of a scope value, in order, without empty strings. */
export function scopeTokens(scope: string | undefined): string[] {
  if (typeof scope !== 'string' || scope === '') return [];
  return scope.split(WHITESPACE).filter((token) => token !== '');
}

/** Tokens of every value in first-seen order, each once: the union a step-up asks for. */
export function unionTokens(...scopes: readonly (string | undefined)[]): string[] {
  return uniqueTokens(scopes.flatMap((scope) => scopeTokens(scope)));
}

/** Each token once, in first-seen order. Takes an array: a huge list must not become arguments. */
export function uniqueTokens(tokens: readonly string[]): string[] {
  return [...new Set(tokens)];
}

/** Whether `token` is one of the whitespace-separated tokens of `scope`. */
export function hasToken(scope: string | undefined, token: string): boolean {
  return scopeTokens(scope).includes(token);
}

/** Tokens the first list repeats, each reported once. */
export function duplicateTokens(tokens: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const token of tokens) {
    if (seen.has(token)) repeated.add(token);
    else seen.add(token);
  }
  return [...repeated];
}

/**
 * RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ), printable ASCII without space,
 * double quote or backslash.
 */
export function isScopeToken(value: string): boolean {
  return /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(value);
}
