/**
 * Sign-up, sign-in, sign-out and "who am I". Browsers get an HttpOnly session cookie
 * (SameSite=Lax, Secure when served over https); API clients use the returned bearer token.
 */

import { PASSWORD_ROUTE_LIMIT } from '../../http/client-limits.ts';
import { requireActor } from '../../http/env.ts';
import { sessionTokenOf } from '../../http/middleware.ts';
import { defineRoute, errorContent, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { ActorSchema, SessionSchema, SignInSchema, SignUpSchema } from './auth.schemas.ts';
import { SIGN_IN_ATTEMPTS_ALLOWED, SIGN_IN_WINDOW_MINUTES } from './auth.service.ts';

const tags = ['Accounts'];

/** What every route that checks or sets a password says about its limits. */
export const PASSWORD_ROUTE_NOTE = `Each client (IP) may make ${PASSWORD_ROUTE_LIMIT.requests} requests a minute to the routes that check or set a password (429 with Retry-After beyond), and when too many passwords are being checked at once the answer is 503 with Retry-After.`;

const signUpRoute = defineRoute('public', {
  method: 'post',
  path: '/sign-up',
  tags,
  summary: 'Create a member or employer account and sign in',
  request: jsonBody(SignUpSchema),
  description: PASSWORD_ROUTE_NOTE,
  responses: {
    201: jsonResponse(SessionSchema, 'Signed up and signed in'),
    429: errorContent('Too many requests from this client; wait the Retry-After seconds'),
    503: errorContent('Busy checking passwords; try again after the Retry-After seconds'),
  },
});

const signInRoute = defineRoute('public', {
  method: 'post',
  path: '/sign-in',
  tags,
  summary: 'Sign in with e-mail and password',
  description: `An address gets ${SIGN_IN_ATTEMPTS_ALLOWED} attempts per ${SIGN_IN_WINDOW_MINUTES} minutes from each client until one succeeds; after that, 429 with Retry-After. ${PASSWORD_ROUTE_NOTE}`,
  request: jsonBody(SignInSchema),
  responses: {
    200: jsonResponse(SessionSchema, 'Signed in'),
    429: errorContent(
      'Too many attempts for this address, or from this client; wait the Retry-After seconds',
    ),
    503: errorContent('Busy checking passwords; try again after the Retry-After seconds'),
  },
});

const signOutRoute = defineRoute('signed-in', {
  method: 'post',
  path: '/sign-out',
  tags,
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' } },
});

const meRoute = defineRoute('signed-in', {
  method: 'get',
  path: '/me',
  tags,
  summary: 'The signed-in account',
  responses: { 200: jsonResponse(ActorSchema, 'The account') },
});

export function authRoutes(trustProxy: boolean) {
  return newRouter()
    .openapi(signUpRoute, async (c) => {
      const session = await c.var.services.auth.signUp(c.req.valid('json'));
      setSessionCookie(c, session, trustProxy);
      return c.json(session, 201);
    })
    .openapi(signInRoute, async (c) => {
      const session = await c.var.services.auth.signIn(c.req.valid('json'));
      setSessionCookie(c, session, trustProxy);
      return c.json(session, 200);
    })
    .openapi(signOutRoute, async (c) => {
      const token = sessionTokenOf(c);
      if (token) await c.var.services.auth.signOut(token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => c.json(requireActor(c), 200));
}
