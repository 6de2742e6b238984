import { encodeBase64Url } from '../encoding/base64url.ts';

// RFC 7636 (CITES.pkce) with the S256 method, the only one MCP allows (MCP 2026-07-28 Security
// Considerations, "Authorization Code Protection"). Built on WebCrypto alone, so the same code
// runs in the browser and in Node 20.

/** RFC 7636 §4.1: code-verifier = 43*128unreserved. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isPkceVerifier(verifier: string): boolean {
  return typeof verifier === 'string' && VERIFIER.test(verifier);
}

/** Where random octets come from: WebCrypto unless the caller injects a source (tests, a CLI). */
export type RandomBytes = (length: number) => Uint8Array;

const webCryptoBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));

/** 32 random octets, base64url-encoded: the 43-character verifier RFC 7636 §4.1 recommends. */
function randomToken(random: RandomBytes): string {
  const bytes = random(32);
  if (!(bytes instanceof Uint8Array) || bytes.length !== 32) {
    throw new TypeError('The random source must return the 32 octets asked for.');
  }
  return encodeBase64Url(bytes);
}

/** RFC 7636 §4.2: code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return encodeBase64Url(new Uint8Array(digest));
}

/** A fresh verifier and its S256 challenge. The verifier stays with the client; only the challenge is sent. */
export async function createPkcePair(
  random: RandomBytes = webCryptoBytes,
): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomToken(random);
  return { verifier, challenge: await pkceChallenge(verifier) };
}

/**
 * An unguessable `state` value with 256 bits of entropy, to bind the authorization response to
 * the request (RFC 6749 §10.12; MCP 2026-07-28 "Authorization Flow Steps": clients SHOULD use
 * and verify state).
 */
export function randomState(random: RandomBytes = webCryptoBytes): string {
  return randomToken(random);
}
