import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from '../../src/encoding/base64url.ts';
import {
  createPkcePair,
  isPkceVerifier,
  pkceChallenge,
  randomState,
} from '../../src/protocol/pkce.ts';
import fc from 'fast-check';

// RFC 7636 Appendix B.
const APPENDIX_B_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105,
  214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const APPENDIX_B_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const APPENDIX_B_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE (RFC 7636)', () => {
  it('encodes the Appendix B octets to the Appendix B verifier', () => {
    expect(encodeBase64Url(Uint8Array.from(APPENDIX_B_OCTETS))).toBe(APPENDIX_B_VERIFIER);
  });

  it('derives the Appendix B S256 challenge', async () => {
    expect(await pkceChallenge(APPENDIX_B_VERIFIER)).toBe(APPENDIX_B_CHALLENGE);
  });

  it('creates a valid 43-character verifier with its challenge, fresh each time', async () => {
    const first = await createPkcePair();
    const second = await createPkcePair();
    expect(first.verifier).toHaveLength(43);
    expect(isPkceVerifier(first.verifier)).toBe(true);
    expect(first.challenge).toBe(await pkceChallenge(first.verifier));
    expect(first.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(second.verifier).not.toBe(first.verifier);
  });

  it('tells valid verifiers from invalid ones (RFC 7636 §4.1)', () => {
    expect(isPkceVerifier(APPENDIX_B_VERIFIER)).toBe(true);
    expect(isPkceVerifier('a'.repeat(128))).toBe(true);
    expect(isPkceVerifier('a'.repeat(42))).toBe(false);
    expect(isPkceVerifier('a'.repeat(129))).toBe(false);
    expect(isPkceVerifier(`${'a'.repeat(42)}+`)).toBe(false);
  });

  it('makes distinct 43-character states', () => {
    const states = new Set(Array.from({ length: 50 }, randomState));
    expect(states.size).toBe(50);
    for (const state of states) expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('base64url (RFC 4648 §5)', () => {
  it('round-trips any bytes and matches the RFC 4648 §10 vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(encodeBase64Url(new TextEncoder().encode(plain))).toBe(encoded);
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        const decoded = decodeBase64Url(encodeBase64Url(bytes));
        expect(decoded).toEqual({ ok: true, bytes });
      }),
      { numRuns: 200 },
    );
  });

  it('uses the URL-safe alphabet and refuses the standard one', () => {
    expect(encodeBase64Url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
    expect(decodeBase64Url('+/8')).toEqual({ ok: false, reason: 'invalid-character', position: 0 });
    expect(decodeBase64Url('Zm9v=')).toEqual({ ok: true, bytes: new TextEncoder().encode('foo') });
    expect(decodeBase64Url('Zm9vY')).toEqual({ ok: false, reason: 'invalid-length' });
  });
});
