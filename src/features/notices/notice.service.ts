/**
 * Area notices. A coordinator (or an admin) publishes a notice for some places — where members
 * live, where they plan to move, or either — optionally only for some support stages or
 * children's ages, until a last day; she may withdraw it. A member sees the current notices for
 * her places on her home page; opening one counts once. Staff see how many members a notice
 * reaches and how many opened it, never who. The scheduled job tells members of new notices in
 * one notification each (a digest of what appeared since the last run), which the delivery relay
 * mails unless she stopped that kind.
 */
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { AreaService } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import { appendAudit } from '../coordination/audit.repository.ts';
import { ACCESS, admits, requireAdmitted } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import {
  areasOfNotices,
  findNotice,
  insertDigestNotifications,
  insertNotice,
  insertNoticeAreas,
  markAnnounced,
  noticesForMember,
  noticesWithFigures,
  recordRead,
  type Today,
  unannouncedNotices,
  withdrawNotice,
} from './notice.repository.ts';
import type { MemberNotice, NoticeAudience, NoticeInput, StaffNotice } from './notice.schemas.ts';

/** The notification kind of the digest (also the e-mail kind she can stop in her settings). */
export const NOTICE_DIGEST_KIND = 'area_notices';
const PER_RUN = 20;
const LISTED = 200;

export function createNoticeService({ database, clock }: AppDeps, services: { areas: AreaService }) {
  const { db } = database;
  const today = (): Today => ({ date: japanDate(clock.now()) });

  async function placesOf(ids: string[]) {
    const rows = await areasOfNotices(db, ids);
    const by = new Map<string, { code: string; name: string }[]>();
    for (const row of rows)
      by.set(row.notice_id, [...(by.get(row.notice_id) ?? []), { code: row.code, name: row.name }]);
    return by;
  }

  return {
    /** Publishes a notice now; it shows until the end of `validUntil` (Japan date). */
    async publish(actor: Actor, input: NoticeInput): Promise<StaffNotice> {
      requireAdmitted(ACCESS.publishNotices, actor);
      const codes = [...new Set(input.areaCodes)];
      await services.areas.requirePlaces(
        codes.map((code) => ({ code, path: `body.areaCodes.${input.areaCodes.indexOf(code)}` })),
        { allowPrefecture: true },
      );
      if (input.validUntil < today().date)
        throw new AppError('validation_failed', 'The request has invalid fields', [
          { path: 'body.validUntil', message: 'the last day has already passed', code: 'date_in_past' },
        ]);
      const id = newId();
      const at = clock.now().toISOString();
      const stages = input.stages ? [...new Set(input.stages)].sort() : null;
      await database.atomic([
        insertNotice(db, {
          id,
          title: input.title,
          body: input.body,
          link: input.link ?? null,
          valid_until: input.validUntil,
          audience: input.audience,
          stages: stages ? JSON.stringify(stages) : null,
          child_age_min: input.childAges?.min ?? null,
          child_age_max: input.childAges?.max ?? null,
          created_by: actor.userId,
          created_at: at,
          withdrawn_at: null,
          announced_at: null,
        }),
        insertNoticeAreas(db, id, codes),
        appendAudit(db, actor, at, {
          action: 'publish_notice',
          subjectType: 'notice',
          subjectId: id,
          detail: codes.join(','),
        }),
      ]);
      return (await this.list()).find((n) => n.id === id) as StaffNotice;
    },

    /** Every notice, newest first, with how many members each reaches today and how many opened it. */
    async list(): Promise<StaffNotice[]> {
      const rows = await noticesWithFigures(db, today(), LISTED);
      const places = await placesOf(rows.map((r) => r.id));
      return rows.map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        link: n.link,
        validUntil: n.valid_until,
        areas: places.get(n.id) ?? [],
        audience: n.audience as NoticeAudience,
        stages: n.stages ? (JSON.parse(n.stages) as number[]) : null,
        childAges:
          n.child_age_min === null && n.child_age_max === null
            ? null
            : { min: n.child_age_min, max: n.child_age_max },
        createdAt: n.created_at,
        withdrawnAt: n.withdrawn_at,
        current: Number(n.current) === 1,
        reached: Number(n.reached),
        reads: Number(n.reads),
      }));
    },

    /** Takes a notice down at once; its figures stay. */
    async withdraw(actor: Actor, id: string): Promise<StaffNotice> {
      requireAdmitted(ACCESS.publishNotices, actor);
      const notice = await findNotice(db, id);
      if (!notice) throw notFound('notice');
      if (!notice.withdrawn_at) {
        const at = clock.now().toISOString();
        await database.atomic([
          withdrawNotice(db, id, at),
          appendAudit(db, actor, at, { action: 'withdraw_notice', subjectType: 'notice', subjectId: id }),
        ]);
      }
      return (await this.list()).find((n) => n.id === id) as StaffNotice;
    },

    /** The current notices for her places, soonest ending first; nothing for an account without a profile. */
    async mine(actor: Actor): Promise<MemberNotice[]> {
      if (!admits(ACCESS.ownNotices, actor)) return [];
      const rows = await noticesForMember(db, actor.userId, today());
      const places = await placesOf(rows.map((r) => r.id));
      return rows.map((n) => ({
        id: n.id,
        title: n.title,
        body: n.body,
        link: n.link,
        validUntil: n.valid_until,
        areas: places.get(n.id) ?? [],
        read: Number(n.read) === 1,
      }));
    },

    /** She opened a notice for her places: counted once. Anyone else's notice is a 404. */
    async open(actor: Actor, id: string): Promise<MemberNotice> {
      const notice = (await this.mine(actor)).find((n) => n.id === id);
      if (!notice) throw notFound('notice');
      if (!notice.read) await database.atomic([recordRead(db, id, actor.userId, clock.now().toISOString())]);
      return { ...notice, read: true };
    },

    /** The scheduled digest: one notification per member reached by notices published since the last run. */
    async run(): Promise<{ noticesAnnounced: number }> {
      const day = today();
      const fresh = await unannouncedNotices(db, day, PER_RUN);
      if (fresh.length === 0) return { noticesAnnounced: 0 };
      const at = clock.now().toISOString();
      const ids = fresh.map((n) => n.id);
      await database.atomic([
        insertDigestNotifications(ids, day, { kind: NOTICE_DIGEST_KIND, title: '地域のお知らせ', at }),
        markAnnounced(db, ids, at),
      ]);
      return { noticesAnnounced: ids.length };
    },
  };
}

export type NoticeService = ReturnType<typeof createNoticeService>;
