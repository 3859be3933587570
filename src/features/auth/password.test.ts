/**
 * Password hashing: verifies the right password, rejects a wrong or tampered one, salts every hash.
 */
import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, scryptHasher } from './password.ts';

describe('scrypt password hasher', () => {
  const hasher = scryptHasher();

  it('stores OWASP parameters with a fresh salt, and verifies only the right password', async () => {
    const first = await hasher.hash('ひとり親でも安心して働ける');
    const second = await hasher.hash('ひとり親でも安心して働ける');
    expect(first).toMatch(new RegExp(`^scrypt\\$${OWASP_SCRYPT.N}\\$8\\$3\\$`));
    expect(first).not.toBe(second);
    expect(await hasher.verify('ひとり親でも安心して働ける', first)).toBe(true);
    expect(await hasher.verify('ひとり親でも安心して働けない', first)).toBe(false);
  });

  it('rejects malformed hashes and absurd parameters without running them', async () => {
    const stored = await hasher.hash('password-1234');
    expect(await hasher.verify('password-1234', 'plain')).toBe(false);
    const absurd = stored.replace(/^scrypt\$\d+/, `scrypt$${2 ** 24}`);
    expect(await hasher.verify('password-1234', absurd)).toBe(false);
  });
});
