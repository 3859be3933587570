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
  })
  .strict()
  .openapi('SignUp');

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
