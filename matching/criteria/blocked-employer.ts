/**
 * Blocked employer (hard). A member can block an organisation; a blocked employer never sees her,
 * not even anonymously, and its roles are never suggested to her.
 */
import { CONSTRAINT_BITS } from '../constraints.ts';
import type { PairState } from '../pair-state.ts';
import type { PreparedMember, PreparedRole } from '../prepare.ts';

/**
 * Sets `blocked_employer` when the role's organisation is on her block list.
 *
 * @example checkBlockedEmployer(pm, pr, state) // role.organisationId in blockedOrganisationIds → flagged
 */
export function checkBlockedEmployer(pm: PreparedMember, pr: PreparedRole, state: PairState): void {
  const blocked = pm.member.blockedOrganisationIds;
  if (blocked.length > 0 && blocked.includes(pr.role.organisationId)) {
    state.violations |= CONSTRAINT_BITS.blocked_employer;
  }
}
