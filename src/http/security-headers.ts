/**
 * Headers that keep what the service sends where it belongs: one strict Content-Security-Policy
 * for pages and API alike (the pages load only this site's own stylesheet and script, and no
 * page may be framed) with the browser's other guards, and `Cache-Control: no-store` on API
 * responses, which carry her profile, her matches, introductions and exports — a shared cache or
 * a shared phone must not keep them.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

/** The policy: this site's files only, nothing inline, no framing, forms only to this site. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The same policy allowing one inline stylesheet by its SHA-256 (the generated API reference).
 * @example c.header('content-security-policy', await policyWithStyle(DOCS_STYLE))
 */
export async function policyWithStyle(style: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(style));
  const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
  return CONTENT_SECURITY_POLICY.replace("style-src 'self'", `style-src 'sha256-${hash}'`);
}

/**
 * The browser's other guards, on every response: no MIME sniffing, no framing by older browsers,
 * no referrer sent elsewhere, HTTPS remembered, windows and resources kept to this origin.
 */
const HARDENING_HEADERS: readonly (readonly [string, string])[] = [
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'SAMEORIGIN'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

/**
 * The policy and the hardening headers on every response, said before the handler runs: every
 * response the context builds (pages, JSON, errors, redirects, files) starts with them, and a
 * handler may still say its own policy (the API reference does). Headers added to a finished
 * response instead made the Node server build each response twice (~0.1 ms a request).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    for (const [name, value] of HARDENING_HEADERS) c.header(name, value);
    c.header('content-security-policy', CONTENT_SECURITY_POLICY);
    await next();
  };
}

/**
 * `Cache-Control: no-store` on every response of the routes it guards, errors included: set
 * before the handler runs, so every response the context builds (c.json, c.body, the error
 * envelope) starts with it, and no finished response is rebuilt to add it.
 */
export function noStore(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.header('cache-control', 'no-store');
    await next();
  };
}
