/**
 * In-app notifications: each account reads only its own, and marks them read.
 */
import type { AppDeps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { markRead, notificationsOf } from './notification.repository.ts';

export function createNotificationService({ database, clock }: AppDeps) {
  const { db } = database;
  return {
    async mine(actor: Actor) {
      return (await notificationsOf(db, actor.userId, 100)).map((n) => ({
        id: n.id,
        kind: n.kind,
        matchId: n.match_id,
        title: n.title,
        body: n.body,
        createdAt: n.created_at,
        readAt: n.read_at,
      }));
    },

    async markRead(actor: Actor, id: string): Promise<void> {
      const own = await db
        .selectFrom('notifications')
        .select('id')
        .where('id', '=', id)
        .where('user_id', '=', actor.userId)
        .executeTakeFirst();
      if (!own) throw notFound('notification');
      await database.atomic([markRead(db, actor.userId, id, clock.now().toISOString())]);
    },
  };
}
