/**
 * The web pages as one sub-app of `newApp`: assets, the language switch, and every feature's
 * pages behind the same session, body-size limit and anti-forgery check. It is mounted after the
 * JSON API, and its guards step aside for `/api/…`, which has its own.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { setCookie } from 'hono/cookie';
import type { AppConfig } from './deps.ts';
import { accountPages } from './features/auth/account.pages.tsx';
import { authPages } from './features/auth/auth.pages.tsx';
import { memberSupportPages } from './features/coordination/member-support.pages.tsx';
import { dashboardPages } from './features/dashboard/dashboard.pages.tsx';
import { favouritePages } from './features/favourites/favourite.pages.tsx';
import { followUpPages } from './features/follow-up/follow-up.pages.tsx';
import { supportPages } from './features/follow-up/support.pages.tsx';
import { candidatePages } from './features/matches/candidates.pages.tsx';
import { introductionPages } from './features/matches/introduction.pages.tsx';
import { matchReviewPages } from './features/matches/match-review.pages.tsx';
import { myMatchPages } from './features/matches/my-matches.pages.tsx';
import { queuePages } from './features/matches/queue.pages.tsx';
import { meetingPages } from './features/meetings/meeting.pages.tsx';
import { memberDataPages } from './features/members/member-data.pages.tsx';
import { profilePages } from './features/members/profile.pages.tsx';
import { mentoringPages } from './features/mentoring/mentoring.pages.tsx';
import { noticePages } from './features/notices/notice.pages.tsx';
import { notificationPages } from './features/notifications/notification.pages.tsx';
import { branchPages } from './features/organisations/branch.pages.tsx';
import { organisationPages } from './features/organisations/organisation.pages.tsx';
import { verificationPages } from './features/organisations/verification.pages.tsx';
import { invitationPages } from './features/prospects/invitation.pages.tsx';
import { prospectPages } from './features/prospects/prospect.pages.tsx';
import { relocationPages } from './features/relocation/relocation.pages.tsx';
import { rolePages } from './features/roles/role.pages.tsx';
import { savedSearchPages } from './features/saved-searches/saved-search.pages.tsx';
import { jobPages } from './features/search/job.pages.tsx';
import { trustPages } from './features/trust/trust.pages.tsx';
import { type ClientLimiter, limitPasswordRoutesPerClient } from './http/client-limits.ts';
import type { AppEnv } from './http/env.ts';
import { authenticate, limitBody } from './http/middleware.ts';
import { isHttps } from './http/session-cookie.ts';
import { ASSETS } from './web/assets.ts';
import { csrfProtection } from './web/csrf.ts';
import { LANG_COOKIE } from './web/i18n.ts';
import { errorPage } from './web/pages.tsx';
import { onSitePath } from './web/view.ts';

const isApi = (c: Context) => c.req.path.startsWith('/api/');

function forPages(middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (isApi(c) ? next() : middleware(c, next));
}

export function webApp(config: AppConfig, passwordRouteLimiter: ClientLimiter) {
  const web = new Hono<AppEnv>();
  web.onError((error, c) => errorPage(c, error));
  for (const asset of Object.values(ASSETS)) {
    web.get(asset.path, (c) =>
      c.body(asset.body, 200, {
        'content-type': asset.type,
        'cache-control': 'public, max-age=31536000, immutable',
      }),
    );
  }
  web.use('*', forPages(limitPasswordRoutesPerClient(passwordRouteLimiter, config.trustProxy)));
  web.use('*', forPages(limitBody(config.maxBodyBytes)));
  web.use('*', forPages(authenticate()));
  web.use('*', forPages(csrfProtection({ secure: (c) => isHttps(c, config.trustProxy) })));
  // Pages show personal data: never keep them in shared caches or the back-forward cache of a
  // shared phone. Said before the page is built: a header set on a finished response makes the
  // Node server build it a second time (~0.1 ms a page at 100k roles).
  web.use(
    '*',
    forPages(async (c, next) => {
      c.header('cache-control', 'no-store');
      await next();
    }),
  );

  web.get('/lang', (c) => {
    const lang = c.req.query('to') === 'en' ? 'en' : 'ja';
    setCookie(c, LANG_COOKIE, lang, { path: '/', sameSite: 'Lax', maxAge: 60 * 60 * 24 * 365 });
    return c.redirect(onSitePath(c.req.query('next')) ?? '/', 303);
  });

  web.route('/', authPages(config.trustProxy));
  web.route('/', accountPages);
  web.route('/', trustPages(config));
  web.route('/', organisationPages);
  web.route('/', branchPages);
  web.route('/', rolePages);
  web.route('/', introductionPages);
  web.route('/', queuePages);
  web.route('/', matchReviewPages);
  web.route('/', candidatePages);
  web.route('/', memberSupportPages);
  web.route('/', verificationPages);
  web.route('/', dashboardPages);
  web.route('/', profilePages);
  web.route('/', jobPages);
  web.route('/', myMatchPages);
  web.route('/', notificationPages);
  web.route('/', memberDataPages);
  web.route('/', supportPages);
  web.route('/', followUpPages);
  web.route('/', mentoringPages);
  web.route('/', noticePages);
  web.route('/', relocationPages);
  web.route('/', meetingPages);
  web.route('/', prospectPages);
  web.route('/', invitationPages);
  web.route('/', favouritePages);
  web.route('/', savedSearchPages);
  return web;
}

export { isApi };
