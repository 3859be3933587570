/**
 * What the signed-in caller may do beyond her role. `Actor` and the access check themselves live
 * in src/actor.ts (the HTTP plumbing and the page kit use them too); they are re-exported here so
 * features keep one import for the actor and the checks on her.
 */
import { type Actor, USER_ROLES } from '../../actor.ts';
import { AppError } from '../../errors.ts';

export { type Actor, USER_ROLES };

/**
 * Refuses what an unverified account may not do yet (express interest, publish a role): an
 * address nobody has proved could be anyone's.
 * @example requireVerified(actor) // throws email_not_verified (403) until she follows the mail
 */
export function requireVerified(actor: Actor): void {
  if (!actor.emailVerified)
    throw new AppError('email_not_verified', 'Confirm your e-mail address first (follow the link we sent)');
}
