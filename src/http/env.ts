/**
 * The Hono environment every route shares: the request id, the services built once per app,
 * and the signed-in actor (undefined for anonymous requests).
 */
import type { Context } from 'hono';
import type { Actor } from '../actor.ts';
import { AppError } from '../errors.ts';
import type { Services } from '../services.ts';

export interface AppEnv {
  Variables: {
    requestId: string;
    services: Services;
    actor: Actor | undefined;
    /** The caller's IP address (see src/http/client-limits.ts); undefined for in-process requests. */
    clientAddress: string | undefined;
    /** The page's anti-forgery token (web pages only; see src/web/csrf.ts). */
    csrfToken: string;
  };
}

/** The signed-in actor; the route's access middleware has already guaranteed one. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated', 'Sign in first');
  return actor;
}
