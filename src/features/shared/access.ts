/**
 * Who may do each action, written once. The API route for an action takes its declaration
 * (`defineRoute(ACCESS.manageRoles, …)`), the pages doing the same thing take the same one
 * (`requirePage(ACCESS.manageRoles)`), and a service that changes data checks the actor against it
 * (`requireAdmitted(ACCESS.manageRoles, actor)`), so a page, its route and its service cannot admit
 * different people. test/access.test.ts fails if any guard is written out instead of named here;
 * test/authorization.test.ts keeps its own, independent table of what the product allows.
 *
 * Ownership (her own profile, her organisation's job roles) is checked on every id by the services
 * and repositories; these rules only say which kinds of account may attempt the action at all.
 */
import { type Access, type Actor, admits } from '../../actor.ts';
import { AppError } from '../../errors.ts';

// Re-exported so a service takes the declarations and the check from one place.
export { admits };

/**
 * Every action's audience, by name. Each list is its own literal, not a shared constant, so a
 * guard's rule can be traced back to the one action it names (test/access.test.ts does; the two
 * audiences that are words, `'public'` and `'signed-in'`, can only be traced to the word).
 */
export const ACCESS = {
  // Anyone, signed in or not.
  /** The service's health, the areas, job search and a published role's details. */
  publicInformation: 'public',
  /** Signing up, signing in, following the verification mail, resetting a forgotten password. */
  enterAccount: 'public',

  // Any account.
  /** Her own account: who she is, her sessions and devices, signing out, mail settings. */
  ownAccount: 'signed-in',
  /** Her notifications: reading them and marking them read. */
  notifications: 'signed-in',

  // Members.
  /** Her profile, availability, privacy, sensitive details, and her data (export, deletion). */
  ownProfile: ['member'],
  /** The roles she keeps to look at later. */
  favourites: ['member'],
  /** Her saved searches and their alerts. */
  savedSearches: ['member'],
  /** Her interest in roles, her matches (withdraw, dismiss) and her recommendations. */
  ownMatches: ['member'],
  /** The check-ins after she is hired. */
  checkIns: ['member'],
  /** The meetings she is invited to, and her replies. */
  ownMeetings: ['member'],
  /** Her mentoring: invitations, pairs, sessions. */
  ownMentoring: ['member'],
  /** The area notices addressed to her. */
  ownNotices: ['member'],
  /** The moves she plans. */
  ownMoves: ['member'],

  // Employers.
  /** Writing, publishing, renewing, closing and deleting her organisation's roles. */
  manageRoles: ['employer'],
  /** Reading roles: an employer her own organisation's, staff any. */
  readRoles: ['employer', 'coordinator', 'admin'],
  /** Registering and editing her organisation and its branches. */
  ownOrganisation: ['employer'],
  /** Reading an organisation: an employer her own, staff any. */
  readOrganisation: ['employer', 'coordinator', 'admin'],
  /** The introductions to her organisation: the list, the outcome, a separation after hiring. */
  introductions: ['employer'],
  /** Accepting a coordinator's invitation to join. */
  acceptInvitation: ['employer'],

  // Staff.
  /** The approval queue, a match's review and decision, verifying a role's facts, candidates. */
  reviewMatches: ['coordinator', 'admin'],
  /** A member's record: profile, stage, notes, sensitive details, password reset, after hiring. */
  supportMembers: ['coordinator', 'admin'],
  /** Listing organisations and verifying them. */
  verifyOrganisations: ['coordinator', 'admin'],
  /** The follow-up queue after hiring. */
  followUps: ['coordinator', 'admin'],
  /** Mentoring cohorts, mentors and pairs. */
  runMentoring: ['coordinator', 'admin'],
  /** Meetings: publishing them and recording attendance. */
  runMeetings: ['coordinator', 'admin'],
  /** Area notices: publishing and withdrawing. */
  publishNotices: ['coordinator', 'admin'],
  /** Employer development: prospects, their pipeline, invitations, demand. */
  developProspects: ['coordinator', 'admin'],
  /** The moves members plan, and notes on them. */
  planMoves: ['coordinator', 'admin'],
  /** The dashboard and its exports. */
  readDashboard: ['coordinator', 'admin'],
  /** The audit log. */
  readAudit: ['admin'],
} as const satisfies Record<string, Access>;

/**
 * Refuses an actor the action's rule does not admit, for services that change data: they do not
 * trust that the route or page in front of them checked. `forbidden` (403), as the guards answer;
 * services that answer 404 to a wrong kind of account (so nothing is revealed) use `admits`.
 * @example requireAdmitted(ACCESS.runMeetings, actor)
 */
export function requireAdmitted(access: Access, actor: Actor, message = 'Your account cannot do this'): void {
  if (!admits(access, actor)) throw new AppError('forbidden', message);
}
