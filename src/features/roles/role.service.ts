/**
 * Job roles: an employer creates, edits, publishes and closes her organisation's roles;
 * coordinators and admins read any. Lifecycle: draft → published → closed (closed is final).
 * Publishing needs a verified organisation. Someone else's role is reported as not found.
 */
import type { FlexibilityFact } from '../../../matching/types.ts';
import { isVersionConflict } from '../../db/database.ts';
import type { JobRoleTable } from '../../db/schema.ts';
import type { AppDeps } from '../../deps.ts';
import { newId } from '../../deps.ts';
import { AppError, invalidField, notFound } from '../../errors.ts';
import { differingFields } from '../../lib/differences.ts';
import type { AreaService, Town } from '../areas/area.service.ts';
import { type Actor, requireVerified } from '../auth/actor.ts';
import type { MatchEndings } from '../matches/match-endings.ts';
import type { BranchService } from '../organisations/branch.service.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import { refreshRoleReadings } from '../search/role-readings.ts';
import { enqueueRole, refreshRoleSearchText } from '../search/search-outbox.repository.ts';
import { ACCESS, admits } from '../shared/access.ts';
import { splitStoredQualifications, storedQualifications } from '../shared/qualifications.ts';
import { sortWindows, toWeeklyWindow, windowFromRow } from '../shared/schedule.schemas.ts';
import {
  countRoles,
  deleteRole,
  findRole,
  findRolesByIds,
  insertRole,
  isFindable,
  listRoles,
  loadRoleChildren,
  type RoleChildren,
  type RoleRow,
  replaceRoleChildren,
  updateRole,
} from './role.repository.ts';
import type { Role, RoleInput } from './role.schemas.ts';

/** Maps a role row and its children to the API's Role. */
/** Stored qualification values as the role's two lists. */
function requiredQualificationsOf(values: readonly string[]) {
  const { keys, other } = splitStoredQualifications(values);
  return {
    requiredQualifications: keys as Role['requiredQualifications'],
    otherRequiredQualifications: other,
  };
}

/** The job details columns as the API's details (absent when not stated). */
export function detailsOf(row: JobRoleTable): Role['details'] {
  const commute = row.commute_allowance;
  return {
    ...(commute
      ? {
          commuteAllowance: {
            kind: commute,
            ...(commute === 'capped' && row.commute_allowance_cap != null
              ? { capYenPerMonth: row.commute_allowance_cap }
              : {}),
          },
        }
      : {}),
    ...(row.social_insurance ? { socialInsurance: row.social_insurance } : {}),
    ...(row.holidays ? { holidays: row.holidays } : {}),
    ...(row.access ? { access: row.access } : {}),
    ...(row.openings != null ? { openings: row.openings } : {}),
    ...(row.trial_months != null
      ? { trialPeriod: { months: row.trial_months, ...(row.trial_note ? { note: row.trial_note } : {}) } }
      : {}),
    ...(row.dress_code ? { dressCode: row.dress_code } : {}),
    ...(row.inexperienced_ok === 1 ? { inexperiencedOk: true } : {}),
    ...(row.within_dependent_ok === 1 ? { withinDependentOk: true } : {}),
  };
}

export function toRole(row: RoleRow, children: RoleChildren): Role {
  const windows = children.windows.map(windowFromRow);
  // A break of 0 is left out, as in the input: absent means none.
  const shifts = children.windows.map((w) => ({
    ...windowFromRow(w),
    ...(w.break_minutes > 0 ? { breakMinutes: w.break_minutes } : {}),
  }));
  const facts: Role['facts'] = {};
  for (const fact of children.facts) {
    facts[fact.fact as FlexibilityFact] = {
      available: fact.available === 1,
      verified: fact.verified_at !== null,
    };
  }
  return {
    id: row.id,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    status: row.status,
    title: row.title,
    description: row.description,
    category: row.category as Role['category'],
    employmentType: row.employment_type as Role['employmentType'],
    pay: {
      min: row.pay_min,
      ...(row.pay_max !== null ? { max: row.pay_max } : {}),
      unit: row.pay_unit as Role['pay']['unit'],
    },
    schedule:
      row.schedule_kind === 'fixed'
        ? { kind: 'fixed', shifts }
        : {
            kind: 'flexible',
            windows,
            minHoursPerWeek: row.min_hours_per_week ?? 0,
            minDaysPerWeek: row.min_days_per_week ?? 0,
            ...(row.preferred_hours_per_week !== null
              ? { preferredHoursPerWeek: row.preferred_hours_per_week }
              : {}),
            ...(row.min_hours_per_day !== null ? { minHoursPerDay: row.min_hours_per_day } : {}),
            ...(row.max_hours_per_week !== null ? { maxHoursPerWeek: row.max_hours_per_week } : {}),
            ...(row.split_days_allowed === 1 ? { splitDaysAllowed: true } : {}),
          },
    overtime: row.overtime as Role['overtime'],
    weekendWork: row.weekend_work === 1,
    nightWork: row.night_work === 1,
    remote: {
      mode: row.remote_mode as Role['remote']['mode'],
      ...(row.office_days_per_week !== null ? { officeDaysPerWeek: row.office_days_per_week } : {}),
    },
    locations: children.locations.map((l) => ({
      areaCode: l.area_code,
      ...(l.label ? { label: l.label } : {}),
      name: l.name,
      prefecture: l.prefecture,
      prefCode: l.pref_code,
      ...(l.address ? { address: l.address } : {}),
      ...(l.town ? { town: l.town } : {}),
      ...(l.lat != null && l.lng != null ? { point: { lat: l.lat, lng: l.lng } } : {}),
    })),
    skills: {
      required: children.skills
        .filter((s) => s.required === 1)
        .map((s) => ({ tag: s.tag, level: s.level as 1 | 2 | 3 })) as Role['skills']['required'],
      niceToHave: children.skills
        .filter((s) => s.required === 0)
        .map((s) => ({ tag: s.tag, level: s.level as 1 | 2 | 3 })) as Role['skills']['niceToHave'],
    },
    ...requiredQualificationsOf(children.qualifications.map((q) => q.qualification)),
    facts,
    ...(row.start_date ? { startDate: row.start_date } : {}),
    ...(row.closes_on ? { closesOn: row.closes_on } : {}),
    details: detailsOf(row),
    publishedAt: row.published_at,
    closedAt: row.closed_at,
    ...(row.expires_at ? { expiresAt: row.expires_at } : {}),
    ...(row.expired_at ? { expiredAt: row.expired_at } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The columns a role's input sets (everything but identity, status and timestamps). */
export function roleColumns(input: RoleInput) {
  const flexible = input.schedule.kind === 'flexible' ? input.schedule : undefined;
  return {
    title: input.title,
    description: input.description,
    category: input.category,
    employment_type: input.employmentType,
    pay_min: input.pay.min,
    pay_max: input.pay.max ?? null,
    pay_unit: input.pay.unit,
    schedule_kind: input.schedule.kind,
    min_hours_per_week: flexible?.minHoursPerWeek ?? null,
    min_days_per_week: flexible?.minDaysPerWeek ?? null,
    preferred_hours_per_week: flexible?.preferredHoursPerWeek ?? null,
    min_hours_per_day: flexible?.minHoursPerDay ?? null,
    max_hours_per_week: flexible?.maxHoursPerWeek ?? null,
    split_days_allowed: flexible?.splitDaysAllowed ? 1 : 0,
    overtime: input.overtime,
    weekend_work: input.weekendWork ? 1 : 0,
    night_work: input.nightWork ? 1 : 0,
    remote_mode: input.remote.mode,
    office_days_per_week: input.remote.officeDaysPerWeek ?? null,
    start_date: input.startDate ?? null,
    closes_on: input.closesOn ?? null,
    ...detailColumns(input.details),
  };
}

/** The job details as columns: each one not stated is null (false for the two yes/no facts). */
function detailColumns(details: RoleInput['details']) {
  return {
    commute_allowance: details.commuteAllowance?.kind ?? null,
    commute_allowance_cap: details.commuteAllowance?.capYenPerMonth ?? null,
    social_insurance: details.socialInsurance ?? null,
    holidays: details.holidays ?? null,
    access: details.access ?? null,
    openings: details.openings ?? null,
    trial_months: details.trialPeriod?.months ?? null,
    trial_note: details.trialPeriod?.note ?? null,
    dress_code: details.dressCode ?? null,
    inexperienced_ok: details.inexperiencedOk ? 1 : 0,
    within_dependent_ok: details.withinDependentOk ? 1 : 0,
  };
}

/**
 * The child rows of a role's input. A fact keeps its verification when its value is unchanged,
 * because a coordinator verified that value, not the edit around it.
 */
export function roleChildRows(
  roleId: string,
  input: RoleInput,
  previousFacts: RoleChildren['facts'] = [],
  towns: ReadonlyMap<number, Town> = new Map(),
) {
  const windows =
    input.schedule.kind === 'fixed'
      ? input.schedule.shifts.map((s) => ({ ...toWeeklyWindow(s), breakMinutes: s.breakMinutes ?? 0 }))
      : input.schedule.windows.map((w) => ({ ...toWeeklyWindow(w), breakMinutes: 0 }));
  const previous = new Map(previousFacts.map((f) => [f.fact, f]));
  return {
    windows: sortWindows(windows).map((w) => ({
      role_id: roleId,
      day: w.day,
      start_minute: w.start,
      end_minute: w.end,
      break_minutes: w.breakMinutes,
    })),
    locations: input.locations.map((l, i) => {
      const town = towns.get(i);
      return {
        role_id: roleId,
        area_code: l.areaCode,
        label: l.label ?? null,
        address: l.address ?? null,
        town: town?.name ?? null,
        lat: town?.point.lat ?? null,
        lng: town?.point.lng ?? null,
      };
    }),
    skills: [
      ...input.skills.required.map((s) => ({ role_id: roleId, tag: s.tag, level: s.level, required: 1 })),
      ...input.skills.niceToHave.map((s) => ({ role_id: roleId, tag: s.tag, level: s.level, required: 0 })),
    ],
    qualifications: storedQualifications(
      input.requiredQualifications,
      input.otherRequiredQualifications ?? [],
    ).map((q) => ({ role_id: roleId, qualification: q })),
    facts: Object.entries(input.facts).map(([fact, available]) => {
      const before = previous.get(fact);
      const kept = before && (before.available === 1) === available;
      return {
        role_id: roleId,
        fact,
        available: available ? 1 : 0,
        verified_at: kept ? before.verified_at : null,
        verified_by: kept ? before.verified_by : null,
      };
    }),
  };
}

/** The saved role in the input's shape, to compare with an edit. */
function asInput(role: Role): Record<string, unknown> {
  return {
    ...role,
    locations: role.locations.map((l) => ({
      areaCode: l.areaCode,
      ...(l.label ? { label: l.label } : {}),
      ...(l.town ? { town: l.town } : {}),
      ...(l.address ? { address: l.address } : {}),
    })),
    facts: Object.fromEntries(Object.entries(role.facts).map(([fact, f]) => [fact, f?.available])),
  };
}

/**
 * The 409 for an edit made from an older version: which fields of the saved role differ from
 * hers (what saving would overwrite), so she can reload and apply her change again.
 */
function changedMeanwhile(saved: Role, input: RoleInput): AppError {
  const fields = differingFields(asInput(saved), input as Record<string, unknown>);
  return new AppError(
    'conflict',
    `This role was changed meanwhile (now version ${saved.version}, ${saved.status}, saved ${saved.updatedAt}); ` +
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

export function createRoleService(
  { database, clock, config, readings }: AppDeps,
  areas: AreaService,
  organisations: OrganisationService,
  endings: MatchEndings,
  branches: BranchService,
) {
  const { db } = database;

  /**
   * The input with the branches she picked added to its locations (a branch whose area is already
   * a location is left to that location), so everything after sees locations only.
   */
  async function withBranches(actor: Actor, input: RoleInput): Promise<RoleInput> {
    const { branchIds, ...rest } = input;
    if (!branchIds?.length) return rest;
    const locations = [...rest.locations];
    for (const location of await branches.locationsOf(actor, branchIds, 'body.branchIds')) {
      if (!locations.some((l) => l.areaCode === location.areaCode)) locations.push(location);
    }
    if (locations.length > 50)
      throw invalidField('body.branchIds', 'a role has at most 50 locations, branches included', 'too_big');
    return { ...rest, locations };
  }

  /**
   * Reads a role just written into kana and romaji (role-readings.ts), so the database's search
   * finds it by them at once; the relay would read it too, but only once the engine answers.
   */
  /** Presents a role just written, after reading its texts (readings are stored, not shown). */
  async function presentRead(id: string): Promise<Role> {
    const role = await present(id);
    if (readings) await refreshRoleReadings(database, readings, [role]);
    return role;
  }

  /** Loads a role the actor may see: her organisation's for an employer, any for staff. */
  async function loadVisible(actor: Actor, id: string): Promise<RoleRow> {
    const row = await findRole(db, id);
    if (!row) throw notFound('role');
    if (actor.role === 'employer' && row.organisation_id !== actor.organisationId) throw notFound('role');
    if (!admits(ACCESS.readRoles, actor)) throw notFound('role');
    return row;
  }

  /** Loads a role the actor may change: only employers, only their organisation's. */
  async function loadOwned(actor: Actor, id: string): Promise<RoleRow> {
    if (!admits(ACCESS.manageRoles, actor)) throw notFound('role');
    return loadVisible(actor, id);
  }

  async function present(id: string): Promise<Role> {
    const row = await findRole(db, id);
    if (!row) throw notFound('role');
    const children = await loadRoleChildren(db, [id]);
    return toRole(
      row,
      children.get(id) ?? { windows: [], locations: [], skills: [], qualifications: [], facts: [] },
    );
  }

  /**
   * The findable roles among these ids (`isFindable`), in no set order.
   * Public data: what anyone browsing may see.
   */
  async function findPublished(ids: readonly string[]): Promise<Role[]> {
    const rows = (await findRolesByIds(db, ids)).filter(isFindable);
    const children = await loadRoleChildren(
      db,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toRole(row, children.get(row.id) as RoleChildren));
  }

  /**
   * Checks the locations' areas and finds each location's town: the one named (which must exist),
   * else the one its address lies in (if any). Returns the towns by location index.
   */
  async function checkLocations(input: RoleInput): Promise<Map<number, Town>> {
    await areas.requirePlaces(
      input.locations.map((l, i) => ({ code: l.areaCode, path: `body.locations.${i}.areaCode` })),
      { allowPrefecture: false },
    );
    const refs = input.locations.flatMap((l, i) => {
      if (l.town) return [{ areaCode: l.areaCode, text: l.town, path: `${i}`, required: true }];
      if (l.address) return [{ areaCode: l.areaCode, text: l.address, path: `${i}`, required: false }];
      return [];
    });
    const found = await areas.resolveTowns(
      refs.map((r) => ({ ...r, path: `body.locations.${r.path}.town` })),
    );
    return new Map(
      refs.flatMap((r) => {
        const town = found.get(`body.locations.${r.path}.town`);
        return town ? [[Number(r.path), town] as const] : [];
      }),
    );
  }

  async function transition(actor: Actor, id: string, to: 'published' | 'closed'): Promise<Role> {
    if (to === 'published') requireVerified(actor);
    const role = await loadOwned(actor, id);
    const allowed = to === 'published' ? role.status === 'draft' : role.status !== 'closed';
    if (!allowed) throw new AppError('invalid_state', `A ${role.status} role cannot be ${to}`);
    if (to === 'published' && role.verification_state === 'rejected') {
      throw new AppError(
        'organisation_rejected',
        'A coordinator could not verify your organisation: correct its details or contact a coordinator',
      );
    }
    if (to === 'published' && role.verification_state !== 'verified') {
      throw new AppError(
        'organisation_not_verified',
        'Roles can be published once a coordinator has verified your organisation',
      );
    }
    const now = clock.now().toISOString();
    // Closing ends the matches nobody has been introduced through yet, in the same atomic unit.
    const endingWrites =
      to === 'closed' ? await endings.writes({ roleId: id }, 'role_closed', actor, now) : [];
    try {
      await database.atomic([
        ...endingWrites,
        updateRole(db, id, {
          status: to,
          ...(to === 'published' ? { published_at: now, ...freshExpiry(clock.now()) } : { closed_at: now }),
          updated_at: now,
          version: role.version + 1,
        }),
        enqueueRole(db, id, now),
      ]);
    } catch (error) {
      if (isVersionConflict(error))
        throw new AppError('conflict', 'This role changed meanwhile: reload it and try again');
      throw error;
    }
    return present(id);
  }

  /** A new run of the ad from this moment: its expiry date, not expired, not yet announced. */
  function freshExpiry(from: Date) {
    const days = config.roleExpiry.days;
    return {
      expires_at: new Date(from.getTime() + days * 86_400_000).toISOString(),
      expired_at: null,
      expiry_notice_for: null,
    };
  }

  return {
    async list(
      actor: Actor,
      filter: { status?: JobRoleTable['status']; organisationId?: string; limit: number; offset: number },
    ) {
      const organisationId =
        actor.role === 'employer' ? organisations.ownOrganisationId(actor) : filter.organisationId;
      const query = {
        ...(organisationId ? { organisationId } : {}),
        ...(filter.status ? { statuses: [filter.status] } : {}),
        limit: filter.limit,
        offset: filter.offset,
      };
      const [rows, total] = await Promise.all([listRoles(db, query), countRoles(db, query)]);
      const children = await loadRoleChildren(
        db,
        rows.map((r) => r.id),
      );
      const items = rows.map((row) => toRole(row, children.get(row.id) as RoleChildren));
      return { items, total, limit: filter.limit, offset: filter.offset };
    },

    findPublished,

    /** One findable role, for anyone browsing. */
    async getPublished(id: string): Promise<Role> {
      const [role] = await findPublished([id]);
      if (!role) throw notFound('role');
      return role;
    },

    async get(actor: Actor, id: string): Promise<Role> {
      await loadVisible(actor, id);
      return present(id);
    },

    async create(actor: Actor, asked: RoleInput): Promise<Role> {
      const organisationId = organisations.ownOrganisationId(actor);
      const input = await withBranches(actor, asked);
      const towns = await checkLocations(input);
      const now = clock.now().toISOString();
      const id = newId();
      await database.atomic([
        insertRole(db, {
          id,
          organisation_id: organisationId,
          ...roleColumns(input),
          status: 'draft',
          published_at: null,
          closed_at: null,
          created_at: now,
          updated_at: now,
          version: 1,
        }),
        ...replaceRoleChildren(db, id, roleChildRows(id, input, [], towns)),
        ...refreshRoleSearchText({ roleId: id }),
        enqueueRole(db, id, now),
      ]);
      return presentRead(id);
    },

    /**
     * Replaces a role. With `expectedVersion` (the version her edit was made from) a role changed
     * meanwhile is refused with 409 naming the fields that differ; without it, a write that
     * raced another one is refused the same way rather than undoing it.
     * @example await roles.update(actor, id, input, { expectedVersion: role.version })
     */
    async update(
      actor: Actor,
      id: string,
      asked: RoleInput,
      options: { expectedVersion?: number } = {},
    ): Promise<Role> {
      const role = await loadOwned(actor, id);
      const input = await withBranches(actor, asked);
      if (role.status === 'closed') throw new AppError('invalid_state', 'A closed role cannot be edited');
      if (options.expectedVersion !== undefined && options.expectedVersion !== role.version)
        throw changedMeanwhile(await present(id), input);
      const towns = await checkLocations(input);
      const previous = (await loadRoleChildren(db, [id])).get(id);
      const now = clock.now().toISOString();
      try {
        await database.atomic([
          updateRole(db, id, { ...roleColumns(input), updated_at: now, version: role.version + 1 }),
          ...replaceRoleChildren(db, id, roleChildRows(id, input, previous?.facts, towns)),
          ...refreshRoleSearchText({ roleId: id }),
          enqueueRole(db, id, now),
        ]);
      } catch (error) {
        if (isVersionConflict(error)) throw changedMeanwhile(await present(id), input);
        throw error;
      }
      return presentRead(id);
    },

    async remove(actor: Actor, id: string): Promise<void> {
      const role = await loadOwned(actor, id);
      if (role.status !== 'draft')
        throw new AppError('invalid_state', 'Only drafts can be deleted; close a published role instead');
      await database.atomic([
        deleteRole(db, id),
        ...refreshRoleSearchText({ roleId: id }),
        enqueueRole(db, id, clock.now().toISOString()),
      ]);
    },

    publish: (actor: Actor, id: string) => transition(actor, id, 'published'),

    /**
     * Renews a published ad (one tap): it runs the whole period again from now, comes back to
     * search if it had expired, and the new date will be announced a week ahead like the first.
     * @example await roles.renew(actor, id) // role.expiresAt is now + AD_LIFETIME_DAYS
     */
    async renew(actor: Actor, id: string): Promise<Role> {
      const role = await loadOwned(actor, id);
      if (role.status !== 'published')
        throw new AppError('invalid_state', `A ${role.status} role cannot be renewed; publish it instead`);
      const now = clock.now();
      try {
        await database.atomic([
          updateRole(db, id, {
            ...freshExpiry(now),
            updated_at: now.toISOString(),
            version: role.version + 1,
          }),
          enqueueRole(db, id, now.toISOString()),
        ]);
      } catch (error) {
        if (isVersionConflict(error))
          throw new AppError('conflict', 'This role changed meanwhile: reload it and try again');
        throw error;
      }
      return present(id);
    },
    close: (actor: Actor, id: string) => transition(actor, id, 'closed'),
  };
}

export type RoleService = ReturnType<typeof createRoleService>;
