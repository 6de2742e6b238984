/**
 * Reads a token for display only. Nothing here verifies a signature: the client must not trust
 * what it reads from an access token (it is meant for the resource server), but a reader learns
 * a lot from seeing its audience, scope and expiry. Callers must never log the token itself.
 */
export type DecodedToken =
  | {
      format: 'jwt';
      header: Record<string, unknown>;
      claims: Record<string, unknown>;
      /** `exp` in epoch milliseconds. */
      expiresAt?: number;
      issuedAt?: number;
      /** `aud` as a list (RFC 7519 allows a string or an array). */
      audience: string[];
      /** `scope` (RFC 9068 §2.2.3), when present as a string. */
      scope?: string;
    }
  | { format: 'opaque'; length: number };

export function decodeTokenForDisplay(token: string): DecodedToken {
  const parts = token.split('.');
  if (parts.length !== 3) return { format: 'opaque', length: token.length };
  const header = decodeSegment(parts[0]!);
  const claims = decodeSegment(parts[1]!);
  if (!header || !claims) return { format: 'opaque', length: token.length };
  const aud = claims.aud;
  const audience = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter(isString) : [];
  const decoded: DecodedToken = { format: 'jwt', header, claims, audience };
  if (typeof claims.exp === 'number' && Number.isFinite(claims.exp)) {
    decoded.expiresAt = claims.exp * 1000;
  }
  if (typeof claims.iat === 'number' && Number.isFinite(claims.iat)) {
    decoded.issuedAt = claims.iat * 1000;
  }
  if (typeof claims.scope === 'string') decoded.scope = claims.scope;
  return decoded;
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function decodeSegment(segment: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(segment)) return undefined;
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** "expires in 4 min 05 s" / "expired 12 s ago", for a countdown that ticks every second. */
export function describeExpiry(expiresAt: number, now: number): string {
  const seconds = Math.round((expiresAt - now) / 1000);
  const span = formatSpan(Math.abs(seconds));
  return seconds >= 0 ? `expires in ${span}` : `expired ${span} ago`;
}

function formatSpan(total: number): string {
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${String(minutes).padStart(2, '0')} min`;
  if (minutes > 0) return `${minutes} min ${String(seconds).padStart(2, '0')} s`;
  return `${seconds} s`;
}
