/**
 * Delivering notifications beyond the app. The sender is a port: a webhook (POST of the
 * notification as JSON to a URL the operator configures) or none, in which case notifications are
 * only recorded and shown in the app. The relay retries failures with a growing delay and never
 * drops a notification.
 */

import type { NotificationTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
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

export function createDeliveryRelay(
  { database, clock }: Pick<AppDeps, 'database' | 'clock'>,
  sender: NotificationSender | null,
) {
  const { db } = database;
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
          ]);
        return { delivered: due.length, failed: 0 };
      }
      let delivered = 0;
      let failed = 0;
      for (const notification of due) {
        try {
          await sender.send(notification);
          await database.atomic([markDelivered(db, [notification.id], 'delivered')]);
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
