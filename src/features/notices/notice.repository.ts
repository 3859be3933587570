/**
 * Queries on area notices. Whom a notice reaches is one rule with one owner, `reachesMember`: her
 * places (where she lives, where she plans to move) overlap the notice's places, she is at one of
 * its stages, she has a child of its ages. Her notices on her home page, the figures staff see
 * and the digest that tells members of new notices all go through it, so they cannot disagree.
 */
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { jsonList } from '../../db/json-list.ts';
import type { AreaNoticeTable, DB } from '../../db/schema.ts';

/** Today's Japan date and month: what "current" and children's ages are measured against. */
export interface Today {
  /** YYYY-MM-DD in Japan. */
  date: string;
}

const monthIndex = (today: Today) => {
  const [year, month] = today.date.split('-').map(Number) as [number, number];
  return year * 12 + month;
};

/** Not withdrawn and not past its last day; `n` is the notice's alias. */
export function isCurrent(today: Today): RawBuilder<boolean> {
  return sql<boolean>`(n.withdrawn_at IS NULL AND n.valid_until >= ${today.date})`;
}

/**
 * Whether notice `n` reaches member `m`. Two areas overlap when one lies in the other: a notice
 * for 横浜市 reaches her in 横浜市港北区 (a ward's parent is its city), one for 神奈川県 every place
 * in the prefecture, and one for 静岡市 a member whose target is the whole of 静岡県. A child's age
 * is counted in whole years from her birth year and month (integer division: the month index is
 * cast because better-sqlite3 binds every JS number as a float).
 */
export function reachesMember(today: Today): RawBuilder<boolean> {
  return sql<boolean>`(
    EXISTS (
      SELECT 1 FROM area_notice_areas t
      JOIN areas na ON na.code = t.area_code
      JOIN areas ma ON (
        (n.audience IN ('home', 'both') AND ma.code = m.area_code)
        OR (n.audience IN ('target', 'both')
            AND ma.code IN (SELECT mt.area_code FROM member_target_areas mt WHERE mt.member_id = m.user_id))
      )
      WHERE t.notice_id = n.id
        AND (na.code = ma.code OR na.code = ma.parent_code OR ma.code = na.parent_code
             OR (na.kind = 'prefecture' AND na.pref_code = ma.pref_code)
             OR (ma.kind = 'prefecture' AND ma.pref_code = na.pref_code))
    )
    AND (n.stages IS NULL OR m.support_stage IN (SELECT value FROM json_each(n.stages)))
    AND ((n.child_age_min IS NULL AND n.child_age_max IS NULL) OR EXISTS (
      SELECT 1 FROM member_children c
      WHERE c.member_id = m.user_id
        AND (CAST(${monthIndex(today)} AS INTEGER) - (c.birth_year * 12 + c.birth_month)) / 12
            BETWEEN COALESCE(n.child_age_min, 0) AND COALESCE(n.child_age_max, 99)
    ))
  )`;
}

export function insertNotice(db: Kysely<DB>, row: AreaNoticeTable) {
  return db.insertInto('area_notices').values(row);
}

export function insertNoticeAreas(db: Kysely<DB>, noticeId: string, areaCodes: readonly string[]) {
  return db
    .insertInto('area_notice_areas')
    .values(areaCodes.map((code) => ({ notice_id: noticeId, area_code: code })));
}

export function findNotice(db: Kysely<DB>, id: string) {
  return db.selectFrom('area_notices').selectAll().where('id', '=', id).executeTakeFirst();
}

export function withdrawNotice(db: Kysely<DB>, id: string, at: string) {
  return db
    .updateTable('area_notices')
    .set({ withdrawn_at: at })
    .where('id', '=', id)
    .where('withdrawn_at', 'is', null);
}

/**
 * Every notice, newest first, with how many members it reaches today and how many opened it.
 * Counts only: who read it is never selected.
 */
export function noticesWithFigures(db: Kysely<DB>, today: Today, limit: number) {
  return db
    .selectFrom('area_notices as n')
    .selectAll('n')
    .select([
      sql<number>`(SELECT count(*) FROM members m WHERE ${reachesMember(today)})`.as('reached'),
      sql<number>`(SELECT count(*) FROM area_notice_reads r WHERE r.notice_id = n.id)`.as('reads'),
      sql<number>`${isCurrent(today)}`.as('current'),
    ])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(limit)
    .execute();
}

/** The places of some notices, with their names. */
export function areasOfNotices(db: Kysely<DB>, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('area_notice_areas')
    .innerJoin('areas', 'areas.code', 'area_notice_areas.area_code')
    .select(['area_notice_areas.notice_id', 'areas.code', 'areas.name'])
    .where('area_notice_areas.notice_id', 'in', jsonList(noticeIds))
    .orderBy('areas.code')
    .execute();
}

/** The current notices that reach her, soonest ending first, with whether she opened each. */
export function noticesForMember(db: Kysely<DB>, memberId: string, today: Today) {
  return db
    .selectFrom('area_notices as n')
    .innerJoin('members as m', (join) => join.on('m.user_id', '=', memberId))
    .selectAll('n')
    .select(
      sql<number>`EXISTS (SELECT 1 FROM area_notice_reads r WHERE r.notice_id = n.id AND r.member_id = m.user_id)`.as(
        'read',
      ),
    )
    .where(isCurrent(today))
    .where(reachesMember(today))
    .orderBy('n.valid_until')
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id')
    .limit(50)
    .execute();
}

/** Counts her opening of a notice once; opening it again changes nothing. */
export function recordRead(db: Kysely<DB>, noticeId: string, memberId: string, at: string) {
  return db
    .insertInto('area_notice_reads')
    .values({ notice_id: noticeId, member_id: memberId, read_at: at })
    .onConflict((oc) => oc.columns(['notice_id', 'member_id']).doNothing());
}

/** Current notices the digest has not announced yet (oldest first). */
export function unannouncedNotices(db: Kysely<DB>, today: Today, limit: number) {
  return db
    .selectFrom('area_notices as n')
    .select(['n.id', 'n.title'])
    .where('n.announced_at', 'is', null)
    .where(isCurrent(today))
    .orderBy('n.created_at')
    .orderBy('n.id')
    .limit(limit)
    .execute();
}

/**
 * The digest as one statement: for each member some of the given notices reach, one
 * notification naming their titles. It is inserted already read, because the notices themselves
 * stand on her home page; the notification is what the delivery relay carries to her webhook
 * and e-mail (unless she stopped that kind).
 */
/** A random version-4 UUID made by SQLite (or D1), the shape `newId()` gives every other notification. */
const RANDOM_UUID = sql`lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
  || '-8' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;

export function insertDigestNotifications(
  noticeIds: readonly string[],
  today: Today,
  digest: { kind: string; title: string; at: string },
) {
  return sql`INSERT INTO notifications
      (id, user_id, kind, match_id, title, body, created_at, read_at, delivery, attempts, next_attempt_at, last_error)
    SELECT ${RANDOM_UUID}, m.user_id, ${digest.kind}, NULL, ${digest.title},
           group_concat('「' || n.title || '」', '、'), ${digest.at}, ${digest.at}, 'pending', 0, ${digest.at}, NULL
    FROM members m JOIN area_notices n ON n.id IN (SELECT value FROM json_each(${JSON.stringify(noticeIds)}))
    WHERE ${reachesMember(today)}
    GROUP BY m.user_id`;
}

export function markAnnounced(db: Kysely<DB>, noticeIds: readonly string[], at: string) {
  return db.updateTable('area_notices').set({ announced_at: at }).where('id', 'in', jsonList(noticeIds));
}
