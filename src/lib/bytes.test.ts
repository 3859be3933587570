/**
 * Session, invitation and e-mail tokens are stored as their SHA-256: the in-place hash must give
 * exactly what WebCrypto gave when they were stored, or every earlier sign-in would stop working.
 */
import { describe, expect, it } from 'vitest';
import { randomToken, sha256Hex } from './bytes.ts';

const webCryptoHex = async (text: string) =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');

describe('sha256Hex', () => {
  it('gives the standard digest of "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('agrees with WebCrypto on tokens, form keys and Japanese text', async () => {
    const texts = ['', randomToken(), `yorisoi-form:${randomToken()}`, '小川 彩', 'x'.repeat(1000)];
    for (const text of texts) expect(sha256Hex(text)).toBe(await webCryptoHex(text));
  });
});
