import { encodeBase64Url } from '../encoding/base64url.ts';

// RFC 7636 (CITES.pkce) with the S256 method, the only one MCP allows (MCP 2026-07-28 Security
// Considerations, "Authorization Code Protection"). Built on WebCrypto alone, so the same code
// runs in the browser and in Node 20.

/** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isPkceVerifier(verifier: string): boolean {
  return typeof verifier === 'string' && VERIFIER.test(verifier);
}

/** 32 random octets, base64url-encoded: the 43-character verifier RFC 7636 §4.1 recommends. */
function randomToken(): string {
  return encodeBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return encodeBase64Url(new Uint8Array(digest));
}

/** A fresh verifier and its S256 challenge. The verifier stays with the client; only the challenge is sent. */
export async function createPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomToken();
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/**
 * An unguessable `state` value with 256 bits of entropy, to bind the authorization response to
 * the request (RFC 6749 §10.12; MCP 2026-07-28 "Authorization Flow Steps": clients SHOULD use
 * and verify state).
 */
export function randomState(): string {
  return randomToken();
}
