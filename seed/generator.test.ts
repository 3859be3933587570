/**
 * The generator is deterministic, and what it generates is something the API itself would accept:
 * every role and member profile is mapped back to the API's input shape and parsed with the
 * same zod schemas the routes use, so a window overlap or an impossible minimum fails here.
 */
import { describe, expect, it } from 'vitest';
import type { JobRoleTable, MemberTable } from '../src/db/schema.ts';
import { MemberProfileInputSchema } from '../src/features/members/member.schemas.ts';
import { RoleInputSchema } from '../src/features/roles/role.schemas.ts';
import { detailsOf } from '../src/features/roles/role.service.ts';
import { windowFromRow } from '../src/features/shared/schedule.schemas.ts';
import { loadAreas } from './areas.ts';
import { generateDataset, materialise } from './generator.ts';

const NOW = new Date('2026-04-01T03:00:00.000Z');
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const build = (seed: number, roles = 300, members = 100, now = NOW) =>
  materialise(generateDataset({ seed, roles, members, now }));

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** A stored role back in the API's input shape. */
function roleInput(role: JobRoleTable, groups: Record<string, Map<string, never[]>>) {
  const of = <T>(name: string) => (groups[name]?.get(role.id) ?? []) as T[];
  const windows = of<{ day: number; start_minute: number; end_minute: number }>('windows').map(windowFromRow);
  const skills = of<{ tag: string; level: number; required: number }>('skills');
  return {
    title: role.title,
    description: role.description,
    category: role.category,
    employmentType: role.employment_type,
    pay: { min: role.pay_min, ...(role.pay_max !== null ? { max: role.pay_max } : {}), unit: role.pay_unit },
    schedule:
      role.schedule_kind === 'fixed'
        ? { kind: 'fixed', shifts: windows }
        : {
            kind: 'flexible',
            windows,
            minHoursPerWeek: role.min_hours_per_week,
            minDaysPerWeek: role.min_days_per_week,
            ...(role.preferred_hours_per_week !== null
              ? { preferredHoursPerWeek: role.preferred_hours_per_week }
              : {}),
          },
    overtime: role.overtime,
    weekendWork: role.weekend_work === 1,
    nightWork: role.night_work === 1,
    remote: {
      mode: role.remote_mode,
      ...(role.office_days_per_week !== null ? { officeDaysPerWeek: role.office_days_per_week } : {}),
    },
    locations: of<{ area_code: string; label: string | null }>('locations').map((l) => ({
      areaCode: l.area_code,
      ...(l.label ? { label: l.label } : {}),
    })),
    skills: {
      required: skills.filter((s) => s.required === 1).map((s) => ({ tag: s.tag, level: s.level })),
      niceToHave: skills.filter((s) => s.required === 0).map((s) => ({ tag: s.tag, level: s.level })),
    },
    requiredQualifications: of<{ qualification: string }>('qualifications').map((q) => q.qualification),
    facts: Object.fromEntries(
      of<{ fact: string; available: number }>('facts').map((f) => [f.fact, f.available === 1]),
    ),
    ...(role.start_date ? { startDate: role.start_date } : {}),
    details: detailsOf(role),
  };
}

/** A stored member back in the API's profile input shape. */
function memberInput(member: MemberTable, groups: Record<string, Map<string, never[]>>) {
  const of = <T>(name: string) => (groups[name]?.get(member.user_id) ?? []) as T[];
  const pay = (amount: number | null, unit: string | null) =>
    amount !== null && unit !== null ? { amount, unit } : undefined;
  return {
    familyName: member.family_name,
    givenName: member.given_name,
    ...(member.phone ? { phone: member.phone } : {}),
    areaCode: member.area_code,
    targetAreas: of<{ area_code: string; needs_relocation_support: number }>('targetAreas').map((t) => ({
      areaCode: t.area_code,
      needsRelocationSupport: t.needs_relocation_support === 1,
    })),
    availability: {
      windows: of<{ day: number; start_minute: number; end_minute: number }>('windows').map(windowFromRow),
      maxHoursPerWeek: member.max_hours_per_week,
      ...(member.earliest_start_date ? { earliestStartDate: member.earliest_start_date } : {}),
    },
    commute: { maxMinutes: member.max_commute_minutes, mode: member.commute_mode },
    children: of<{ birth_year: number; birth_month: number }>('children').map((c) => ({
      birthYear: c.birth_year,
      birthMonth: c.birth_month,
    })),
    skills: of<{ tag: string; level: number }>('skills').map((s) => ({ tag: s.tag, level: s.level })),
    qualifications: of<{ qualification: string }>('qualifications').map((q) => q.qualification),
    pay: {
      ...(pay(member.pay_floor_amount, member.pay_floor_unit)
        ? { floor: pay(member.pay_floor_amount, member.pay_floor_unit) }
        : {}),
      ...(pay(member.pay_wish_amount, member.pay_wish_unit)
        ? { wish: pay(member.pay_wish_amount, member.pay_wish_unit) }
        : {}),
    },
    employmentTypes: of<{ employment_type: string }>('employmentTypes').map((t) => t.employment_type),
    remoteWish: member.remote_wish,
    privacy: {
      hideMunicipality: member.hide_municipality === 1,
      blockedOrganisationIds: of<{ organisation_id: string }>('blocks').map((b) => b.organisation_id),
    },
  };
}

describe('generateDataset', () => {
  const data = build(42);

  it('is deterministic: the same seed and now give byte-identical rows', () => {
    expect(JSON.stringify(build(42))).toBe(JSON.stringify(data));
  });

  it('differs for a different seed or a different now', () => {
    expect(JSON.stringify(build(43))).not.toBe(JSON.stringify(data));
    expect(build(43).roles.roles[10]?.id).not.toBe(data.roles.roles[10]?.id);
    expect(JSON.stringify(build(42, 300, 100, new Date('2026-05-01T03:00:00.000Z')))).not.toBe(
      JSON.stringify(data),
    );
  });

  it('replays the same batches whatever the batch size and however often they are read', () => {
    const dataset = generateDataset({ seed: 7, roles: 120, members: 40, now: NOW });
    const small = [...dataset.roleBatches(7)].flatMap((b) => b.roles);
    const large = [...dataset.roleBatches(1000)].flatMap((b) => b.roles);
    expect(small).toHaveLength(124);
    expect(large).toEqual(small);
    expect([...dataset.memberBatches(3)].flatMap((b) => b.members)).toEqual(
      [...dataset.memberBatches()].flatMap((b) => b.members),
    );
  });

  it('keeps the members unchanged when only the number of roles changes', () => {
    const members = (roles: number) =>
      materialise(generateDataset({ seed: 5, roles, members: 60, organisations: 30, now: NOW })).members;
    expect(members(40)).toEqual(members(400));
  });

  it('makes unique, UUID-v4-shaped ids', () => {
    const ids = [
      ...data.organisations.map((o) => o.id),
      ...data.users.map((u) => u.id),
      ...data.roles.roles.map((r) => r.id),
    ];
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('generates roles the API would accept', () => {
    const groups = Object.fromEntries(
      (['windows', 'locations', 'skills', 'qualifications', 'facts'] as const).map((name) => [
        name,
        groupBy(data.roles[name] as { role_id: string }[], (r) => r.role_id),
      ]),
    ) as Record<string, Map<string, never[]>>;
    for (const role of data.roles.roles) {
      const parsed = RoleInputSchema.safeParse(roleInput(role, groups));
      expect(parsed.success ? 'ok' : `${role.title}: ${JSON.stringify(parsed.error.issues)}`).toBe('ok');
    }
  });

  it('generates member profiles the API would accept', () => {
    const groups = Object.fromEntries(
      (
        [
          'windows',
          'children',
          'skills',
          'qualifications',
          'employmentTypes',
          'targetAreas',
          'blocks',
        ] as const
      ).map((name) => [name, groupBy(data.members[name] as { member_id: string }[], (r) => r.member_id)]),
    ) as Record<string, Map<string, never[]>>;
    for (const member of data.members.members) {
      const parsed = MemberProfileInputSchema.safeParse(memberInput(member, groups));
      expect(parsed.success ? 'ok' : `${member.user_id}: ${JSON.stringify(parsed.error.issues)}`).toBe('ok');
    }
  });

  it('keeps the role lifecycle consistent and never dates anything after now', () => {
    const now = NOW.toISOString();
    for (const role of data.roles.roles) {
      expect(role.created_at <= now && role.updated_at <= now).toBe(true);
      if (role.status === 'draft') expect([role.published_at, role.closed_at]).toEqual([null, null]);
      const published = role.published_at ?? '';
      if (role.status !== 'draft') expect(published >= role.created_at && published <= now).toBe(true);
      if (role.status === 'published') expect(role.closed_at).toBeNull();
      if (role.status === 'closed')
        expect((role.closed_at ?? '') >= published && published !== '').toBe(true);
    }
    const statuses = new Set(data.roles.roles.map((r) => r.status));
    expect([...statuses].sort()).toEqual(['closed', 'draft', 'published']);
  });

  it('states job details as ads for the work do, and 未経験OK / 扶養内OK as their titles say', () => {
    const roles = data.roles.roles;
    const share = (list: JobRoleTable[], test: (r: JobRoleTable) => boolean) =>
      list.filter(test).length / Math.max(1, list.length);
    const fullTime = roles.filter((r) => r.employment_type === 'full_time');
    expect(share(fullTime, (r) => r.social_insurance === 'yes')).toBeGreaterThan(0.8);
    expect(share(roles, (r) => r.commute_allowance === 'capped')).toBeGreaterThan(0.3);
    expect(share(roles, (r) => r.access !== null)).toBeGreaterThan(0.5);
    for (const role of roles) {
      if (role.title.includes('扶養内OK')) expect(role.within_dependent_ok, role.title).toBe(1);
      if (role.title.includes('未経験歓迎')) expect(role.inexperienced_ok, role.title).toBe(1);
      if (role.commute_allowance === 'capped') expect(role.commute_allowance_cap).toBeGreaterThan(0);
    }
  });

  it('verifies facts only on roles that were published, by the demo coordinator', () => {
    const roles = new Map(data.roles.roles.map((r) => [r.id, r]));
    const coordinator = data.users.find((u) => u.role === 'coordinator');
    const verified = data.roles.facts.filter((f) => f.verified_at !== null);
    expect(verified.length).toBeGreaterThan(0);
    expect(data.roles.facts.some((f) => f.verified_at === null)).toBe(true);
    for (const fact of verified) {
      expect(roles.get(fact.role_id)?.status).not.toBe('draft');
      expect(fact.verified_by).toBe(coordinator?.id);
    }
  });

  it('gives every prefecture published roles and every category some roles', () => {
    const areas = loadAreas();
    const published = new Set(data.roles.roles.filter((r) => r.status === 'published').map((r) => r.id));
    const prefectures = new Set(
      data.roles.locations
        .filter((l) => published.has(l.role_id))
        .map((l) => areas.byCode.get(l.area_code)?.prefCode),
    );
    expect(prefectures.size).toBe(47);
    expect(new Set(data.roles.roles.map((r) => r.category)).size).toBe(10);
  });

  it('pays within the ranges of the trades', () => {
    for (const role of data.roles.roles) {
      const [low, high] = role.pay_unit === 'hour' ? [1050, 1800] : [180_000, 320_000];
      expect(role.pay_min >= low && role.pay_min <= high ? 'ok' : `${role.pay_min}/${role.pay_unit}`).toBe(
        'ok',
      );
      expect(role.pay_max === null || role.pay_max >= role.pay_min).toBe(true);
    }
  });

  it('gives mothers of nursery-age children weekday hours inside nursery hours (pickup by 18:00), and children aged 0–17', () => {
    const thisMonth = NOW.getUTCFullYear() * 12 + NOW.getUTCMonth() + 1;
    const children = groupBy(data.members.children, (c) => c.member_id);
    const windows = groupBy(data.members.windows, (w) => w.member_id);
    let nurseryMothers = 0;
    for (const member of data.members.members) {
      const ages = (children.get(member.user_id) ?? []).map(
        (c) => thisMonth - (c.birth_year * 12 + c.birth_month),
      );
      expect(ages.length).toBeGreaterThan(0);
      for (const months of ages) expect(months >= 0 && months < 18 * 12).toBe(true);
      if (Math.min(...ages) < 6 * 12) {
        nurseryMothers++;
        for (const w of (windows.get(member.user_id) ?? []).filter((w) => w.day <= 5)) {
          expect(w.start_minute >= 8 * 60 && w.end_minute <= 18 * 60).toBe(true);
        }
      }
    }
    expect(nurseryMothers).toBeGreaterThan(10);
  });

  it('puts members where people live: Tokyo and Kanagawa well represented, villages rare', () => {
    const { members } = build(1, 0, 3000);
    const areas = loadAreas();
    const share = (test: (code: string) => boolean) =>
      members.members.filter((m) => test(m.area_code)).length / members.members.length;
    const kanagawa = share((code) => areas.byCode.get(code)?.prefCode === '14');
    expect(kanagawa).toBeGreaterThan(0.05);
    expect(kanagawa).toBeLessThan(0.11);
    expect(share((code) => areas.byCode.get(code)?.name.startsWith('横浜市') ?? false)).toBeGreaterThan(0.02);
    expect(share((code) => areas.byCode.get(code)?.prefCode === '13')).toBeGreaterThan(0.08);
    expect(share((code) => areas.byCode.get(code)?.name.endsWith('村') ?? false)).toBeLessThan(0.02);
  });

  it('rejects impossible sizes', () => {
    expect(() => generateDataset({ seed: 1, roles: -1, members: 0, now: NOW })).toThrow(RangeError);
    expect(() => generateDataset({ seed: 1, roles: 5, members: 0, organisations: 0, now: NOW })).toThrow(
      RangeError,
    );
    expect(() => generateDataset({ seed: 1, roles: 5, members: 0, now: new Date('nope') })).toThrow(
      RangeError,
    );
  });
});
