/**
 * Queries on the mail outbox. Mail is queued in the same atomic unit as the change it tells of
 * (a new account, a reset token), so a message is never sent for a change that did not happen.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

export interface QueuedMail {
  id: string;
  userId: string | null;
  to: string;
  kind: string;
  subject: string;
  text: string;
  html: string;
}

export function enqueueMail(db: Kysely<DB>, mail: QueuedMail, at: string) {
  return db.insertInto('mail_outbox').values({
    id: mail.id,
    user_id: mail.userId,
    to_address: mail.to,
    kind: mail.kind,
    subject: mail.subject,
    text_body: mail.text,
    html_body: mail.html,
    created_at: at,
    next_attempt_at: at,
    sent_at: null,
    last_error: null,
  });
}

export function dueMail(db: Kysely<DB>, now: string, limit: number) {
  return db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('state', '=', 'pending')
    .where('next_attempt_at', '<=', now)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Marks a message sent and empties its bodies: a one-time link is not kept once it has gone. */
export function markMailSent(db: Kysely<DB>, id: string, at: string) {
  return db
    .updateTable('mail_outbox')
    .set({ state: 'sent', sent_at: at, text_body: '', html_body: '', last_error: null })
    .where('id', '=', id);
}

export function postponeMail(db: Kysely<DB>, id: string, nextAttemptAt: string, error: string) {
  return db
    .updateTable('mail_outbox')
    .set((eb) => ({
      attempts: eb('attempts', '+', 1),
      next_attempt_at: nextAttemptAt,
      last_error: error.slice(0, 500),
    }))
    .where('id', '=', id);
}

/** Messages still waiting, for /health and the relay's logs. */
export async function pendingMailCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('mail_outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
