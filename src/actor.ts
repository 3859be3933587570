/**
 * Who is calling and what an access rule admits. It belongs to no feature, so the HTTP plumbing
 * (src/http/), the page kit (src/web/) and the services all check the same way without importing
 * from one another. The rule for each action is named once in src/features/shared/access.ts.
 */
import type { UserRole } from './db/schema.ts';

/** The signed-in user as the rest of the app sees her. */
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

/** `'public'` for anyone, `'signed-in'` for any account, or the roles allowed. */
export type Access = 'public' | 'signed-in' | readonly UserRole[];

/**
 * Whether an access rule lets this caller (undefined when signed out) through.
 * @example admits(['coordinator', 'admin'], actor) // true for staff only
 */
export function admits(access: Access, actor: Actor | undefined): boolean {
  if (access === 'public') return true;
  if (!actor) return false;
  return access === 'signed-in' || access.includes(actor.role);
}
