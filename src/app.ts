/**
 * The app factory: one OpenAPIHono app built from injected dependencies. It wires request ids,
 * body limits, sessions, the error envelope, every feature's routes, `/openapi.json` and `/docs`.
 * It does no I/O of its own and uses only Web APIs, so Node and Workers entries can both serve it.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { AppDeps } from './deps.ts';
import { AppError } from './errors.ts';
import { areaRoutes } from './features/areas/area.routes.ts';
import { authRoutes, memberPasswordResetRoutes } from './features/auth/auth.routes.ts';
import { coordinationRoutes } from './features/coordination/coordination.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { favouriteRoutes } from './features/favourites/favourite.routes.ts';
import { followUpRoutes } from './features/follow-up/follow-up.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { candidateRoutes } from './features/matches/candidates.routes.ts';
import { workflowRoutes } from './features/matches/workflow.routes.ts';
import { meetingRoutes } from './features/meetings/meeting.routes.ts';
import { memberRoutes } from './features/members/member.routes.ts';
import { memberDataRoutes } from './features/members/member-data.routes.ts';
import { mentoringRoutes } from './features/mentoring/mentoring.routes.ts';
import { noticeRoutes } from './features/notices/notice.routes.ts';
import { notificationRoutes } from './features/notifications/notification.routes.ts';
import { branchRoutes } from './features/organisations/branch.routes.ts';
import { organisationRoutes } from './features/organisations/organisation.routes.ts';
import { prospectRoutes } from './features/prospects/prospect.routes.ts';
import { relocationRoutes } from './features/relocation/relocation.routes.ts';
import { roleRoutes } from './features/roles/role.routes.ts';
import { savedSearchRoutes } from './features/saved-searches/saved-search.routes.ts';
import { jobRoutes, recommendationRoutes } from './features/search/jobs.routes.ts';
import { sensitiveRoutes } from './features/sensitive/sensitive.routes.ts';
import {
  clientAddressOf,
  limitPasswordRoutesPerClient,
  PASSWORD_ROUTE_LIMIT,
  perClientLimiter,
} from './http/client-limits.ts';
import { DOCS_STYLE, renderDocsPage } from './http/docs-page.ts';
import type { AppEnv } from './http/env.ts';
import { errorResponse } from './http/error-envelope.ts';
import { refuseHiddenCharacters } from './http/hidden-characters.ts';
import {
  authenticate,
  limitBody,
  requireJsonBody,
  requireSameOriginForCookies,
  SESSION_COOKIE,
} from './http/middleware.ts';
import { methodNotAllowed, openApiDocument } from './http/openapi.ts';
import { noStore, policyWithStyle, securityHeaders } from './http/security-headers.ts';
import { createServices } from './services.ts';
import { errorPage } from './web/pages.tsx';
import { isApi, webApp } from './web-app.ts';

/**
 * Builds the app.
 * @example const app = newApp({ database, clock: systemClock, config: defaultConfig, passwords: scryptHasher() })
 */
export function newApp(deps: AppDeps, services = createServices(deps)) {
  const app = new OpenAPIHono<AppEnv>();
  // One budget per client across the API and the pages' password forms.
  const passwordRouteLimiter = perClientLimiter(
    { ...PASSWORD_ROUTE_LIMIT, requests: deps.config.passwordRequestsPerClientPerMinute },
    deps.clock,
  );

  app.use('*', requestId());
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('services', services);
    c.set('clientAddress', clientAddressOf(c, deps.config.trustProxy));
    await next();
  });
  app.use('/api/*', noStore());
  // Off unless configured: only the listed origins' pages may read API answers, with bearer
  // tokens (no credentials mode, so the session cookie never rides along cross-site).
  if (deps.config.corsOrigins.length > 0) {
    app.use(
      '/api/*',
      cors({
        origin: [...deps.config.corsOrigins],
        allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
        allowHeaders: ['Authorization', 'Content-Type'],
        exposeHeaders: ['Retry-After', 'X-Request-Id', 'Content-Disposition'],
        maxAge: 600,
      }),
    );
  }
  app.use('/api/*', limitBody(deps.config.maxBodyBytes));
  app.use('/api/*', requireJsonBody());
  app.use('/api/*', requireSameOriginForCookies());
  app.use('/api/*', refuseHiddenCharacters());
  app.use('/api/*', limitPasswordRoutesPerClient(passwordRouteLimiter, deps.config.trustProxy));
  app.use('/api/*', authenticate());

  app.route('/health', healthRoutes);
  app.route('/api/auth', authRoutes(deps.config.trustProxy));
  app.route('/api/areas', areaRoutes);
  app.route('/api/organisations', organisationRoutes);
  app.route('/api/organisations', branchRoutes);
  app.route('/api/roles', roleRoutes);
  app.route('/api/members', memberRoutes);
  app.route('/api/members', memberDataRoutes);
  app.route('/api/members', memberPasswordResetRoutes);
  app.route('/api/jobs', jobRoutes);
  app.route('/api', recommendationRoutes);
  app.route('/api', candidateRoutes);
  app.route('/api', workflowRoutes);
  app.route('/api', coordinationRoutes);
  app.route('/api', sensitiveRoutes);
  app.route('/api', notificationRoutes);
  app.route('/api', dashboardRoutes);
  app.route('/api', followUpRoutes);
  app.route('/api', mentoringRoutes);
  app.route('/api', noticeRoutes);
  app.route('/api', relocationRoutes);
  app.route('/api', meetingRoutes);
  app.route('/api', prospectRoutes);
  app.route('/api', favouriteRoutes);
  app.route('/api', savedSearchRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  // Built on first request: every route is registered by then.
  let document: ReturnType<typeof openApiDocument> | undefined;
  const documented = () => {
    document ??= openApiDocument(app);
    return document;
  };
  app.get('/openapi.json', (c) => c.json(documented()));
  app.get('/docs', async (c) => {
    c.header('content-security-policy', await policyWithStyle(DOCS_STYLE));
    return c.html(renderDocsPage(documented() as Parameters<typeof renderDocsPage>[0]));
  });

  app.route('/', webApp(deps.config, passwordRouteLimiter));

  const wrongMethod = methodNotAllowed(app);
  app.notFound((c) => {
    const refused = wrongMethod(c);
    if (refused) return refused;
    const error = new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`);
    return isApi(c) ? errorResponse(c, error) : errorPage(c, error);
  });
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

export type App = ReturnType<typeof newApp>;
