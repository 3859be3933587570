/**
 * Sensitive personal data (要配慮個人情報): her family situation and whether she needs support
 * around domestic violence. Collected only with her explicit consent, stored apart from the
 * profile, readable by her and by coordinators — and every coordinator read is written to the
 * audit log before the data is returned. No employer route reaches this table.
 */
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { DB, MemberSensitiveTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import { findMember } from '../members/member.repository.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';

export const SensitiveInputSchema = z
  .object({
    consent: z.literal(true, 'Sharing this needs your consent'),
    familySituation: z.string().trim().max(2000).optional(),
    dvSupportNeeded: z.boolean(),
    dvNotes: z.string().trim().max(2000).optional(),
  })
  .strict()
  .openapi('SensitiveInput');

export const SensitiveSchema = z
  .object({
    consentedAt: z.string(),
    familySituation: z.string().nullable(),
    dvSupportNeeded: z.boolean(),
    dvNotes: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Sensitive');

export type SensitiveInput = z.infer<typeof SensitiveInputSchema>;
export type Sensitive = z.infer<typeof SensitiveSchema>;

function findSensitive(db: Kysely<DB>, memberId: string) {
  return db.selectFrom('member_sensitive').selectAll().where('member_id', '=', memberId).executeTakeFirst();
}

function toSensitive(row: MemberSensitiveTable): Sensitive {
  return {
    consentedAt: row.consented_at,
    familySituation: row.family_situation,
    dvSupportNeeded: row.dv_support_needed === 1,
    dvNotes: row.dv_notes,
    updatedAt: row.updated_at,
  };
}

export function createSensitiveService({ database, clock }: AppDeps) {
  const { db } = database;

  async function own(actor: Actor): Promise<string> {
    if (!admits(ACCESS.ownProfile, actor) || !(await findMember(db, actor.userId)))
      throw notFound('member profile');
    return actor.userId;
  }

  return {
    async mine(actor: Actor): Promise<Sensitive> {
      const row = await findSensitive(db, await own(actor));
      if (!row) throw notFound('sensitive information');
      return toSensitive(row);
    },

    /** Shares (or updates) it, with her consent. */
    async share(actor: Actor, input: SensitiveInput): Promise<Sensitive> {
      const memberId = await own(actor);
      const now = clock.now().toISOString();
      const existing = await findSensitive(db, memberId);
      const row: MemberSensitiveTable = {
        member_id: memberId,
        consented_at: existing?.consented_at ?? now,
        family_situation: input.familySituation ?? null,
        dv_support_needed: input.dvSupportNeeded ? 1 : 0,
        dv_notes: input.dvNotes ?? null,
        updated_at: now,
      };
      const { member_id: _id, ...changes } = row;
      await database.atomic([
        db
          .insertInto('member_sensitive')
          .values(row)
          .onConflict((oc) => oc.column('member_id').doUpdateSet(changes)),
      ]);
      return toSensitive(row);
    },

    /** Withdraws her consent: the information is deleted. */
    async withdraw(actor: Actor): Promise<void> {
      const memberId = await own(actor);
      await database.atomic([db.deleteFrom('member_sensitive').where('member_id', '=', memberId)]);
    },

    /** A coordinator's read, written to the audit log first. */
    async readFor(actor: Actor, memberId: string): Promise<Sensitive> {
      requireAdmitted(ACCESS.supportMembers, actor);
      if (!(await findMember(db, memberId))) throw notFound('member');
      await database.atomic([
        appendAudit(db, actor, clock.now().toISOString(), {
          action: 'read_sensitive',
          subjectType: 'member',
          subjectId: memberId,
        }),
      ]);
      const row = await findSensitive(db, memberId);
      if (!row) throw notFound('sensitive information');
      return toSensitive(row);
    },
  };
}

export type SensitiveService = ReturnType<typeof createSensitiveService>;
