/**
 * The append-only audit log (the database refuses updates and deletes). Entries are written in
 * the same atomic unit as the change they record.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../auth/actor.ts';

export interface AuditEntry {
  action: string;
  subjectType: 'member' | 'match' | 'role' | 'organisation' | 'notice' | 'meeting';
  subjectId: string;
  detail?: string;
}

export function appendAudit(
  db: Kysely<DB>,
  actor: Pick<Actor, 'userId' | 'role'>,
  at: string,
  entry: AuditEntry,
) {
  return db.insertInto('audit_log').values({
    at,
    actor_id: actor.userId,
    actor_role: actor.role,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId,
    detail: entry.detail ?? null,
  });
}

export function listAudit(
  db: Kysely<DB>,
  filter: { subjectType?: string; subjectId?: string; actorId?: string; before?: number; limit: number },
) {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.subjectType) query = query.where('subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('subject_id', '=', filter.subjectId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
