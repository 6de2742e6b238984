import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { JWK } from 'jose';

/**
 * A fresh RS256 key pair for one authorization server, as JWKs with a thumbprint `kid`
 * (RFC 7638). RS256 is what OpenID Connect requires every provider to support, and what
 * resource servers verify most widely.
 */
export interface SigningKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function createSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const common = { kid, alg: 'RS256', use: 'sig' };
  return {
    privateJwk: { ...(await exportJWK(privateKey)), ...common },
    publicJwk: { ...publicJwk, ...common },
  };
}

/**
 * One key, made when first asked for and then shared: live scenarios sign with it, so creating
 * one costs no RSA key generation (tens of milliseconds of CPU each). Tokens still cannot cross
 * scenarios: each MCP server checks the issuer and the audience, which differ per scenario.
 */
export function lazySigningKey(): () => Promise<SigningKey> {
  let key: Promise<SigningKey> | undefined;
  return () => (key ??= createSigningKey());
}
