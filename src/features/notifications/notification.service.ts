/**
 * In-app notifications: each account reads only its own, and marks them read.
 */

import type { NotificationTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { markRead, notificationsOf } from './notification.repository.ts';

function toNotification(n: NotificationTable) {
  return {
    id: n.id,
    kind: n.kind,
    matchId: n.match_id,
    title: n.title,
    body: n.body,
    createdAt: n.created_at,
    readAt: n.read_at,
  };
}

export type Notification = ReturnType<typeof toNotification>;

export function createNotificationService({ database, clock }: AppDeps) {
  const { db } = database;
  return {
    async mine(actor: Actor): Promise<Notification[]> {
      return (await notificationsOf(db, actor.userId, 100)).map(toNotification);
    },

    /** The newest of what the account has not read yet, for the top of its main page. */
    async unread(actor: Actor, limit = 5): Promise<Notification[]> {
      return (await notificationsOf(db, actor.userId, limit, true)).map(toNotification);
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

export type NotificationService = ReturnType<typeof createNotificationService>;
