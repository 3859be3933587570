/**
 * Properties over generated members and roles (fast-check picks the seeds and the changes):
 * nothing infeasible is ever ranked, widening her week never removes a role, a qualification she
 * gains never lowers a score, rankings are deterministic, and every result explains itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prng, syntheticMember, syntheticRole } from './bench/synthetic.ts';
import { rankRolesForMember, scorePair } from './rank.ts';
import { renderReason } from './reasons.ts';
import { EVALUATION_DATE } from './testing/fixtures.ts';
import type { MatchMember, MatchRole, WeeklyWindow } from './types.ts';
import { QUALIFICATION_COVERS } from './vocabulary.ts';

const options = { evaluationDate: EVALUATION_DATE };
const RUNS = { numRuns: 150 };

/** Members who are often feasible: assessed, not too picky about reach. */
function world(seed: number, roleCount: number): { member: MatchMember; roles: MatchRole[] } {
  const r = prng(seed);
  const m = syntheticMember(r, seed % 1000);
  const member: MatchMember = {
    ...m,
    supportStage: m.supportStage === null || m.supportStage === 1 ? 3 : m.supportStage,
    maxCommuteMinutes: 60,
  };
  return { member, roles: Array.from({ length: roleCount }, (_, i) => syntheticRole(r, i)) };
}

/**
 * An independent oracle for fixed shifts on non-hybrid roles: minute-by-minute coverage of her work
 * windows (on-site work only in windows not marked remote-only), and per day the trip inside her care
 * limits, so it shares no code with the interval arithmetic it checks. Hours are worked hours.
 */
function fixedShiftsFitByMinute(member: MatchMember, role: MatchRole, commute: number): boolean {
  if (role.schedule.kind !== 'fixed') return true;
  const onSite = role.remote.mode !== 'full';
  const covered = new Uint8Array(8 * 1440);
  for (const w of member.availability) {
    if (onSite && w.remoteOnly) continue;
    for (let t = w.start; t < w.end; t++) covered[w.day * 1440 + t] = 1;
  }
  const leave = new Array(8).fill(0);
  const home = new Array(8).fill(1440);
  for (const c of member.careLimits ?? []) {
    if (c.leaveFrom !== undefined) leave[c.day] = Math.max(leave[c.day], c.leaveFrom);
    if (c.homeBy !== undefined) home[c.day] = Math.min(home[c.day], c.homeBy);
  }
  for (const child of member.children)
    if (child.pickupMinute !== undefined)
      for (let d = 1; d <= 5; d++) home[d] = Math.min(home[d], child.pickupMinute);
  let minutes = 0;
  for (const s of role.schedule.shifts) {
    minutes += s.end - s.start - (s.breakMinutes ?? 0);
    for (let t = s.start; t < s.end; t++) if (!covered[s.day * 1440 + t]) return false;
    if (onSite && (s.start - commute < leave[s.day] || s.end + commute > home[s.day])) return false;
  }
  return minutes <= member.maxHoursPerWeek * 60;
}

describe('properties', () => {
  it('no infeasible pair is ever ranked, and every pair is either ranked or listed infeasible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const { member, roles } = world(seed, 40);
        const ranking = rankRolesForMember(member, roles, options);
        const ranked = new Set(ranking.ranked.map((x) => x.roleId));
        const infeasible = new Set(ranking.infeasible.map((x) => x.roleId));
        expect(ranked.size + infeasible.size).toBe(roles.length);
        for (const id of ranked) expect(infeasible.has(id)).toBe(false);
        for (const x of ranking.infeasible) expect(x.violations.length).toBeGreaterThan(0);
        for (const x of ranking.ranked) {
          const role = roles.find((r) => r.id === x.roleId) as MatchRole;
          expect(scorePair(member, role, options).feasible).toBe(true);
          // A higher grade stands in for the lower ones it covers (介護福祉士 for 実務者研修).
          const held = member.qualifications.flatMap((q) => [q, ...(QUALIFICATION_COVERS[q] ?? [])]);
          expect(held).toEqual(expect.arrayContaining(role.requiredQualifications));
          expect(member.blockedOrganisationIds).not.toContain(role.organisationId);
          if (member.employmentTypes.length) expect(member.employmentTypes).toContain(role.employmentType);
          // Over her maximum only within the estimate's uncertainty, and then it says so.
          if (x.commuteMinutes > member.maxCommuteMinutes)
            expect(x.reasons.map((r) => r.code)).toContain('commute_near_limit');
          if (role.remote.mode !== 'hybrid')
            expect(fixedShiftsFitByMinute(member, role, x.commuteMinutes)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('widening her availability never makes a feasible role infeasible', () => {
    const widening = fc.array(
      fc.record({ earlier: fc.integer({ min: 0, max: 120 }), later: fc.integer({ min: 0, max: 180 }) }),
      {
        minLength: 7,
        maxLength: 7,
      },
    );
    const extraDay = fc.option(
      fc.record({ day: fc.integer({ min: 1, max: 7 }), start: fc.integer({ min: 0, max: 1200 }) }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), widening, extraDay, (seed, widen, extra) => {
        const { member, roles } = world(seed, 30);
        const wider: WeeklyWindow[] = member.availability.map((w, i) => ({
          day: w.day,
          start: Math.max(0, w.start - (widen[i % 7]?.earlier ?? 0)),
          end: Math.min(1440, w.end + (widen[i % 7]?.later ?? 0)),
        }));
        if (extra)
          wider.push({ day: extra.day as WeeklyWindow['day'], start: extra.start, end: extra.start + 240 });
        const widened = { ...member, availability: wider };
        for (const role of roles) {
          if (scorePair(member, role, options).feasible)
            expect(scorePair(widened, role, options).feasible).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('adding a qualification she needs never lowers a score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const { member, roles } = world(seed, 30);
        for (const role of roles) {
          const needed =
            role.requiredQualifications.find((q) => !member.qualifications.includes(q)) ?? 'forklift';
          const more = { ...member, qualifications: [...member.qualifications, needed] };
          const before = scorePair(member, role, options);
          const after = scorePair(more, role, options);
          const s = (p: typeof before): number => (p.feasible ? p.match.score : -1);
          expect(s(after)).toBeGreaterThanOrEqual(s(before));
        }
      }),
      RUNS,
    );
  });

  it('ranking is deterministic, whatever the order of the candidates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.integer(), (seed, shuffleSeed) => {
        const { member, roles } = world(seed, 40);
        const r = prng(shuffleSeed);
        const shuffled = roles
          .map((x) => ({ x, k: r() }))
          .sort((a, b) => a.k - b.k)
          .map((p) => p.x);
        // Duplicate scores happen (identical roles); ties must still come out the same.
        const twins = [...shuffled, ...shuffled.slice(0, 5).map((x) => ({ ...x, id: `${x.id}-twin` }))];
        const a = rankRolesForMember(member, [...roles, ...twins.slice(roles.length)], options);
        const b = rankRolesForMember(member, twins, options);
        expect(b.ranked.map((x) => [x.roleId, x.score, x.rankScore])).toEqual(
          a.ranked.map((x) => [x.roleId, x.score, x.rankScore]),
        );
        expect(b.infeasible.map((x) => x.roleId)).toEqual(a.infeasible.map((x) => x.roleId));
      }),
      RUNS,
    );
  });

  it('every returned role has a score in 0–1 and readable reasons for every component, in ja and en', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        (seed, text) => {
          const { member, roles } = world(seed, 30);
          const textRelevance =
            text === null ? undefined : Object.fromEntries(roles.map((r) => [r.id, text]));
          const ranking = rankRolesForMember(member, roles, {
            ...options,
            ...(textRelevance ? { textRelevance } : {}),
          });
          for (const x of ranking.ranked) {
            for (const v of [x.score, x.memberSide, x.employerSide]) expect(v >= 0 && v <= 1).toBe(true);
            expect(x.components.length).toBe(textRelevance ? 9 : 8);
            for (const c of x.components) {
              expect(c.score >= 0 && c.score <= 1).toBe(true);
              expect(c.reasons.length).toBeGreaterThan(0);
              for (const reason of c.reasons) {
                for (const locale of ['ja', 'en'] as const) {
                  const text = renderReason(reason, locale);
                  expect(text.length).toBeGreaterThan(0);
                  expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
                }
              }
            }
          }
          for (const x of ranking.infeasible) {
            for (const v of x.violations)
              expect(renderReason(v.reason, 'en')).not.toMatch(/undefined|NaN|Infinity/);
          }
        },
      ),
      RUNS,
    );
  });
});
