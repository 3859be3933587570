/**
 * Protection against cross-site form posts for the web pages. Every page form carries a token in a
 * hidden field, and a POST whose field does not match is refused before any handler runs. Signed
 * in, the token is derived from her session (which only her browser holds), so a cookie planted
 * by a neighbouring site cannot stand in for it; signed out (the sign-in and sign-up forms), it is
 * a random token kept in an HttpOnly, SameSite=Lax cookie. (The JSON API needs none of this: it
 * only accepts application/json, which a cross-site form cannot send.)
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/env.ts';
import { sessionTokenOf } from '../http/middleware.ts';
import { sha256Hex } from '../lib/bytes.ts';

export const CSRF_COOKIE = 'yorisoi_csrf';
export const CSRF_FIELD = '_csrf';

export class CsrfError extends Error {
  constructor() {
    super('The form token is missing or does not match');
    this.name = 'CsrfError';
  }
}

function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Compares without stopping at the first difference, so timing says nothing about the token. */
function sameToken(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The form token of a session: bound to it, and telling nothing about it. */
export function formTokenForSession(sessionToken: string): string {
  return sha256Hex(`yorisoi-form:${sessionToken}`);
}

/**
 * Issues the token on first visit and checks it on every unsafe method.
 * @example web.use('*', csrfProtection({ secure: (c) => isHttps(c) }))
 */
export function csrfProtection(options: { secure: (c: Parameters<MiddlewareHandler>[0]) => boolean }) {
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    let token = getCookie(c, CSRF_COOKIE);
    if (!token) {
      token = newToken();
      setCookie(c, CSRF_COOKIE, token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: options.secure(c),
        path: '/',
      });
    }
    // Runs after `authenticate`: a live session binds the token to itself.
    const session = c.get('actor') ? sessionTokenOf(c) : undefined;
    if (session) token = formTokenForSession(session);
    c.set('csrfToken', token);
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const type = c.req.header('content-type') ?? '';
      const body =
        type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
          ? await c.req.parseBody()
          : {};
      const sent = body[CSRF_FIELD];
      if (typeof sent !== 'string' || !sameToken(sent, token)) throw new CsrfError();
    }
    await next();
  };
  return middleware;
}
