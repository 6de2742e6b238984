/** Parameters of a Bearer challenge (RFC 6750 §3, RFC 9728 §5.1). */
export interface BearerChallengeParams {
  realm?: string;
  error?: string;
  errorDescription?: string;
  scope?: string;
  resourceMetadata?: string;
}

/** Whether a value can travel in a quoted-string of a header: printable ASCII and spaces only. */
export function isHeaderSafe(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/** A `WWW-Authenticate` value with one Bearer challenge; parameters appear in a fixed order. */
export function bearerChallenge(params: BearerChallengeParams): string {
  const entries: [string, string | undefined][] = [
    ['realm', params.realm],
    ['error', params.error],
    ['error_description', params.errorDescription],
    ['scope', params.scope],
    ['resource_metadata', params.resourceMetadata],
  ];
  const rendered = entries
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${quotedString(value)}`);
  return rendered.length ? `Bearer ${rendered.join(', ')}` : 'Bearer';
}

/** RFC 9110 §5.6.4: a backslash escapes `"` and `\` inside a quoted-string. */
function quotedString(value: string): string {
  if (!isHeaderSafe(value))
    throw new Error(`A challenge parameter cannot carry ${JSON.stringify(value)}.`);
  return `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`;
}
