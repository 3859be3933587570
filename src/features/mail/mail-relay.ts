/**
 * Sends what the mail outbox holds, through whichever Mailer the entry chose. A failure only
 * postpones that message, with a growing delay (1 s, 2 s, 4 s… up to 5 minutes); nothing is dropped.
 */
import type { AppDeps } from '../../deps.ts';
import { dueMail, markMailSent, postponeMail } from './mail-outbox.repository.ts';
import type { Mailer } from './mailer.ts';

const BATCH = 50;
const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 5 * 60_000;

/**
 * @example const relay = createMailRelay(deps, mailer); await relay.run() // { sent: 1, failed: 0 }
 */
export function createMailRelay({ database, clock }: Pick<AppDeps, 'database' | 'clock'>, mailer: Mailer) {
  const { db } = database;
  return {
    /** Sends what is due (at most one batch); returns how many went and how many will be retried. */
    async run(limit = BATCH): Promise<{ sent: number; failed: number }> {
      const now = clock.now();
      const due = await dueMail(db, now.toISOString(), limit);
      let sent = 0;
      let failed = 0;
      for (const mail of due) {
        try {
          await mailer.send({
            to: mail.to_address,
            subject: mail.subject,
            text: mail.text_body,
            html: mail.html_body,
          });
          await database.atomic([markMailSent(db, mail.id, clock.now().toISOString())]);
          sent += 1;
        } catch (error) {
          const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** mail.attempts);
          const next = new Date(now.getTime() + delay).toISOString();
          await database.atomic([postponeMail(db, mail.id, next, (error as Error).message)]);
          failed += 1;
        }
      }
      return { sent, failed };
    },
  };
}

export type MailRelay = ReturnType<typeof createMailRelay>;
