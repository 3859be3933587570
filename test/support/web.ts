/**
 * Drives the web pages in process the way a browser would: the session cookie of an account, the
 * anti-forgery token its pages carry (bound to the session, or the visitor's cookie) on every
 * post, urlencoded forms, and redirects left for the test to look at.
 */
import { formTokenForSession } from '../../src/web/csrf.ts';
import type { TestApp } from './test-app.ts';

export interface PageResponse {
  status: number;
  html: string;
  location: string | null;
  headers: Headers;
}

export interface Browser {
  get(path: string): Promise<PageResponse>;
  /** Posts a form (fields as a browser would send them; repeated names as arrays). */
  post(path: string, fields?: Record<string, string | string[]>): Promise<PageResponse>;
}

/**
 * A browser for one account (or a visitor, without a token).
 * @example const member = browserFor(t, account.token); const page = await member.get('/home')
 */
export function browserFor(t: TestApp, sessionToken?: string): Browser {
  const csrf = `test-csrf-${Math.random().toString(36).slice(2)}`;
  const cookie = [`yorisoi_csrf=${csrf}`, sessionToken ? `yorisoi_session=${sessionToken}` : '']
    .filter(Boolean)
    .join('; ');
  const answer = async (response: Response): Promise<PageResponse> => ({
    status: response.status,
    html: await response.text(),
    location: response.headers.get('location'),
    headers: response.headers,
  });
  return {
    get: async (path) => answer(await t.app.request(path, { headers: { cookie } })),
    post: async (path, fields = {}) => {
      // The token a page would have put in the form: bound to her session once she is signed in.
      const formToken = sessionToken ? formTokenForSession(sessionToken) : csrf;
      const body = new URLSearchParams({ _csrf: formToken });
      for (const [name, value] of Object.entries(fields)) {
        for (const item of Array.isArray(value) ? value : [value]) body.append(name, item);
      }
      return answer(
        await t.app.request(path, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        }),
      );
    },
  };
}

/** The text of an element's field error, found by the field's name (see fieldId in src/web/form-fields.tsx). */
export function fieldError(html: string, name: string): string | undefined {
  const id = `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}-error`;
  return new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
}
