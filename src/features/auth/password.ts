/**
 * Password hashing with scrypt from @noble/hashes: pure JavaScript, so it runs the same on Node
 * and on Workers (whose Web Crypto caps PBKDF2 at 100,000 iterations, below OWASP's 600,000).
 * Parameters follow OWASP's scrypt guidance (N=2^15, r=8, p=3: 32 MiB, within a Worker's memory)
 * and are stored in the hash, so they can be raised later without breaking old hashes.
 */
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { AppError } from '../../errors.ts';
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

/** How many hashes run at once, and how many may wait for a turn, before callers are refused. */
export const HASHING_CAP = { running: 2, waiting: 6 };

/**
 * The same hasher, with at most `running` hashes at once and `waiting` queued behind them; a call
 * beyond that is refused at once with 503 and Retry-After (code `busy`), so a burst of sign-ins
 * cannot take every core from the rest of the service. The cost of each hash is unchanged.
 * @example const passwords = cappedHasher(scryptHasher())
 */
export function cappedHasher(inner: PasswordHasher, cap = HASHING_CAP): PasswordHasher {
  let running = 0;
  const queue: (() => void)[] = [];
  async function turn<T>(work: () => Promise<T>): Promise<T> {
    if (running >= cap.running) {
      if (queue.length >= cap.waiting) {
        throw new AppError(
          'busy',
          'The service is busy checking passwords: try again in a moment',
          undefined,
          2,
        );
      }
      await new Promise<void>((resolve) => queue.push(resolve));
    } else running += 1;
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, or free it.
      const next = queue.shift();
      if (next) next();
      else running -= 1;
    }
  }
  return {
    hash: (password) => turn(() => inner.hash(password)),
    verify: (password, stored) => turn(() => inner.verify(password, stored)),
  };
}
