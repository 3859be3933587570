/**
 * Her data as hers (PRODUCT.md: "a member can export and delete her data"): everything Yorisoi
 * keeps about her in one document she can download, and the deletion of her account with all of
 * it. Deleting is one statement — the account row — whose foreign keys take her profile,
 * children, availability, matches and their history, notes, stage history, sensitive information,
 * notifications and sessions with it; the audit log keeps only that an account was deleted.
 */
import type { AppDeps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { AuthService } from '../auth/auth.service.ts';
import { clearSignInAttempts, deleteUser } from '../auth/user.repository.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import type { CoordinationService } from '../coordination/coordination.service.ts';
import type { FavouriteService } from '../favourites/favourite.service.ts';
import type { MatchService } from '../matches/match.service.ts';
import type { NotificationService } from '../notifications/notification.service.ts';
import type { SavedSearchService } from '../saved-searches/saved-search.service.ts';
import type { SensitiveService } from '../sensitive/sensitive.ts';
import { ACCESS, admits } from '../shared/access.ts';
import type { MemberService } from './member.service.ts';

export function createMemberDataService(
  { database, clock }: AppDeps,
  services: {
    auth: AuthService;
    members: MemberService;
    matches: MatchService;
    notifications: NotificationService;
    sensitive: SensitiveService;
    coordination: CoordinationService;
    favourites: FavouriteService;
    savedSearches: SavedSearchService;
  },
) {
  const { db } = database;

  function memberOnly(actor: Actor) {
    if (!admits(ACCESS.ownProfile, actor)) throw notFound('member account');
  }

  return {
    /**
     * Everything kept about her, as one JSON document: account, profile, matches, notifications,
     * support stage history, consultation notes, what sensitive information she shared, the
     * roles she kept and the searches she saved.
     */
    async export(actor: Actor) {
      memberOnly(actor);
      const [profile, matches, notifications, sensitive, stageHistory, notes, kept, searches] =
        await Promise.all([
          services.members.findMine(actor),
          services.matches.mine(actor),
          services.notifications.mine(actor),
          services.sensitive.mine(actor).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'not_found') return null;
            throw error;
          }),
          services.coordination.stageHistory(actor.userId),
          services.coordination.notes(actor.userId),
          services.favourites.list(actor),
          services.savedSearches.list(actor),
        ]);
      return {
        exportedAt: clock.now().toISOString(),
        account: { email: actor.email, displayName: actor.displayName },
        profile: profile ?? null,
        matches,
        notifications,
        supportStageHistory: stageHistory,
        consultationNotes: notes,
        sensitive,
        favourites: kept.items.map(({ role: _role, ...favourite }) => favourite),
        savedSearches: searches,
      };
    },

    /** Deletes her account and everything kept about her, once she has confirmed her password. */
    async erase(actor: Actor, password: string, client = ''): Promise<void> {
      memberOnly(actor);
      if (!(await services.auth.confirmPassword(actor, password, client))) {
        throw new AppError('validation_failed', 'The password is not right', [
          { path: 'body.password', message: 'The password is not right', code: 'wrong_password' },
        ]);
      }
      const now = clock.now().toISOString();
      await database.atomic([
        appendAudit(db, actor, now, {
          action: 'account_deleted',
          subjectType: 'member',
          subjectId: actor.userId,
        }),
        clearSignInAttempts(db, actor.email),
        deleteUser(db, actor.userId),
      ]);
    },
  };
}

export type MemberDataService = ReturnType<typeof createMemberDataService>;
