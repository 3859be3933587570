/**
 * Request and response shapes for accounts. Password length follows OWASP: at least 10
 * characters here (8 is the floor), at most 128 so hashing cost stays bounded.
 */
import { z } from '@hono/zod-openapi';
import { USER_ROLES } from './actor.ts';

export const SignUpSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(10, 'Use at least 10 characters').max(128),
    displayName: z.string().trim().min(1).max(60),
    role: z.enum(['member', 'employer']),
    acceptTerms: z.literal(true, 'Agree to the terms and privacy policy to sign up').openapi({
      description: 'She agreed to the 利用規約 and プライバシーポリシー (the version is recorded).',
    }),
    locale: z.enum(['ja', 'en']).default('ja').openapi({ description: 'The language of her e-mails.' }),
  })
  .strict()
  .openapi('SignUp');

export const SignUpAnswerSchema = z
  .object({
    status: z.literal('verification_sent'),
    message: z.string(),
  })
  .openapi('SignUpAnswer');

export const TokenSchema = z
  .object({ token: z.string().min(10).max(200) })
  .strict()
  .openapi('OneTimeToken');

export const PasswordResetRequestSchema = z
  .object({ email: z.email().max(254) })
  .strict()
  .openapi('PasswordResetRequest');

export const PasswordResetSchema = z
  .object({
    token: z.string().min(10).max(200),
    password: z.string().min(10, 'Use at least 10 characters').max(128),
  })
  .strict()
  .openapi('PasswordReset');

const MAIL_KINDS = [
  'approved',
  'rejected',
  'outcome',
  'introduction',
  'withdrawn',
  'area_notices',
  'job_alert',
  'role_expiring',
] as const;

export const MailPreferencesSchema = z
  .object({
    locale: z.enum(['ja', 'en']).openapi({ description: 'The language of her e-mails.' }),
    stopped: z
      .array(z.enum(MAIL_KINDS))
      .max(MAIL_KINDS.length)
      .openapi({ description: 'Notification kinds not e-mailed (still shown in the app).' }),
  })
  .strict()
  .openapi('MailPreferences');

export const DeviceSessionSchema = z
  .object({
    device: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    current: z.boolean(),
  })
  .openapi('DeviceSession');

export const SignInSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(128),
  })
  .strict()
  .openapi('SignIn');

export const ActorSchema = z
  .object({
    userId: z.string(),
    role: z.enum(USER_ROLES),
    displayName: z.string(),
    email: z.string(),
    organisationId: z.string().nullable(),
    emailVerified: z.boolean(),
  })
  .openapi('Actor');

export const SessionSchema = z
  .object({
    token: z
      .string()
      .openapi({ description: 'Send as `Authorization: Bearer <token>`; browsers get it as a cookie too.' }),
    expiresAt: z.string(),
    actor: ActorSchema,
  })
  .openapi('Session');

export type SignUpInput = z.infer<typeof SignUpSchema>;
export type SignInInput = z.infer<typeof SignInSchema>;
export type MailPreferences = z.infer<typeof MailPreferencesSchema>;
export type PasswordResetInput = z.infer<typeof PasswordResetSchema>;
