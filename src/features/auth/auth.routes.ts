/**
 * Sign-up, sign-in, sign-out and "who am I". Browsers get an HttpOnly session cookie
 * (SameSite=Lax, Secure when served over https); API clients use the returned bearer token.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { type AppEnv, requireActor } from '../../http/env.ts';
import { SESSION_COOKIE, sessionTokenOf } from '../../http/middleware.ts';
import { defineRoute, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { ActorSchema, SessionSchema, SignInSchema, SignUpSchema } from './auth.schemas.ts';
import type { IssuedSession } from './auth.service.ts';

const tags = ['Accounts'];

const signUpRoute = defineRoute('public', {
  method: 'post',
  path: '/sign-up',
  tags,
  summary: 'Create a member or employer account and sign in',
  request: jsonBody(SignUpSchema),
  responses: { 201: jsonResponse(SessionSchema, 'Signed up and signed in') },
});

const signInRoute = defineRoute('public', {
  method: 'post',
  path: '/sign-in',
  tags,
  summary: 'Sign in with e-mail and password',
  request: jsonBody(SignInSchema),
  responses: { 200: jsonResponse(SessionSchema, 'Signed in') },
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

/** Secure only over https (directly, or behind a proxy we were told to trust). */
function isHttps(c: Context<AppEnv>, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

function setSessionCookie(c: Context<AppEnv>, session: IssuedSession, trustProxy: boolean) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, trustProxy),
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

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
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => c.json(requireActor(c), 200));
}
