/**
 * What other features call to send an e-mail: compose it in the recipient's language and return
 * the outbox write, for the caller to run in the same atomic unit as the change it tells of.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { newId } from '../../deps.ts';
import { enqueueMail } from './mail-outbox.repository.ts';
import { composeMail, type MailContent, type MailLocale } from './templates.ts';

export interface MailRecipient {
  userId: string | null;
  email: string;
  locale: MailLocale;
}

/**
 * @example await database.atomic([mailWrite(db, { userId, email, locale: 'ja' }, { kind: 'verify_email', name, link }, now)])
 */
export function mailWrite(db: Kysely<DB>, to: MailRecipient, content: MailContent, at: string) {
  const { subject, text, html } = composeMail(content, to.locale);
  return enqueueMail(
    db,
    { id: newId(), userId: to.userId, to: to.email, kind: content.kind, subject, text, html },
    at,
  );
}
