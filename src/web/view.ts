/**
 * What every page needs to render: the reader's language and words, who is signed in, the
 * anti-forgery token for its forms, the path (for navigation) and a one-off notice.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../features/auth/actor.ts';
import type { AppEnv } from '../http/env.ts';
import { type Lang, langOf, messagesFor } from './i18n.ts';
import type { Messages } from './messages/index.ts';

export interface View {
  lang: Lang;
  m: Messages;
  actor: Actor | undefined;
  csrfToken: string;
  path: string;
  /** A notice from the previous request (post → redirect → get), already in the reader's words. */
  notice: string | undefined;
}

const NOTICE_COOKIE = 'yorisoi_notice';

export function viewOf(c: Context<AppEnv>): View {
  const lang = langOf(c);
  const notice = getCookie(c, NOTICE_COOKIE);
  if (notice) deleteCookie(c, NOTICE_COOKIE, { path: '/' });
  return {
    lang,
    m: messagesFor(lang),
    actor: c.get('actor'),
    csrfToken: c.get('csrfToken'),
    path: new URL(c.req.url).pathname,
    notice: notice ? decodeURIComponent(notice) : undefined,
  };
}

/**
 * Redirects after a successful post, carrying a short notice to the next page (303 so the browser
 * follows with GET and a reload does not post again).
 * @example return redirectWithNotice(c, '/me/profile', view.m.form.saved)
 */
export function redirectWithNotice(c: Context<AppEnv>, to: string, notice: string) {
  setCookie(c, NOTICE_COOKIE, encodeURIComponent(notice), {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: 60,
  });
  return c.redirect(to, 303);
}

/**
 * A path on this site to go on to, or undefined: only such paths may follow a sign-in or the
 * language switch, so neither can send anyone elsewhere ('//host' and '/\\host' are other
 * sites to a browser).
 * @example onSitePath('/jobs?page=2') // '/jobs?page=2'; onSitePath('//evil.example') // undefined
 */
export function onSitePath(next: string | undefined): string | undefined {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : undefined;
}
