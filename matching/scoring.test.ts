/**
 * Soft components: the sentences members see, pickup from children's ages on the evaluation date,
 * and the way a weak side pulls the total down.
 */
import { describe, expect, it } from 'vitest';
import { rankMembersForRole, rankRolesForMember, scorePair } from './rank.ts';
import { renderReason } from './reasons.ts';
import { sentences, violations } from './testing/check.ts';
import {
  EVALUATION_DATE,
  makeMember,
  makeRole,
  PLACES,
  placeAtCommute,
  WEEKDAYS,
  weekly,
} from './testing/fixtures.ts';
import type { MatchMember, MatchRole } from './types.ts';

const options = { evaluationDate: EVALUATION_DATE };
const score = (m: MatchMember, r: MatchRole): number => {
  const p = scorePair(m, r, options);
  if (!p.feasible) throw new Error(`infeasible: ${p.infeasible.violations.map((v) => v.code)}`);
  return p.match.score;
};
const component = (m: MatchMember, r: MatchRole, key: string) => {
  const p = scorePair(m, r, options);
  if (!p.feasible) throw new Error('infeasible');
  return p.match.components.find((c) => c.key === key);
};

describe('pickup, from her children on the evaluation date', () => {
  const home = PLACES.yokohamaNaka;
  const office = placeAtCommute(home, 25, 'transit');
  const her = (birthYear: number, birthMonth: number): MatchMember =>
    makeMember({
      home,
      availability: weekly(WEEKDAYS, '08:30', '19:30'),
      maxHoursPerWeek: 45,
      children: [{ birthYear, birthMonth }],
    });
  const role = (end: string): MatchRole =>
    makeRole({ locations: [office], schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:00', end) } });
  it('a 3-year-old: nursery pickup, the time said to be an estimate because she did not give it', () => {
    expect(sentences(her(2022, 1), role('17:00'))).toContain(
      '保育園のお迎え（一般的な18:00で見積もり）に間に合います・お子さんの年齢から推定',
    );
    expect(sentences(her(2022, 1), role('17:00'), 'en')).toContain(
      'You can make nursery pickup (estimated at the usual 18:00); care assumed from age',
    );
    expect(sentences(her(2022, 1), role('17:20'))).toContain(
      '保育園のお迎え（一般的な18:00で見積もり）にぎりぎり間に合います（余裕15分）',
    );
    expect(sentences(her(2022, 1), role('17:45'))).toContain(
      '保育園のお迎え（一般的な18:00で見積もり）に間に合わない日があります',
    );
  });
  it('a pickup time she entered is named as hers, and holds as a limit on weekdays', () => {
    const entered = makeMember({
      ...her(2022, 1),
      children: [{ birthYear: 2022, birthMonth: 1, care: 'nursery', pickupMinute: 17 * 60 + 30 }],
    });
    expect(sentences(entered, role('16:40'))).toContain(
      '保育園のお迎え（17:30）にぎりぎり間に合います（余裕25分）',
    );
    expect(sentences(entered, role('16:40'), 'en')).toContain(
      'You are home by the time you gave (17:30), commute included',
    );
    expect(violations(entered, role('17:05'))).toEqual([]);
    expect(violations(entered, role('17:06'))).toEqual(['schedule_infeasible']);
  });
  it('the April school year decides: a six-year-old stays at nursery until March', () => {
    // Born May 2018: six since May 2024, still at nursery on 2025-03-31, first grade from April.
    const may2018 = her(2018, 5);
    const march = scorePair(may2018, role('17:45'), { evaluationDate: '2025-03-31' });
    const april = scorePair(may2018, role('17:45'), { evaluationDate: '2025-04-01' });
    const said = (p: typeof march) => (p.feasible ? p.match.reasons.map((r) => renderReason(r)) : []);
    expect(said(march)).toContain('保育園のお迎え（一般的な18:00で見積もり）に間に合わない日があります');
    expect(said(april)).toContain(
      '学童のお迎え（一般的な18:30で見積もり）にぎりぎり間に合います（余裕20分）',
    );
    // Born April 2019: six during April 2025, so school starts only in April 2026.
    expect(sentences(her(2019, 4), role('17:45'))).toContain(
      '保育園のお迎え（一般的な18:00で見積もり）に間に合わない日があります',
    );
  });
  it('a toddler cared for at home has no pickup; a kindergarten child is estimated at 14:00', () => {
    const atHome = makeMember({
      ...her(2023, 6),
      children: [{ birthYear: 2023, birthMonth: 6, care: 'at_home' }],
    });
    expect(sentences(atHome, role('17:45'))).toContain('お迎えの時間を気にせず働けます');
    const kinder = makeMember({
      ...her(2021, 6),
      children: [{ birthYear: 2021, birthMonth: 6, care: 'kindergarten' }],
    });
    expect(sentences(kinder, role('13:00'))).toContain(
      '幼稚園のお迎え（一般的な14:00で見積もり）に間に合います',
    );
  });
  it('from grade 4 there is no pickup to plan around', () => {
    expect(sentences(her(2014, 1), role('17:45'))).toContain('お迎えの時間を気にせず働けます');
  });
  it('an earlier end scores higher', () => {
    expect(score(her(2022, 1), role('15:00'))).toBeGreaterThan(score(her(2022, 1), role('17:45')));
  });
});

describe('hours and pay sentences', () => {
  it('週20時間：ご希望の範囲内', () => {
    const role = makeRole({ schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:30', '13:30') } });
    const member = makeMember({ maxHoursPerWeek: 25 });
    expect(sentences(member, role)).toContain('週20時間：ご希望の範囲内');
    expect(sentences(member, role, 'en')).toContain('20 h/week: within what you asked for');
  });
  it('pay against her wish', () => {
    expect(sentences(makeMember({ payWish: { amount: 1200, unit: 'hour' } }), makeRole())).toContain(
      '給与 時給1,200〜1,400円（ご希望 時給1,200円）：ご希望に届きます',
    );
    // The advertised range and her wish side by side, never a share computed from a guessed rate.
    expect(sentences(makeMember({ payWish: { amount: 1500, unit: 'hour' } }), makeRole())).toContain(
      '給与 時給1,200〜1,400円（ご希望 時給1,500円）：ご希望より低めです',
    );
    expect(
      sentences(
        makeMember({ payWish: { amount: 1500, unit: 'hour' } }),
        makeRole({ pay: { min: 1300, unit: 'hour' } }),
      ),
    ).toContain('給与 時給1,300円〜（ご希望 時給1,500円）：ご希望より低めです');
  });
});

describe('flexibility facts', () => {
  const young = makeMember();
  it('verified facts count more than unverified ones', () => {
    const verified = makeRole({ facts: { sick_child_absence_ok: { available: true, verified: true } } });
    const claimed = makeRole({ facts: { sick_child_absence_ok: { available: true, verified: false } } });
    expect(component(young, verified, 'flexibility')?.score).toBeGreaterThan(
      component(young, claimed, 'flexibility')?.score ?? 1,
    );
    expect(sentences(young, verified)).toContain('子どもの急な発熱で当日休みOK（確認済み）・残業なし');
  });
  it('sick-child absence matters more for a toddler than for a teenager', () => {
    const role = makeRole({
      overtime: 'regular',
      facts: { sick_child_absence_ok: { available: true, verified: true } },
    });
    const teen = makeMember({ children: [{ birthYear: 2010, birthMonth: 1 }] });
    expect(component(young, role, 'flexibility')?.score).toBeGreaterThan(
      component(teen, role, 'flexibility')?.score ?? 1,
    );
  });
});

describe('both sides', () => {
  it('a weak employer side pulls the total below the arithmetic mean', () => {
    const role = makeRole({
      requiredSkills: [
        { tag: 'bookkeeping', level: 3 },
        { tag: 'payroll', level: 3 },
      ],
      niceToHaveSkills: [],
    });
    const p = scorePair(makeMember(), role, options);
    if (!p.feasible) throw new Error('infeasible');
    const { memberSide: m, employerSide: e, score: s } = p.match;
    expect(e).toBeLessThan(0.5);
    expect(s).toBeLessThan(0.6 * m + 0.4 * e);
    expect(s).toBeCloseTo(1 / (0.6 / m + 0.4 / e), 10);
  });
  it("the employer's skill count names only the kinds of skill the role lists", () => {
    const employerSide = (role: MatchRole, locale: 'ja' | 'en' = 'ja') => {
      const p = scorePair(makeMember(), role, options);
      if (!p.feasible) throw new Error('infeasible');
      const skills = p.match.components.find((c) => c.key === 'role_skills');
      return (skills?.reasons ?? []).map((r) => renderReason(r, locale));
    };
    expect(employerSide(makeRole())).toEqual(['必須スキル 1/1・歓迎スキル 1/1']);
    expect(employerSide(makeRole(), 'en')).toEqual(['Required skills 1/1, nice-to-have 1/1']);
    expect(employerSide(makeRole({ niceToHaveSkills: [] }))).toEqual(['必須スキル 1/1']);
    expect(employerSide(makeRole({ requiredSkills: [] }))).toEqual(['歓迎スキル 1/1']);
    expect(employerSide(makeRole({ requiredSkills: [], niceToHaveSkills: [] }))).toEqual([
      'この求人はスキルを指定していません',
    ]);
  });
  it('text relevance is a component only when given', () => {
    const with_ = rankRolesForMember(makeMember(), [makeRole()], {
      ...options,
      textRelevance: { 'r-1': 0.8 },
    });
    const without = rankRolesForMember(makeMember(), [makeRole()], options);
    expect(with_.ranked[0]?.components.map((c) => c.key)).toContain('text');
    expect(without.ranked[0]?.components.map((c) => c.key)).not.toContain('text');
    expect(with_.ranked[0]?.reasons.map((r) => renderReason(r))).toContain('検索した言葉との一致度 80%');
  });
  it('stage 2 prefers short, calm roles; stage 4 prefers full-time roles that reach her goal', () => {
    const short = makeRole({
      id: 'short',
      schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:30', '13:30') },
    });
    const career = makeRole({
      id: 'career',
      employmentType: 'full_time',
      pay: { min: 250_000, unit: 'month' },
      schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:00', '16:00') },
    });
    const base = { maxHoursPerWeek: 40, payFloor: undefined, payWish: undefined };
    const stage = (s: 2 | 4, r: MatchRole) =>
      component(makeMember({ ...base, supportStage: s }), r, 'stage')?.score ?? 0;
    expect(stage(2, short)).toBeGreaterThan(stage(2, career));
    expect(stage(4, career)).toBeGreaterThan(stage(4, short));
  });
});

describe('members for a role', () => {
  it('ranks by how well she suits the role as well', () => {
    const role = makeRole({ requiredSkills: [{ tag: 'excel', level: 2 }] });
    const skilled = makeMember({ id: 'a' });
    const unskilled = makeMember({ id: 'b', skills: [{ tag: 'pc_basic', level: 1 }] });
    const r = rankMembersForRole(role, [unskilled, skilled], options);
    expect(r.ranked.map((x) => x.memberId)).toEqual(['a', 'b']);
  });
});
