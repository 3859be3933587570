/**
 * Delivering notifications beyond the app. The sender is a port: a webhook (POST of the
 * notification as JSON to a URL the operator configures) or none, in which case notifications are
 * only recorded and shown in the app. The relay retries failures with a growing delay and never
 * drops a notification. When one is delivered (or recorded), an e-mail telling of it is queued in
 * the same write, unless she stopped that kind; the mail outbox sends and retries it.
 */

import type { Write } from '../../db/database.ts';
import type { NotificationTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { mailWrite } from '../mail/mail.service.ts';
import { isNotificationMailKind, NOTIFICATION_MAIL_KINDS } from '../mail/templates.ts';
import { dueDeliveries, markDelivered, postponeDelivery } from './notification.repository.ts';

export interface NotificationSender {
  /** Throws when the notification could not be delivered; it will be tried again. */
  send(
    notification: Pick<
      NotificationTable,
      'id' | 'user_id' | 'kind' | 'match_id' | 'title' | 'body' | 'created_at'
    >,
  ): Promise<void>;
}

/**
 * A sender that POSTs each notification to a webhook; any non-2xx answer is a failure.
 * @example webhookSender('https://hooks.example.jp/yorisoi', fetch)
 */
export function webhookSender(url: string, fetcher: typeof fetch = fetch): NotificationSender {
  return {
    async send(notification) {
      const response = await fetcher(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          id: notification.id,
          userId: notification.user_id,
          kind: notification.kind,
          matchId: notification.match_id,
          title: notification.title,
          body: notification.body,
          createdAt: notification.created_at,
        }),
      });
      if (!response.ok) throw new Error(`webhook answered ${response.status}`);
    },
  };
}

const BATCH = 100;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60_000;

type DueNotification = Awaited<ReturnType<typeof dueDeliveries>>[number];

export function createDeliveryRelay(
  { database, clock, config }: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  sender: NotificationSender | null,
) {
  const { db } = database;

  /** The e-mail telling of this notification, unless it is not a mailed kind or she stopped it. */
  function mailFor(notification: DueNotification): Write[] {
    const { kind } = notification;
    if (!isNotificationMailKind(kind)) return [];
    if ((JSON.parse(notification.mail_opt_out) as string[]).includes(kind)) return [];
    const lang = notification.locale;
    return [
      mailWrite(
        db,
        { userId: notification.user_id, email: notification.email, locale: lang },
        {
          kind: 'notification',
          headline: NOTIFICATION_MAIL_KINDS[kind][lang],
          link: `${config.publicUrl}/`,
          settingsLink: `${config.publicUrl}/account`,
        },
        clock.now().toISOString(),
      ),
    ];
  }

  return {
    /**
     * Delivers what is due; returns how many were delivered (or recorded) and how many failed.
     * @example await delivery.run()
     */
    async run(): Promise<{ delivered: number; failed: number }> {
      const now = clock.now();
      const due = await dueDeliveries(db, now.toISOString(), BATCH);
      if (!sender) {
        if (due.length)
          await database.atomic([
            markDelivered(
              db,
              due.map((n) => n.id),
              'recorded',
            ),
            ...due.flatMap(mailFor),
          ]);
        return { delivered: due.length, failed: 0 };
      }
      let delivered = 0;
      let failed = 0;
      for (const notification of due) {
        try {
          await sender.send(notification);
          await database.atomic([
            markDelivered(db, [notification.id], 'delivered'),
            ...mailFor(notification),
          ]);
          delivered += 1;
        } catch (error) {
          const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** notification.attempts);
          await database.atomic([
            postponeDelivery(
              db,
              notification.id,
              new Date(now.getTime() + delay).toISOString(),
              (error as Error).message,
            ),
          ]);
          failed += 1;
        }
      }
      return { delivered, failed };
    },
  };
}
