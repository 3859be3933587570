/**
 * The app factory: one OpenAPIHono app built from injected dependencies. It wires request ids,
 * body limits, sessions, the error envelope, every feature's routes, `/openapi.json` and `/docs`.
 * It does no I/O of its own and uses only Web APIs, so Node and Workers entries can both serve it.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps.ts';
import { AppError } from './errors.ts';
import { areaRoutes } from './features/areas/area.routes.ts';
import { authRoutes, memberPasswordResetRoutes } from './features/auth/auth.routes.ts';
import { coordinationRoutes } from './features/coordination/coordination.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { matchRoutes } from './features/matches/match.routes.ts';
import { workflowRoutes } from './features/matches/workflow.routes.ts';
import { memberRoutes } from './features/members/member.routes.ts';
import { memberDataRoutes } from './features/members/member-data.routes.ts';
import { notificationRoutes } from './features/notifications/notification.routes.ts';
import { organisationRoutes } from './features/organisations/organisation.routes.ts';
import { roleRoutes } from './features/roles/role.routes.ts';
import { jobRoutes } from './features/search/jobs.routes.ts';
import { sensitiveRoutes } from './features/sensitive/sensitive.routes.ts';
import { renderDocsPage } from './http/docs-page.ts';
import type { AppEnv } from './http/env.ts';
import { errorResponse } from './http/error-envelope.ts';
import { authenticate, limitBody, requireJsonBody, SESSION_COOKIE } from './http/middleware.ts';
import { createServices } from './services.ts';
import { errorPage } from './web/pages.tsx';
import { isApi, webApp } from './web/web-app.ts';

const API_INFO = {
  title: 'Yorisoi',
  version: '0.1.0',
  description:
    'Job matching between employers and single mothers in Japan; a coordinator approves every introduction. ' +
    'Errors always have the shape { error: { code, message, requestId, issues? } }.',
};

/**
 * Builds the app.
 * @example const app = newApp({ database, clock: systemClock, config: defaultConfig, passwords: scryptHasher() })
 */
export function newApp(deps: AppDeps, services = createServices(deps)) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestId());
  app.use('*', secureHeaders());
  app.use('*', async (c, next) => {
    c.set('services', services);
    await next();
  });
  app.use('/api/*', limitBody(deps.config.maxBodyBytes));
  app.use('/api/*', requireJsonBody());
  app.use('/api/*', authenticate());

  app.route('/health', healthRoutes);
  app.route('/api/auth', authRoutes(deps.config.trustProxy));
  app.route('/api/areas', areaRoutes);
  app.route('/api/organisations', organisationRoutes);
  app.route('/api/roles', roleRoutes);
  app.route('/api/members', memberRoutes);
  app.route('/api/members', memberDataRoutes);
  app.route('/api/members', memberPasswordResetRoutes);
  app.route('/api/jobs', jobRoutes);
  app.route('/api', matchRoutes);
  app.route('/api', workflowRoutes);
  app.route('/api', coordinationRoutes);
  app.route('/api', sensitiveRoutes);
  app.route('/api', notificationRoutes);
  app.route('/api', dashboardRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  const documentConfig = { openapi: '3.1.0', info: API_INFO };
  app.doc31('/openapi.json', documentConfig);
  app.get('/docs', (c) => c.html(renderDocsPage(app.getOpenAPI31Document(documentConfig))));

  app.route('/', webApp(deps.config));

  app.notFound((c) => {
    const error = new AppError('not_found', `No route for ${c.req.method} ${c.req.path}`);
    return isApi(c) ? errorResponse(c, error) : errorPage(c, error);
  });
  app.onError((error, c) => errorResponse(c, error));
  return app;
}

export type App = ReturnType<typeof newApp>;
