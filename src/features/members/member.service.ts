/**
 * Member profiles: a member reads and writes only her own; coordinators and admins read any.
 * Her support stage is not hers to set (a coordinator assigns it), so saving her profile keeps it.
 */

import type { ChildCare } from '../../../matching/types.ts';
import { isVersionConflict } from '../../db/database.ts';
import type { MemberTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { AppError, type ErrorIssue, notFound } from '../../errors.ts';
import { differingFields } from '../../lib/differences.ts';
import type { AreaService, Town } from '../areas/area.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { MatchEndings } from '../matches/match-endings.ts';
import { ACCESS, admits } from '../shared/access.ts';
import { splitStoredQualifications, storedQualifications } from '../shared/qualifications.ts';
import {
  minutesOf,
  sortWindows,
  timeOf,
  toCareLimit,
  toWeeklyWindow,
  WEEKDAYS,
  windowFromRow,
} from '../shared/schedule.schemas.ts';
import {
  existingOrganisationIds,
  findMember,
  findMemberStamps,
  loadMemberChildren,
  type MemberChildren,
  type MemberRow,
  replaceMemberLists,
  replaceMemberWindows,
  updateMember,
  upsertMember,
} from './member.repository.ts';
import type { AvailabilityInput, MemberProfile, MemberProfileInput } from './member.schemas.ts';
import { createPreparedMembers, type PreparedMember } from './prepared-members.ts';

type Profile = MemberProfile;

/** Her direction from its columns (absent parts left out, as in the input). */
function directionOf(row: MemberRow): Profile['direction'] {
  let categories: unknown = [];
  try {
    categories = JSON.parse(row.desired_categories ?? '[]');
  } catch {
    categories = [];
  }
  return {
    desiredCategories: (Array.isArray(categories)
      ? categories
      : []) as Profile['direction']['desiredCategories'],
    ...(row.self_pr ? { selfPr: row.self_pr } : {}),
    ...(row.career_pace ? { pace: row.career_pace as 'career_step' | 'stable_base' } : {}),
  };
}

/** Her résumé from its columns (an unreadable one reads as empty rather than failing her profile). */
function resumeOf(row: MemberRow): Profile['resume'] {
  let stored: { work?: unknown; education?: unknown } = {};
  try {
    stored = JSON.parse(row.resume ?? '{}') ?? {};
  } catch {
    stored = {};
  }
  return {
    work: (Array.isArray(stored.work) ? stored.work : []) as Profile['resume']['work'],
    education: (Array.isArray(stored.education) ? stored.education : []) as Profile['resume']['education'],
    shareAtIntroduction: row.share_resume === 1,
  };
}

/** Stored qualification values as the profile's two lists. */
function qualificationsOf(values: readonly string[]) {
  const { keys, other } = splitStoredQualifications(values);
  return { qualifications: keys as Profile['qualifications'], otherQualifications: other };
}

export function toMemberProfile(row: MemberRow, lists: MemberChildren): Profile {
  const pay = (amount: number | null, unit: string | null) =>
    amount !== null && unit !== null
      ? { amount, unit: unit as 'hour' | 'day' | 'month' | 'year' }
      : undefined;
  const floor = pay(row.pay_floor_amount, row.pay_floor_unit);
  const wish = pay(row.pay_wish_amount, row.pay_wish_unit);
  return {
    userId: row.user_id,
    familyName: row.family_name,
    givenName: row.given_name,
    ...(row.phone ? { phone: row.phone } : {}),
    area: { code: row.area_code, name: row.area_name, prefecture: row.prefecture, prefCode: row.pref_code },
    ...(row.home_town && row.home_lat != null && row.home_lng != null
      ? { homeTown: row.home_town, homePoint: { lat: row.home_lat, lng: row.home_lng } }
      : {}),
    targetAreas: lists.targetAreas.map((t) => ({
      code: t.area_code,
      name: t.name,
      prefecture: t.prefecture,
      prefCode: t.pref_code,
      needsRelocationSupport: t.needs_relocation_support === 1,
      ...(t.move_from ? { moveFrom: t.move_from } : {}),
      ...(t.max_commute_minutes != null ? { maxCommuteMinutes: t.max_commute_minutes } : {}),
    })),
    availability: {
      windows: lists.windows.map((w) => ({
        ...windowFromRow(w),
        ...(w.remote_only === 1 ? { remoteOnly: true } : {}),
      })),
      // Absent when she gave none, as in the input.
      ...(lists.careLimits.length
        ? {
            careLimits: lists.careLimits.map((c) => ({
              day: WEEKDAYS[c.day - 1] ?? 'mon',
              ...(c.leave_from !== null ? { leaveHomeFrom: timeOf(c.leave_from) } : {}),
              ...(c.home_by !== null ? { homeBy: timeOf(c.home_by) } : {}),
            })),
          }
        : {}),
      maxHoursPerWeek: row.max_hours_per_week,
      ...(row.earliest_start_date ? { earliestStartDate: row.earliest_start_date } : {}),
    },
    commute: { maxMinutes: row.max_commute_minutes, mode: row.commute_mode as Profile['commute']['mode'] },
    children: lists.children.map((c) => ({
      birthYear: c.birth_year,
      birthMonth: c.birth_month,
      ...(c.care ? { care: c.care as ChildCare } : {}),
      ...(c.pickup_minute !== null ? { pickupTime: timeOf(c.pickup_minute) } : {}),
    })),
    skills: lists.skills.map((s) => ({ tag: s.tag, level: s.level })) as Profile['skills'],
    ...qualificationsOf(lists.qualifications.map((q) => q.qualification)),
    pay: { ...(floor ? { floor } : {}), ...(wish ? { wish } : {}) },
    employmentTypes: lists.employmentTypes.map((t) => t.employment_type) as Profile['employmentTypes'],
    remoteWish: row.remote_wish as Profile['remoteWish'],
    direction: directionOf(row),
    resume: resumeOf(row),
    privacy: {
      hideMunicipality: row.hide_municipality === 1,
      blockedOrganisationIds: lists.blocks.map((b) => b.organisation_id),
    },
    supportStage: row.support_stage,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** A saved profile in the input's shape, to re-save it or compare it with an edit. */
/**
 * A profile input with its optional lists spelled out, so "no care limits" reads the same whether
 * it came back from a read (which leaves the empty list out) or from her form (which sends []).
 */
function comparable(input: MemberProfileInput): Record<string, unknown> {
  return {
    ...input,
    availability: { ...input.availability, careLimits: input.availability.careLimits ?? [] },
  };
}

function asInput(profile: Profile): MemberProfileInput {
  const {
    userId: _user,
    area,
    homePoint: _point,
    targetAreas,
    supportStage: _stage,
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    ...rest
  } = profile;
  return {
    ...rest,
    areaCode: area.code,
    targetAreas: targetAreas.map((t) => ({
      areaCode: t.code,
      needsRelocationSupport: t.needsRelocationSupport,
      ...(t.moveFrom ? { moveFrom: t.moveFrom } : {}),
      ...(t.maxCommuteMinutes !== undefined ? { maxCommuteMinutes: t.maxCommuteMinutes } : {}),
    })),
  };
}

/** The 409 for a profile edit made from an older version, naming the fields saving would overwrite. */
function changedMeanwhile(saved: Profile, submitted: Record<string, unknown>): AppError {
  const fields = differingFields(asInput(saved) as Record<string, unknown>, submitted);
  return new AppError(
    'conflict',
    `Your profile was changed meanwhile (now version ${saved.version}, saved ${saved.updatedAt}); ` +
      (fields.length
        ? `it differs from your edit in: ${fields.join(', ')}. Reload it and apply your changes again.`
        : 'reload it and save again.'),
    fields.map((field) => ({
      path: `body.${field}`,
      message: 'changed meanwhile',
      code: 'changed_meanwhile',
    })),
  );
}

function windowRows(memberId: string, availability: AvailabilityInput) {
  return sortWindows(
    availability.windows.map((w) => ({ ...toWeeklyWindow(w), remoteOnly: w.remoteOnly === true })),
  ).map((w) => ({
    member_id: memberId,
    day: w.day,
    start_minute: w.start,
    end_minute: w.end,
    remote_only: w.remoteOnly ? 1 : 0,
  }));
}

function careLimitRows(memberId: string, availability: AvailabilityInput) {
  return (availability.careLimits ?? [])
    .map(toCareLimit)
    .sort((a, b) => a.day - b.day)
    .map((c) => ({
      member_id: memberId,
      day: c.day,
      leave_from: c.leaveFrom ?? null,
      home_by: c.homeBy ?? null,
    }));
}

export function createMemberService({ database, clock }: AppDeps, areas: AreaService, endings: MatchEndings) {
  const { db } = database;
  const prepared = createPreparedMembers(database, areas);

  async function present(userId: string): Promise<Profile> {
    const row = await findMember(db, userId);
    if (!row) throw notFound('member profile');
    const lists = (await loadMemberChildren(db, [userId])).get(userId) as MemberChildren;
    return toMemberProfile(row, lists);
  }

  /** Field errors the schema cannot see: children born in the future, unknown organisations. */
  /** Checks a profile and returns her home town (with its point) when she gave one. */
  async function checkProfile(input: MemberProfileInput): Promise<Town | undefined> {
    const now = clock.now();
    const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1;
    const issues: ErrorIssue[] = [];
    input.children.forEach((child, i) => {
      if (child.birthYear * 12 + child.birthMonth > thisMonth) {
        issues.push({
          path: `body.children.${i}.birthYear`,
          message: 'a birth month cannot be in the future',
          code: 'future_birth',
        });
      }
    });
    const blocked = input.privacy.blockedOrganisationIds;
    const known = new Set((await existingOrganisationIds(db, blocked)).map((o) => o.id));
    blocked.forEach((id, i) => {
      if (!known.has(id)) {
        issues.push({
          path: `body.privacy.blockedOrganisationIds.${i}`,
          message: 'unknown organisation',
          code: 'unknown_organisation',
        });
      }
    });
    if (issues.length > 0) throw new AppError('validation_failed', 'The request has invalid fields', issues);
    await areas.requirePlaces([{ code: input.areaCode, path: 'body.areaCode' }], { allowPrefecture: false });
    await areas.requirePlaces(
      input.targetAreas.map((t, i) => ({ code: t.areaCode, path: `body.targetAreas.${i}.areaCode` })),
      { allowPrefecture: true },
    );
    if (!input.homeTown) return undefined;
    const towns = await areas.resolveTowns([
      { areaCode: input.areaCode, text: input.homeTown, path: 'body.homeTown', required: true },
    ]);
    return towns.get('body.homeTown');
  }

  function ownId(actor: Actor): string {
    if (!admits(ACCESS.ownProfile, actor)) throw notFound('member profile');
    return actor.userId;
  }

  return {
    mine: (actor: Actor) => present(ownId(actor)),

    /** Her profile, or undefined when she has not saved one yet (from the cache when current). */
    async findMine(actor: Actor): Promise<Profile | undefined> {
      return (await this.preparedMine(actor))?.profile;
    },

    /** Her profile with its matching input, or undefined when she has not saved one yet. */
    async preparedMine(actor: Actor): Promise<PreparedMember | undefined> {
      const [mine] = await prepared.load(await findMemberStamps(db, [ownId(actor)]));
      return mine;
    },

    /**
     * Every member with a profile, prepared, in id order, current as of this call; staff-facing
     * callers only, which must apply privacy filters (such as blocks) from the data layer.
     */
    everyonePrepared: (): Promise<readonly PreparedMember[]> => prepared.all(),

    /**
     * Creates or replaces her whole profile. With `expectedVersion` (the version her edit was
     * made from) a profile changed meanwhile is refused with 409 naming the fields that differ;
     * a save that raced another is refused the same way rather than undoing it.
     */
    async saveMine(
      actor: Actor,
      input: MemberProfileInput,
      options: { expectedVersion?: number } = {},
    ): Promise<Profile> {
      const userId = ownId(actor);
      const existing = await findMember(db, userId);
      const before = existing ? await present(userId) : undefined;
      if (before && options.expectedVersion !== undefined && options.expectedVersion !== before.version)
        throw changedMeanwhile(before, input);
      // Saving what is already saved changes nothing, not even the version.
      if (before && differingFields(comparable(asInput(before)), comparable(input)).length === 0)
        return before;
      const town = await checkProfile(input);
      const previousBlocks = existing
        ? ((await loadMemberChildren(db, [userId])).get(userId)?.blocks ?? [])
        : [];
      const blockedSince = new Map(previousBlocks.map((b) => [b.organisation_id, b.created_at]));
      const now = clock.now().toISOString();
      const row: MemberTable = {
        user_id: userId,
        family_name: input.familyName,
        given_name: input.givenName,
        phone: input.phone ?? null,
        area_code: input.areaCode,
        hide_municipality: input.privacy.hideMunicipality ? 1 : 0,
        max_hours_per_week: input.availability.maxHoursPerWeek,
        earliest_start_date: input.availability.earliestStartDate ?? null,
        max_commute_minutes: input.commute.maxMinutes,
        commute_mode: input.commute.mode,
        pay_floor_amount: input.pay.floor?.amount ?? null,
        pay_floor_unit: input.pay.floor?.unit ?? null,
        pay_wish_amount: input.pay.wish?.amount ?? null,
        pay_wish_unit: input.pay.wish?.unit ?? null,
        remote_wish: input.remoteWish,
        desired_categories: JSON.stringify(input.direction?.desiredCategories ?? []),
        self_pr: input.direction?.selfPr || null,
        career_pace: input.direction?.pace ?? null,
        resume: JSON.stringify({ work: input.resume.work, education: input.resume.education }),
        share_resume: input.resume.shareAtIntroduction ? 1 : 0,
        support_stage: existing?.support_stage ?? null,
        home_town: town?.name ?? null,
        home_lat: town?.point.lat ?? null,
        home_lng: town?.point.lng ?? null,
        created_at: existing?.created_at ?? now,
        updated_at: now,
        version: (existing?.version ?? 0) + 1,
      };
      // Blocking an employer withdraws her open matches with it, in the same atomic unit.
      const newlyBlocked = input.privacy.blockedOrganisationIds.filter((id) => !blockedSince.has(id));
      const endingWrites = await endings.writes(
        { memberId: userId, organisationIds: newlyBlocked },
        'blocked_employer',
        actor,
        now,
      );
      const writes = [
        upsertMember(db, row),
        ...replaceMemberWindows(
          db,
          userId,
          windowRows(userId, input.availability),
          careLimitRows(userId, input.availability),
        ),
        ...replaceMemberLists(db, userId, {
          children: input.children.map((c) => ({
            member_id: userId,
            birth_year: c.birthYear,
            birth_month: c.birthMonth,
            care: c.care ?? null,
            pickup_minute: c.pickupTime !== undefined ? minutesOf(c.pickupTime) : null,
          })),
          skills: input.skills.map((s) => ({ member_id: userId, tag: s.tag, level: s.level })),
          qualifications: storedQualifications(input.qualifications, input.otherQualifications ?? []).map(
            (q) => ({ member_id: userId, qualification: q }),
          ),
          employmentTypes: input.employmentTypes.map((t) => ({ member_id: userId, employment_type: t })),
          targetAreas: input.targetAreas.map((t) => ({
            member_id: userId,
            area_code: t.areaCode,
            needs_relocation_support: t.needsRelocationSupport ? 1 : 0,
            move_from: t.moveFrom ?? null,
            max_commute_minutes: t.maxCommuteMinutes ?? null,
          })),
          blocks: input.privacy.blockedOrganisationIds.map((id) => ({
            member_id: userId,
            organisation_id: id,
            created_at: blockedSince.get(id) ?? now,
          })),
        }),
        ...endingWrites,
      ];
      try {
        await database.atomic(writes);
      } catch (error) {
        if (isVersionConflict(error)) throw changedMeanwhile(await present(userId), input);
        throw error;
      }
      return present(userId);
    },

    /**
     * Changes only her privacy settings (hide municipality, blocked employers), re-saving the rest
     * as it is, with the same checks as a full save (an unknown organisation is refused).
     * @example await members.changePrivacy(actor, (p) => ({ ...p, hideMunicipality: true }))
     */
    async changePrivacy(actor: Actor, change: (privacy: Profile['privacy']) => Profile['privacy']) {
      const saved = await present(ownId(actor));
      return this.saveMine(
        actor,
        { ...asInput(saved), privacy: change(saved.privacy) },
        { expectedVersion: saved.version },
      );
    },

    async availability(actor: Actor) {
      return (await present(ownId(actor))).availability;
    },

    /**
     * Replaces her weekly windows, weekly hours and start date; needs a profile first. With
     * `expectedVersion`, refused with 409 when her profile changed meanwhile.
     */
    async saveAvailability(
      actor: Actor,
      input: AvailabilityInput,
      options: { expectedVersion?: number } = {},
    ) {
      const userId = ownId(actor);
      const existing = await findMember(db, userId);
      if (!existing) throw notFound('member profile');
      const conflict = async () => changedMeanwhile(await present(userId), { availability: input });
      if (options.expectedVersion !== undefined && options.expectedVersion !== existing.version)
        throw await conflict();
      try {
        await database.atomic([
          updateMember(db, userId, {
            max_hours_per_week: input.maxHoursPerWeek,
            earliest_start_date: input.earliestStartDate ?? null,
            updated_at: clock.now().toISOString(),
            version: existing.version + 1,
          }),
          ...replaceMemberWindows(db, userId, windowRows(userId, input), careLimitRows(userId, input)),
        ]);
      } catch (error) {
        if (isVersionConflict(error)) throw await conflict();
        throw error;
      }
      return (await present(userId)).availability;
    },

    /** Many profiles at once, in id order (for ranking members); staff-facing callers only. */
    async profiles(userIds: readonly string[]): Promise<Profile[]> {
      return (await prepared.load(await findMemberStamps(db, userIds))).map((p) => p.profile);
    },

    /** Staff read of any member's profile. */
    async get(actor: Actor, userId: string): Promise<Profile> {
      if (!admits(ACCESS.supportMembers, actor)) throw notFound('member profile');
      return present(userId);
    },
  };
}

export type MemberService = ReturnType<typeof createMemberService>;
