/**
 * `defineRoute` wraps zod-openapi's `createRoute` so that every route states who may call it.
 * The access rule (a declaration from src/features/shared/access.ts) becomes both the enforcing
 * middleware and the route's documented security, and every route documents the shared error
 * envelope for the failure statuses it can return.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { type Access, admits } from '../actor.ts';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';
import { ErrorEnvelopeSchema } from './error-envelope.ts';

/** A guard that carries the rule it enforces, so a test can see which declaration guards what. */
export type AccessGuard = MiddlewareHandler<AppEnv> & { readonly access: Access };

/**
 * Rejects callers the access rule does not admit: 401 without a session, 403 with the wrong role.
 * @example requireAccess(ACCESS.manageRoles)
 */
export function requireAccess(access: Access): AccessGuard {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const actor = c.get('actor');
    if (admits(access, actor)) return next();
    if (!actor) throw new AppError('unauthenticated', 'Sign in first');
    throw new AppError('forbidden', 'Your account cannot do this');
  };
  return Object.assign(guard, { access });
}

/**
 * Refuses query parameters the route does not declare with 422, as unknown body fields are: a
 * misspelt filter (`?prefcode=14`) would otherwise be ignored silently and return everything.
 * @example refuseUnknownQuery(new Set(['limit', 'offset']))
 */
export function refuseUnknownQuery(allowed: ReadonlySet<string>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const unknown = [...new Set(new URL(c.req.url).searchParams.keys())].filter((name) => !allowed.has(name));
    if (unknown.length > 0) {
      throw new AppError(
        'validation_failed',
        'The request has invalid fields',
        unknown.map((name) => ({
          path: `query.${name}`,
          message: 'unknown parameter',
          code: 'unrecognized_keys',
        })),
      );
    }
    return next();
  };
}

/** The query parameter names a route declares. */
function declaredQuery(route: Pick<RouteConfig, 'request'>): Set<string> {
  const query = route.request?.query as { shape?: Record<string, unknown> } | undefined;
  return new Set(Object.keys(query?.shape ?? {}));
}

/** An error response for the OpenAPI document: the one envelope, with what this status means. */
export const errorContent = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorEnvelopeSchema } },
});

/**
 * The failure statuses a route can really return, from its shape: body errors only with a body,
 * 404 only with an id in the path, 409 only when it changes something, 422 only with input.
 * Statuses particular to one route are added in its own responses (or in src/http/openapi.ts).
 */
function shapeErrors(route: Pick<RouteConfig, 'method' | 'request'>) {
  const request = route.request ?? {};
  const hasBody = request.body !== undefined;
  return {
    ...(hasBody
      ? {
          400: errorContent('Malformed request (for example invalid JSON)'),
          413: errorContent('Request body too large'),
          415: errorContent('Content-Type must be application/json'),
        }
      : {}),
    ...(request.params ? { 404: errorContent('Not found, or not yours') } : {}),
    ...(route.method !== 'get' ? { 409: errorContent('Conflicts with the current state') } : {}),
    // Every route refuses query parameters it does not declare.
    422: errorContent('Validation failed; `issues` lists each field'),
  };
}

const AUTH_ERRORS = {
  401: errorContent('Not signed in'),
  403: errorContent('Signed in, but this account cannot do this'),
} as const;

function describeAccess(access: Access): string {
  if (access === 'public') return 'Anyone may call this.';
  if (access === 'signed-in') return 'Any signed-in account may call this.';
  return `Callable by: ${access.join(', ')}.`;
}

/**
 * A route with its access rule: one of the named declarations in src/features/shared/access.ts,
 * which the pages doing the same action use too.
 * @example defineRoute(ACCESS.manageRoles, { method: 'post', path: '/roles', request: {...}, responses: {...} })
 */
export function defineRoute<const R extends Omit<RouteConfig, 'middleware' | 'security'>>(
  access: Access,
  route: R,
) {
  const documented = {
    description: [route.description, describeAccess(access)].filter(Boolean).join('\n\n'),
    responses: { ...shapeErrors(route), ...(access === 'public' ? {} : AUTH_ERRORS), ...route.responses },
  };
  // The error entries and the access note are documentation only; the handler's types come
  // from the route's own request and success responses, so they are merged in at run time.
  const security: RouteConfig['security'] =
    access === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }];
  const created = createRoute({
    ...route,
    security,
    middleware: [requireAccess(access), refuseUnknownQuery(declaredQuery(route))],
  });
  return Object.assign(created, documented) as typeof created;
}

/** The JSON request body part of a route, marked required so a missing body is a 4xx. */
export function jsonBody<T>(schema: T, description?: string) {
  return { body: { required: true, description, content: { 'application/json': { schema } } } } as const;
}

/** A JSON response entry. */
export function jsonResponse<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}
