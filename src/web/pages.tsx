/**
 * The web pages' plumbing: the guard every page declares (who may see it), rendering, and the
 * error pages. Pages are server-rendered with Hono's JSX and call the same services the API does.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { raw } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { type Access, admits } from '../actor.ts';
import type { UserRole } from '../db/schema.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import type { AppEnv } from '../http/env.ts';
import type { AccessGuard } from '../http/route.ts';
import { CsrfError } from './csrf.ts';
import { Page } from './layout.tsx';
import { type View, viewOf } from './view.ts';

/** Where each kind of account starts. */
export const HOME_OF: Record<UserRole, string> = {
  member: '/home',
  employer: '/employer/roles',
  coordinator: '/coordinator/queue',
  admin: '/coordinator/queue',
};

/** A router for one feature's pages; its errors become error pages, not JSON. */
export function newPageRouter() {
  const router = new Hono<AppEnv>();
  router.onError((error, c) => errorPage(c, error));
  return router;
}

/**
 * Lets through whom the access rule admits (the same declaration the API route for this action
 * takes, from src/features/shared/access.ts): a signed-out visitor is sent to sign in (and back
 * afterwards), anyone else gets a 403 page.
 * @example pages.get('/home', requirePage(ACCESS.ownProfile), (c) => …)
 */
export function requirePage(access: Access): AccessGuard {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const actor = c.get('actor');
    if (admits(access, actor)) return next();
    if (!actor) {
      const url = new URL(c.req.url);
      return c.redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
    }
    throw new AppError('forbidden', 'Not for this account');
  };
  return Object.assign(guard, { access });
}

/** Renders a page with the shared frame. */
export function render(
  c: Context<AppEnv>,
  page: (view: View) => { title: string; body: JSX.Element; wide?: boolean },
  status: 200 | ErrorStatus = 200,
) {
  const view = viewOf(c);
  const { title, body, wide } = page(view);
  return c.html(
    <>
      {raw('<!DOCTYPE html>')}
      <Page view={view} title={title} wide={wide}>
        {body}
      </Page>
    </>,
    status,
  );
}

type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503;

/**
 * What a page says for an error no form could place next to a field. Every refusal the app
 * raises keeps its own 4xx status; only what nobody foresaw is a 500.
 */
function errorText(view: View, error: unknown): { status: ErrorStatus; text: string } {
  const { errors } = view.m;
  if (error instanceof CsrfError) return { status: 403, text: errors.csrf };
  if (error instanceof AppError && error.code === 'busy') return { status: 503, text: errors.busy };
  if (!(error instanceof AppError) || error.status >= 500) return { status: 500, text: errors.unexpected };
  const text: Partial<Record<ErrorCode, string>> = {
    not_found: errors.notFound,
    forbidden: errors.forbidden,
    email_not_verified: view.m.account.unverified,
    invalid_state: errors.invalidState,
    payload_too_large: errors.tooLarge,
    validation_failed: errors.invalidInput,
    too_many_attempts: errors.tooManyAttempts,
  };
  const fallback = error.status === 409 ? errors.conflict : errors.invalidInput;
  return { status: error.status as ErrorStatus, text: text[error.code] ?? fallback };
}

/** The page for an error no form could show next to a field. */
export function errorPage(c: Context<AppEnv>, error: unknown) {
  if (error instanceof AppError && error.code === 'unauthenticated') return c.redirect('/sign-in', 303);
  const { status, text } = errorText(viewOf(c), error);
  if (status === 500) console.error(error);
  if (error instanceof AppError && error.retryAfterSeconds !== undefined)
    c.header('Retry-After', String(error.retryAfterSeconds));
  return render(
    c,
    (view) => ({
      title: view.m.errors.title,
      body: (
        <section class="card" role="alert">
          <h1>{text}</h1>
          <p>
            <a href={view.actor ? HOME_OF[view.actor.role] : '/'}>{view.m.errors.back}</a>
          </p>
        </section>
      ),
    }),
    status,
  );
}
