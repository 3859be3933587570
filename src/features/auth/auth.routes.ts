/**
 * Accounts over the API: sign-up (answered the same for new and taken addresses), following the
 * verification mail, sign-in, password reset, her signed-in devices, sign-out here or everywhere
 * and "who am I". Browsers get an HttpOnly session cookie (SameSite=Lax, Secure when served over
 * https); API clients use the returned bearer token.
 */
import { z } from '@hono/zod-openapi';
import { PASSWORD_ROUTE_LIMIT } from '../../http/client-limits.ts';
import { requireActor } from '../../http/env.ts';
import { sessionTokenOf } from '../../http/middleware.ts';
import { defineRoute, errorContent, jsonBody, jsonResponse } from '../../http/route.ts';
import { newRouter } from '../../http/router.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { ACCESS } from '../shared/access.ts';
import { IdParamSchema } from '../shared/common.schemas.ts';
import {
  ActorSchema,
  DeviceSessionSchema,
  MailPreferencesSchema,
  PasswordResetRequestSchema,
  PasswordResetSchema,
  SessionSchema,
  SignInSchema,
  SignUpAnswerSchema,
  SignUpSchema,
  TokenSchema,
} from './auth.schemas.ts';
import {
  RESET_TOKEN_MINUTES,
  SIGN_IN_ATTEMPTS_ALLOWED,
  SIGN_IN_WINDOW_MINUTES,
  SIGN_UP_ANSWER,
  VERIFY_TOKEN_HOURS,
} from './auth.service.ts';
import { deviceLabel } from './device.ts';

const tags = ['Accounts'];

/** What every route that checks or sets a password says about its limits. */
export const PASSWORD_ROUTE_NOTE = `Each client (IP) may make ${PASSWORD_ROUTE_LIMIT.requests} requests a minute to the routes that check or set a password (429 with Retry-After beyond), and when too many passwords are being checked at once the answer is 503 with Retry-After.`;

const signUpRoute = defineRoute(ACCESS.enterAccount, {
  method: 'post',
  path: '/sign-up',
  tags,
  summary: 'Create a member or employer account; a verification link is e-mailed',
  description: `Always 202 with the same answer, whether or not the address already has an account (its owner is e-mailed instead). Nobody is signed in: the link (valid ${VERIFY_TOKEN_HOURS} hours) is followed with POST /api/auth/verification. Until then the account may sign in and look, but not express interest or publish. ${PASSWORD_ROUTE_NOTE}`,
  request: jsonBody(SignUpSchema),
  responses: {
    202: jsonResponse(SignUpAnswerSchema, 'Verification mail sent (if the address is new)'),
    429: errorContent('Too many requests from this client; wait the Retry-After seconds'),
    503: errorContent('Busy checking passwords; try again after the Retry-After seconds'),
  },
});

const verifyRoute = defineRoute(ACCESS.enterAccount, {
  method: 'post',
  path: '/verification',
  tags,
  summary: 'Follow the verification link: verifies the address and signs in',
  description: 'Any other session of the account ends. The token works once.',
  request: jsonBody(TokenSchema),
  responses: { 200: jsonResponse(SessionSchema, 'Verified and signed in') },
});

const resendRoute = defineRoute(ACCESS.ownAccount, {
  method: 'post',
  path: '/verification/resend',
  tags,
  summary: 'E-mail a new verification link to the signed-in account (if still unverified)',
  responses: { 204: { description: 'Sent, or nothing to do' } },
});

const signInRoute = defineRoute(ACCESS.enterAccount, {
  method: 'post',
  path: '/sign-in',
  tags,
  summary: 'Sign in with e-mail and password',
  description: `An address gets ${SIGN_IN_ATTEMPTS_ALLOWED} attempts per ${SIGN_IN_WINDOW_MINUTES} minutes from each client until one succeeds; after that, 429 with Retry-After. ${PASSWORD_ROUTE_NOTE}`,
  request: jsonBody(SignInSchema),
  responses: {
    200: jsonResponse(SessionSchema, 'Signed in'),
    429: errorContent(
      'Too many attempts for this address, or from this client; wait the Retry-After seconds',
    ),
    503: errorContent('Busy checking passwords; try again after the Retry-After seconds'),
  },
});

const resetRequestRoute = defineRoute(ACCESS.enterAccount, {
  method: 'post',
  path: '/password-reset/request',
  tags,
  summary: 'E-mail a password reset link to the address, if it has an account',
  description: `Always 202 with the same answer. The link works once, for ${RESET_TOKEN_MINUTES} minutes. ${PASSWORD_ROUTE_NOTE}`,
  request: jsonBody(PasswordResetRequestSchema),
  responses: {
    202: jsonResponse(z.object({ status: z.literal('reset_sent') }), 'Sent, if the address is known'),
    429: errorContent('Too many requests from this client; wait the Retry-After seconds'),
  },
});

const resetRoute = defineRoute(ACCESS.enterAccount, {
  method: 'post',
  path: '/password-reset',
  tags,
  summary: 'Set a new password with the link from the reset mail; every session ends',
  description: PASSWORD_ROUTE_NOTE,
  request: jsonBody(PasswordResetSchema),
  responses: {
    204: { description: 'Password set; signed out everywhere' },
    429: errorContent('Too many requests from this client; wait the Retry-After seconds'),
    503: errorContent('Busy checking passwords; try again after the Retry-After seconds'),
  },
});

const signOutRoute = defineRoute(ACCESS.ownAccount, {
  method: 'post',
  path: '/sign-out',
  tags,
  summary: 'End this session',
  responses: { 204: { description: 'Signed out' } },
});

const signOutEverywhereRoute = defineRoute(ACCESS.ownAccount, {
  method: 'post',
  path: '/sign-out-elsewhere',
  tags,
  summary: 'End every other session of this account (her other devices)',
  responses: { 204: { description: 'Signed out on every other device' } },
});

const sessionsRoute = defineRoute(ACCESS.ownAccount, {
  method: 'get',
  path: '/sessions',
  tags,
  summary: 'Her signed-in devices, most recently used first',
  responses: { 200: jsonResponse(z.object({ items: z.array(DeviceSessionSchema) }), 'Sessions') },
});

const getMailRoute = defineRoute(ACCESS.ownAccount, {
  method: 'get',
  path: '/mail-preferences',
  tags,
  summary: 'Her e-mail language and the notification kinds she stopped',
  responses: { 200: jsonResponse(MailPreferencesSchema, 'Preferences') },
});

const putMailRoute = defineRoute(ACCESS.ownAccount, {
  method: 'put',
  path: '/mail-preferences',
  tags,
  summary: 'Choose her e-mail language and stop (or restart) each kind of notification e-mail',
  description: 'Account e-mails (verification, password reset) are always sent.',
  request: jsonBody(MailPreferencesSchema),
  responses: { 200: jsonResponse(MailPreferencesSchema, 'Saved') },
});

const meRoute = defineRoute(ACCESS.ownAccount, {
  method: 'get',
  path: '/me',
  tags,
  summary: 'The signed-in account',
  responses: { 200: jsonResponse(ActorSchema, 'The account') },
});

const memberResetRoute = defineRoute(ACCESS.supportMembers, {
  method: 'post',
  path: '/{id}/password-reset',
  tags,
  summary: 'E-mail a member a password reset link (she called the office); audited',
  request: { params: IdParamSchema },
  responses: { 202: jsonResponse(z.object({ status: z.literal('reset_sent') }), 'Sent to her own address') },
});

export function authRoutes(trustProxy: boolean) {
  return newRouter()
    .openapi(signUpRoute, async (c) => {
      await c.var.services.auth.signUp(c.req.valid('json'));
      return c.json(SIGN_UP_ANSWER, 202);
    })
    .openapi(verifyRoute, async (c) => {
      const device = deviceLabel(c.req.header('user-agent'));
      const session = await c.var.services.auth.verifyEmail(c.req.valid('json').token, device);
      setSessionCookie(c, session, trustProxy);
      return c.json(session, 200);
    })
    .openapi(resendRoute, async (c) => {
      await c.var.services.auth.resendVerification(requireActor(c));
      return c.body(null, 204);
    })
    .openapi(signInRoute, async (c) => {
      const device = deviceLabel(c.req.header('user-agent'));
      const session = await c.var.services.auth.signIn(
        c.req.valid('json'),
        c.var.clientAddress ?? '',
        device,
      );
      setSessionCookie(c, session, trustProxy);
      return c.json(session, 200);
    })
    .openapi(resetRequestRoute, async (c) => {
      await c.var.services.auth.requestPasswordReset(c.req.valid('json').email);
      return c.json({ status: 'reset_sent' as const }, 202);
    })
    .openapi(resetRoute, async (c) => {
      await c.var.services.auth.resetPassword(c.req.valid('json'));
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(signOutRoute, async (c) => {
      const token = sessionTokenOf(c);
      if (token) await c.var.services.auth.signOut(token);
      clearSessionCookie(c);
      return c.body(null, 204);
    })
    .openapi(signOutEverywhereRoute, async (c) => {
      await c.var.services.auth.signOutElsewhere(requireActor(c), sessionTokenOf(c) ?? '');
      return c.body(null, 204);
    })
    .openapi(sessionsRoute, async (c) =>
      c.json({ items: await c.var.services.auth.devices(requireActor(c), sessionTokenOf(c) ?? '') }, 200),
    )
    .openapi(getMailRoute, async (c) =>
      c.json(await c.var.services.auth.mailPreferences(requireActor(c)), 200),
    )
    .openapi(putMailRoute, async (c) =>
      c.json(await c.var.services.auth.setMailPreferences(requireActor(c), c.req.valid('json')), 200),
    )
    .openapi(meRoute, async (c) => c.json(requireActor(c), 200));
}

/** The coordinator's side of password reset, mounted under /api/members. */
export const memberPasswordResetRoutes = newRouter().openapi(memberResetRoute, async (c) => {
  await c.var.services.auth.sendResetForMember(requireActor(c), c.req.valid('param').id);
  return c.json({ status: 'reset_sent' as const }, 202);
});
