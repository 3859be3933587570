/**
 * Byte helpers on Web APIs and plain JavaScript only (no Buffer), so they run on Node and
 * Workers alike.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** @example bytesToBase64url(new Uint8Array([255])) // '_w' */
export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** @example base64urlToBytes('_w') // Uint8Array [255] */
export function base64urlToBytes(text: string): Uint8Array {
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Compares in time independent of where the inputs differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

/** A random token of `bytes` bytes, base64url-encoded. */
export function randomToken(bytes = 32): string {
  return bytesToBase64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * Hex SHA-256 of a string. Every signed-in request hashes her session token (to find it, and to
 * derive her form token): for these short texts, hashing in place costs ~5 µs where WebCrypto's
 * asynchronous digest cost ~25 µs and a trip through the thread pool.
 * @example sha256Hex('abc') // 'ba7816bf…'
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
