/**
 * Per-client (IP) limits on the routes that hash a password — sign-in, sign-up, deleting her
 * account, and any later one such as a password reset: each costs about a second of CPU, so a
 * handful of requests a second from one address would otherwise saturate the service. The count
 * is kept in memory per process (or Workers isolate), which is where the CPU is spent; the
 * per-address password throttle in the database is a separate, cross-process guard.
 *
 * To put another password route under the limit, add its path to PASSWORD_ROUTES.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

/** POST paths that hash a password (API and pages). */
export const PASSWORD_ROUTES: readonly string[] = [
  '/api/auth/sign-in',
  '/api/auth/sign-up',
  '/api/members/me/deletion',
  '/sign-in',
  '/sign-up',
  '/me/data/delete',
];

/** Requests one client may make to the password routes, together, per window. */
export const PASSWORD_ROUTE_LIMIT = { requests: 10, windowMs: 60_000 };

/**
 * The caller's IP address: the connecting socket on Node (the right-most X-Forwarded-For entry,
 * which our own proxy added, when TRUST_PROXY is set), Cloudflare's CF-Connecting-IP on Workers
 * (set by Cloudflare, not by the client). Undefined for requests made in process (tests, service
 * bindings), which carry neither.
 */
export function clientAddressOf(c: Context, trustProxy: boolean): string | undefined {
  const node = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  if (node) {
    if (trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    return node.socket?.remoteAddress;
  }
  return c.req.header('cf-connecting-ip') ?? undefined;
}

export interface ClientLimiter {
  /** Counts one request for the key; the seconds to wait when it is over the limit. */
  take(key: string): number | undefined;
}

/**
 * A fixed-window counter per key, in memory.
 * @example const limiter = perClientLimiter(PASSWORD_ROUTE_LIMIT, systemClock); limiter.take('203.0.113.5')
 */
export function perClientLimiter(limit: { requests: number; windowMs: number }, clock: Clock): ClientLimiter {
  const windows = new Map<string, { count: number; resetsAt: number }>();
  return {
    take(key) {
      const now = clock.now().getTime();
      if (windows.size > 10_000) {
        for (const [k, w] of windows) if (w.resetsAt <= now) windows.delete(k);
      }
      let window = windows.get(key);
      if (!window || window.resetsAt <= now) {
        window = { count: 0, resetsAt: now + limit.windowMs };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit.requests) return undefined;
      return Math.max(1, Math.ceil((window.resetsAt - now) / 1000));
    },
  };
}

/**
 * Refuses a client's POSTs to the password routes beyond the limit with 429 and Retry-After,
 * before any hashing. Requests without a known address (made in process) are not counted.
 */
export function limitPasswordRoutesPerClient(
  limiter: ClientLimiter,
  trustProxy: boolean,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST' && PASSWORD_ROUTES.includes(c.req.path)) {
      const client = clientAddressOf(c, trustProxy);
      const wait = client === undefined ? undefined : limiter.take(client);
      if (wait !== undefined) {
        throw new AppError(
          'too_many_attempts',
          'Too many sign-in attempts from your network: wait a moment before trying again',
          undefined,
          wait,
        );
      }
    }
    return next();
  };
}
