/**
 * Ad freshness: the scheduled job that keeps published roles fresh. It dates roles that have no
 * expiry yet, tells each employer a week ahead (an in-app notification, which the delivery relay
 * also e-mails unless they stopped that kind), and takes expired ads out of search: the role is
 * marked expired and queued for the search index in one atomic unit, so a crash leaves either
 * both or neither, and the degraded search (which applies `FINDABLE`) agrees at once. The
 * employer renews with one tap (`roles.renew`). Each step is guarded by what it read, so running
 * it twice, or again after being killed midway, neither repeats nor loses a notice.
 */
import type { Write } from '../../db/database.ts';
import { type AppDeps, newId } from '../../deps.ts';
import { japanDay } from '../shared/japan-time.ts';
import {
  dateUndatedRoles,
  employersOf,
  enqueueRoles,
  insertForewarning,
  markExpired,
  markForewarned,
  rolesDueToExpire,
  rolesToForewarn,
} from './role-expiry.repository.ts';

/** Roles one run handles per step: a Worker's cron run stays well inside D1's query budget. */
const PER_RUN = 50;
const DAY_MS = 86_400_000;

/** '2027-01-24T…' → '2027年1月24日', the day in Japan. */
function japaneseDate(iso: string): string {
  const day = japanDay(iso);
  return `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
}

export function createRoleExpiryJob({
  database,
  clock,
  config,
}: Pick<AppDeps, 'database' | 'clock' | 'config'>) {
  const { db } = database;
  const { days, noticeDays, floorDays } = config.roleExpiry;
  return {
    /**
     * One run: date undated roles, forewarn, expire. Returns how many of each it did.
     * @example await roleExpiry.run() // { rolesForewarned: 1, rolesExpired: 0 }
     */
    async run(): Promise<{ rolesForewarned: number; rolesExpired: number }> {
      const now = clock.now();
      const at = now.toISOString();
      await database.atomic([dateUndatedRoles(at, days, floorDays)]);

      const soon = await rolesToForewarn(
        db,
        at,
        new Date(now.getTime() + noticeDays * DAY_MS).toISOString(),
        PER_RUN,
      );
      const employers = await employersOf(db, [...new Set(soon.map((r) => r.organisation_id))]);
      const writes: Write[] = soon.flatMap((role) => {
        const expiresAt = role.expires_at as string;
        const notices = (employers.get(role.organisation_id) ?? []).map((userId) =>
          insertForewarning(
            {
              id: newId(),
              userId,
              roleId: role.id,
              expiresAt,
              title: '求人の掲載期限が近づいています',
              body: `「${role.title}」の掲載は${japaneseDate(expiresAt)}までです。続けて募集するときは、求人のページで「掲載を延長する」を押してください。`,
            },
            at,
          ),
        );
        return [...notices, markForewarned(db, role.id, expiresAt)];
      });
      await database.atomic(writes);

      const due = await rolesDueToExpire(db, at, PER_RUN);
      if (due.length > 0) await database.atomic([markExpired(due, at), enqueueRoles(due, at)]);
      return { rolesForewarned: soon.length, rolesExpired: due.length };
    },
  };
}

export type RoleExpiryJob = ReturnType<typeof createRoleExpiryJob>;
