/**
 * Who is calling: the signed-in user as the rest of the app sees them. Access rules for routes
 * are declared with these roles (see src/http/route.ts).
 */
import type { UserRole } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

export interface Actor {
  userId: string;
  role: UserRole;
  displayName: string;
  email: string;
  /** The employer's organisation, once registered; null for everyone else. */
  organisationId: string | null;
  /** Whether she has followed the verification mail; until then she may look but not act. */
  emailVerified: boolean;
}

export const USER_ROLES = [
  'member',
  'employer',
  'coordinator',
  'admin',
] as const satisfies readonly UserRole[];

/**
 * Refuses what an unverified account may not do yet (express interest, publish a role): an
 * address nobody has proved could be anyone's.
 * @example requireVerified(actor) // throws email_not_verified (403) until she follows the mail
 */
export function requireVerified(actor: Actor): void {
  if (!actor.emailVerified)
    throw new AppError('email_not_verified', 'Confirm your e-mail address first (follow the link we sent)');
}
