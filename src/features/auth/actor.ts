/**
 * Who is calling: the signed-in user as the rest of the app sees them. Access rules for routes
 * are declared with these roles (see src/http/route.ts).
 */
import type { UserRole } from '../../db/schema.ts';

export interface Actor {
  userId: string;
  role: UserRole;
  displayName: string;
  email: string;
  /** The employer's organisation, once registered; null for everyone else. */
  organisationId: string | null;
}

export const USER_ROLES = [
  'member',
  'employer',
  'coordinator',
  'admin',
] as const satisfies readonly UserRole[];
