/**
 * Password hashing with scrypt from @noble/hashes: pure JavaScript, so it runs the same on Node
 * and on Workers (whose Web Crypto caps PBKDF2 at 100,000 iterations, below OWASP's 600,000).
 * Parameters follow OWASP's scrypt guidance (N=2^15, r=8, p=3: 32 MiB, within a Worker's memory)
 * and are stored in the hash, so they can be raised later without breaking old hashes.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { base64urlToBytes, bytesToBase64url, constantTimeEqual } from '../../lib/bytes.ts';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
// Bounds on stored parameters, so a tampered hash cannot make verification take minutes.
const MAX_N = 2 ** 17;
const MAX_P = 16;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}

/**
 * A hasher producing `scrypt$N$r$p$salt$key` strings (base64url).
 * @example const hasher = scryptHasher(); const stored = await hasher.hash('correct horse');
 */
export function scryptHasher(params: ScryptParams = OWASP_SCRYPT): PasswordHasher {
  return {
    async hash(password) {
      const salt = crypto.getRandomValues(new Uint8Array(SALT_LENGTH));
      const key = await scryptAsync(password.normalize('NFKC'), salt, { ...params, dkLen: KEY_LENGTH });
      return ['scrypt', params.N, params.r, params.p, bytesToBase64url(salt), bytesToBase64url(key)].join(
        '$',
      );
    },
    async verify(password, stored) {
      const [scheme, n, r, p, salt, key] = stored.split('$');
      if (scheme !== 'scrypt' || !salt || !key) return false;
      const parsed = { N: Number(n), r: Number(r), p: Number(p) };
      if (
        !(
          parsed.N > 1 &&
          parsed.N <= MAX_N &&
          parsed.r >= 1 &&
          parsed.r <= 16 &&
          parsed.p >= 1 &&
          parsed.p <= MAX_P
        )
      ) {
        return false;
      }
      const expected = base64urlToBytes(key);
      const actual = await scryptAsync(password.normalize('NFKC'), base64urlToBytes(salt), {
        ...parsed,
        dkLen: expected.length,
      });
      return constantTimeEqual(actual, expected);
    },
  };
}
