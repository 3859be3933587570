/**
 * Request guards that apply to every API route: who is calling (cookie or bearer token),
 * body size, JSON-only bodies, and same-origin proof for cookie-authenticated writes. Each is a small factory in hono's style.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

export const SESSION_COOKIE = 'yorisoi_session';

/** The session token from `Authorization: Bearer …`, else from the session cookie. */
export function sessionTokenOf(c: Context): string | undefined {
  return c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? getCookie(c, SESSION_COOKIE);
}

/**
 * A state change authenticated by the session cookie must show it comes from this origin:
 * browsers send the cookie with a form posted from any page of the same site (SameSite=Lax lets
 * sibling origins through), and such a form needs no body to record her consent. A JSON content
 * type cannot be sent cross-origin without a CORS preflight (which this API never grants), and
 * Origin / Sec-Fetch-Site name the page that sent it; one of them must say "this origin".
 * Requests with a bearer token are untouched: a browser never adds that header by itself.
 */
export function requireSameOriginForCookies(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    const changes = method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
    const byCookie = !c.req.header('authorization') && getCookie(c, SESSION_COOKIE) !== undefined;
    if (changes && byCookie && !isJson(c) && !fromThisOrigin(c)) {
      throw new AppError(
        'forbidden',
        'A request signed in by cookie must come from this site: send it as application/json',
      );
    }
    return next();
  };
}

function isJson(c: Context): boolean {
  return /^application\/([a-z.+-]*\+)?json\b/i.test(c.req.header('content-type') ?? '');
}

function fromThisOrigin(c: Context): boolean {
  if (c.req.header('sec-fetch-site') === 'same-origin') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    // The host, not the scheme: behind a TLS-terminating proxy the request URL says http.
    return new URL(origin).host === new URL(c.req.url).host;
  } catch {
    return false;
  }
}

/** Resolves the caller's session, if any, to the `actor` variable. */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = sessionTokenOf(c);
    c.set('actor', token ? await c.get('services').auth.resolve(token) : undefined);
    return next();
  };
}

/**
 * Rejects bodies over `maxBytes` with 413, whether or not Content-Length was sent, and closes the
 * connection after the answer. GET and HEAD carry no body (a Request cannot have one), so they
 * skip the check: looking for a body made the Node server build a full Request for every page
 * view (~0.04 ms each, at hundreds a second).
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      // The rest of the body is never read, so the connection cannot carry another request:
      // saying so lets a client that keeps connections alive open a new one instead of being
      // cut off on its next request.
      c.header('Connection', 'close');
      throw new AppError('payload_too_large', `The request body is larger than ${maxBytes} bytes`);
    },
  });
  return (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next));
}

/**
 * Requests that carry a body must say it is JSON. Besides clear errors, this keeps cross-site
 * HTML forms (which cannot send application/json without a CORS preflight) away from the API.
 */
export function requireJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    if ((method === 'POST' || method === 'PUT' || method === 'PATCH') && (await hasBody(c))) {
      if (!isJson(c)) {
        throw new AppError('unsupported_media_type', 'Send the body as application/json');
      }
    }
    return next();
  };
}

/**
 * Whether the request carries a body. The headers say so on the wire; a request built in process
 * (tests, Workers service bindings) may have neither header, so its (already size-limited) body is
 * looked at instead. A POST without any body — `curl -X POST …/publish` — is not refused.
 */
async function hasBody(c: Context): Promise<boolean> {
  const length = c.req.header('content-length');
  if (length !== undefined) return Number(length) > 0;
  if (c.req.header('transfer-encoding') !== undefined) return true;
  if (c.req.raw.body === null) return false;
  return (await c.req.raw.clone().arrayBuffer()).byteLength > 0;
}
