/**
 * Maps the API's shapes of roles and member profiles to the matching module's inputs. The API
 * schemas are the one description of a role and a profile; this is the only place that turns
 * them into `MatchRole` / `MatchMember` (for the API, the suggestion job and `npm run match`).
 */
import type {
  FlexibilityFact,
  MatchMember,
  MatchRole,
  Place,
  RoleFact,
  SupportStage,
} from '../../../matching/types.ts';
import type { Area } from '../areas/area.service.ts';
import type { MemberProfile, MemberProfileInput } from '../members/member.schemas.ts';
import type { Role } from '../roles/role.schemas.ts';
import { minutesOf, toCareLimit, toWeeklyWindow } from '../shared/schedule.schemas.ts';

/** What the mapper needs of a role: the stored Role, or a RoleInput with its ids. */
export type RoleForMatching = Pick<
  Role,
  | 'id'
  | 'title'
  | 'category'
  | 'employmentType'
  | 'pay'
  | 'schedule'
  | 'overtime'
  | 'weekendWork'
  | 'nightWork'
  | 'remote'
  | 'skills'
  | 'requiredQualifications'
  | 'otherRequiredQualifications'
  | 'startDate'
  | 'closesOn'
> & {
  organisationId: string;
  locations: {
    areaCode: string;
    town?: string | undefined;
    point?: { lat: number; lng: number } | undefined;
  }[];
  facts: Partial<Record<FlexibilityFact, RoleFact>>;
  openIntroductions?: number;
};

/** What the mapper needs of a member: her profile input with her id and stage. */
export type MemberForMatching = Omit<MemberProfileInput, 'familyName' | 'givenName' | 'phone'> & {
  id: string;
  supportStage: number | null;
  /** Her home town's point (stored with the town); without it the area's point is used. */
  homePoint?: { lat: number; lng: number } | undefined;
};

/** An area as a matching Place; areas without a point were refused at input time. */
export function toPlace(area: Area): Place {
  return {
    code: area.code,
    prefCode: area.prefCode,
    kind: area.kind,
    name: area.name,
    point: area.point ?? { lat: 0, lng: 0 },
    ...(area.parentCode ? { parentCode: area.parentCode } : {}),
  };
}

function placeOf(places: ReadonlyMap<string, Area>, code: string): Place {
  const area = places.get(code);
  if (!area) throw new Error(`area ${code} was not loaded for matching`);
  return toPlace(area);
}

/** The place at a town's point when the town and its point are known; else the area's. */
function withTown(
  place: Place,
  town: string | undefined,
  point: { lat: number; lng: number } | undefined,
): Place {
  return town && point ? { ...place, town, point } : place;
}

/** The area codes a role or member refers to, to load them in one query. */
export function areaCodesOf(
  roles: readonly RoleForMatching[],
  members: readonly MemberForMatching[],
): string[] {
  return [
    ...new Set([
      ...roles.flatMap((r) => r.locations.map((l) => l.areaCode)),
      ...members.flatMap((m) => [m.areaCode, ...m.targetAreas.map((t) => t.areaCode)]),
    ]),
  ];
}

/** @example toMatchRole(role, places).schedule.kind // 'fixed' */
export function toMatchRole(role: RoleForMatching, places: ReadonlyMap<string, Area>): MatchRole {
  const schedule: MatchRole['schedule'] =
    role.schedule.kind === 'fixed'
      ? {
          kind: 'fixed',
          shifts: role.schedule.shifts.map((s) => ({
            ...toWeeklyWindow(s),
            breakMinutes: s.breakMinutes ?? 0,
          })),
        }
      : {
          kind: 'flexible',
          allowedWindows: role.schedule.windows.map(toWeeklyWindow),
          minHoursPerWeek: role.schedule.minHoursPerWeek,
          minDaysPerWeek: role.schedule.minDaysPerWeek,
          ...(role.schedule.preferredHoursPerWeek !== undefined
            ? { preferredHoursPerWeek: role.schedule.preferredHoursPerWeek }
            : {}),
          ...(role.schedule.minHoursPerDay !== undefined
            ? { minHoursPerDay: role.schedule.minHoursPerDay }
            : {}),
          ...(role.schedule.maxHoursPerWeek !== undefined
            ? { maxHoursPerWeek: role.schedule.maxHoursPerWeek }
            : {}),
          ...(role.schedule.splitDaysAllowed ? { splitDaysAllowed: true } : {}),
        };
  return {
    id: role.id,
    organisationId: role.organisationId,
    title: role.title,
    category: role.category,
    employmentType: role.employmentType,
    pay: {
      min: role.pay.min,
      ...(role.pay.max !== undefined ? { max: role.pay.max } : {}),
      unit: role.pay.unit,
    },
    schedule,
    overtime: role.overtime,
    weekendWork: role.weekendWork,
    nightWork: role.nightWork,
    remote: {
      mode: role.remote.mode,
      ...(role.remote.officeDaysPerWeek !== undefined
        ? { officeDaysPerWeek: role.remote.officeDaysPerWeek }
        : {}),
    },
    locations: role.locations.map((l) => withTown(placeOf(places, l.areaCode), l.town, l.point)),
    requiredSkills: role.skills.required,
    niceToHaveSkills: role.skills.niceToHave,
    // Keys and the text no vocabulary entry knows, in one list: matching tells them apart, and reads
    // unknown text as 要確認 (never as "none required").
    requiredQualifications: [...role.requiredQualifications, ...(role.otherRequiredQualifications ?? [])],
    facts: role.facts,
    ...(role.startDate ? { startDate: role.startDate } : {}),
    ...(role.closesOn ? { closesOn: role.closesOn } : {}),
    openIntroductions: role.openIntroductions ?? 0,
  };
}

/** @example toMatchMember(member, places).home.name // '横浜市港北区' */
export function toMatchMember(member: MemberForMatching, places: ReadonlyMap<string, Area>): MatchMember {
  return {
    id: member.id,
    home: withTown(placeOf(places, member.areaCode), member.homeTown, member.homePoint),
    targetAreas: member.targetAreas.map((t) => ({
      place: placeOf(places, t.areaCode),
      needsRelocationSupport: t.needsRelocationSupport,
      ...(t.moveFrom ? { moveFrom: t.moveFrom } : {}),
      ...(t.maxCommuteMinutes !== undefined ? { maxCommuteMinutes: t.maxCommuteMinutes } : {}),
    })),
    availability: member.availability.windows.map((w) => ({
      ...toWeeklyWindow(w),
      ...(w.remoteOnly ? { remoteOnly: true } : {}),
    })),
    careLimits: (member.availability.careLimits ?? []).map(toCareLimit),
    maxHoursPerWeek: member.availability.maxHoursPerWeek,
    ...(member.availability.earliestStartDate
      ? { earliestStartDate: member.availability.earliestStartDate }
      : {}),
    maxCommuteMinutes: member.commute.maxMinutes,
    commuteMode: member.commute.mode,
    children: member.children.map((c) => ({
      birthYear: c.birthYear,
      birthMonth: c.birthMonth,
      ...(c.care ? { care: c.care } : {}),
      ...(c.pickupTime !== undefined ? { pickupMinute: minutesOf(c.pickupTime) } : {}),
    })),
    skills: member.skills,
    qualifications: [...member.qualifications, ...(member.otherQualifications ?? [])],
    ...(member.pay.floor ? { payFloor: member.pay.floor } : {}),
    ...(member.pay.wish ? { payWish: member.pay.wish } : {}),
    employmentTypes: member.employmentTypes,
    remoteWish: member.remoteWish,
    supportStage: (member.supportStage ?? null) as SupportStage | null,
    blockedOrganisationIds: member.privacy.blockedOrganisationIds,
    ...(member.direction
      ? {
          direction: {
            categories: member.direction.desiredCategories ?? [],
            ...(member.direction.selfPr ? { words: member.direction.selfPr } : {}),
            ...(member.direction.pace ? { pace: member.direction.pace } : {}),
          },
        }
      : {}),
  };
}

/** A stored Role in the mapper's shape. */
export function roleForMatching(role: Role, openIntroductions = 0): RoleForMatching {
  return { ...role, organisationId: role.organisation.id, openIntroductions };
}

/** The member's profile in the matching mapper's shape. */
export function memberForMatching(profile: MemberProfile): MemberForMatching {
  return {
    ...profile,
    id: profile.userId,
    areaCode: profile.area.code,
    targetAreas: profile.targetAreas.map((t) => ({
      areaCode: t.code,
      needsRelocationSupport: t.needsRelocationSupport,
    })),
  };
}
