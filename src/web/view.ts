/**
 * What every page needs to render: the reader's language and words, who is signed in, the
 * anti-forgery token for its forms, the path (for navigation) and a one-off notice.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Actor } from '../actor.ts';
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

/** Stands in for the site's own origin when resolving `next`: only whether it stays matters. */
const SELF = 'http://yorisoi.invalid';

/**
 * A path on this site to go on to, or undefined: only such paths may follow a sign-in, the
 * language switch or a notification, so none of them can send anyone elsewhere. `next` is
 * resolved as a browser would resolve it against this site and must keep its origin; and it must
 * be printable ASCII, because browsers drop tabs and line breaks ('/\t/evil.example' is
 * '//evil.example' to them) and CR/LF must never reach a Location header. Paths the site makes
 * itself are percent-encoded, so nothing legitimate is refused.
 * @example onSitePath('/jobs?page=2') // '/jobs?page=2'; onSitePath('/\t/evil.example') // undefined
 */
export function onSitePath(next: string | undefined): string | undefined {
  if (!next?.startsWith('/') || !/^[\x21-\x7e]+$/.test(next) || next.includes('\\')) return undefined;
  let url: URL;
  try {
    url = new URL(next, SELF);
  } catch {
    return undefined;
  }
  if (url.origin !== SELF) return undefined;
  return url.pathname + url.search + url.hash;
}
