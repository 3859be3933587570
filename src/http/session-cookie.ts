/**
 * The session cookie, shared by the JSON API and the web pages: HttpOnly, SameSite=Lax, and
 * Secure whenever the request came over https (directly, or behind a proxy we were told to trust).
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { IssuedSession } from '../features/auth/auth.service.ts';
import { SESSION_COOKIE } from './middleware.ts';

/** @example isHttps(c, config.trustProxy) */
export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  return trustProxy && c.req.header('x-forwarded-proto') === 'https';
}

export function setSessionCookie(c: Context, session: IssuedSession, trustProxy: boolean) {
  setCookie(c, SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c, trustProxy),
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}
