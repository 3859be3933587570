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

describe('reasons, by audience', () => {
  const pair = (m: MatchMember, r: MatchRole) => {
    const p = scorePair(m, r, options);
    if (!p.feasible) throw new Error(`infeasible: ${p.infeasible.violations.map((v) => v.code)}`);
    return p.match;
  };
  const said = (reasons: readonly { code: string; params: object }[]) =>
    reasons.map((r) => renderReason(r as Parameters<typeof renderReason>[0]));

  it("her list says what the role means for her, never the employer's count of her skills", () => {
    const match = pair(makeMember(), makeRole());
    const hers = said(match.memberReasons);
    expect(hers.join('\n')).not.toMatch(/必須スキル \d+\/\d+/);
    expect(hers).toContain('求められるスキル（パソコン基本操作）をお持ちです');
    expect(said(match.employerReasons)).toContain('必須スキル 1/1・歓迎スキル 1/1');
  });
  it("the employer's list says nothing of her children or her commute", () => {
    const match = pair(makeMember(), makeRole());
    const codes = match.employerReasons.map((r) => r.code);
    expect(codes.some((c) => c.startsWith('pickup') || c.startsWith('commute'))).toBe(false);
    expect(codes.length).toBeGreaterThan(0);
  });
  it('says each sentence once', () => {
    for (const match of [
      pair(makeMember(), makeRole()),
      pair(makeMember(), makeRole({ requiredSkills: [] })),
    ]) {
      for (const list of [match.reasons, match.memberReasons, match.employerReasons]) {
        const keys = list.map((r) => `${r.code}${JSON.stringify(r.params)}`);
        expect(new Set(keys).size).toBe(keys.length);
      }
    }
  });
  it('a role needing a qualification but listing no skills is not 「未経験可」 for her', () => {
    const role = makeRole({ requiredSkills: [], niceToHaveSkills: [], requiredQualifications: ['nurse'] });
    const match = pair(makeMember({ qualifications: ['nurse'] }), role);
    const hers = said(match.memberReasons);
    expect(hers.join('\n')).not.toContain('未経験');
    expect(hers).toContain('必要な資格（看護師）をお持ちです');
    expect(said(match.employerReasons)).toContain('必須の資格あり（看護師）');
  });
  it('a role that asks nothing says beginners are welcome', () => {
    const match = pair(makeMember(), makeRole({ requiredSkills: [], niceToHaveSkills: [] }));
    expect(said(match.memberReasons)).toContain('必須スキルはありません（未経験可）');
  });
});

describe('her direction', () => {
  const order = (m: MatchMember, roles: MatchRole[]) =>
    rankRolesForMember(m, roles, { ...options, rerank: false }).ranked.map((r) => r.roleId);
  // Three roles alike in everything but their kind of work.
  const roles = [
    makeRole({ id: 'a-office', category: 'office', organisationId: 'o1' }),
    makeRole({ id: 'b-care', category: 'care', organisationId: 'o2' }),
    makeRole({ id: 'c-nursing', category: 'nursing', organisationId: 'o3' }),
  ];

  it('ranks her first choice first, then her second, then work she did not ask for', () => {
    expect(order(makeMember(), roles)).toEqual(['a-office', 'b-care', 'c-nursing']);
    const her = makeMember({ direction: { categories: ['nursing', 'care'] } });
    expect(order(her, roles)).toEqual(['c-nursing', 'b-care', 'a-office']);
    const nursing = scorePair(her, roles[2] as MatchRole, options);
    const office = scorePair(her, roles[0] as MatchRole, options);
    if (!nursing.feasible || !office.feasible) throw new Error('infeasible');
    expect(nursing.match.memberReasons.map((r) => renderReason(r))).toContain('第1希望の職種（看護）です');
    expect(office.match.memberReasons.map((r) => renderReason(r))).toContain(
      'ご希望の職種（看護・介護）とは別の仕事です',
    );
  });
  it('her own words count: 「介護の仕事を続けたい」 lifts care work', () => {
    const her = makeMember({ direction: { categories: [], words: '介護の仕事を続けたいです' } });
    expect(order(her, roles)[0]).toBe('b-care');
    const care = scorePair(her, roles[1] as MatchRole, options);
    if (!care.feasible) throw new Error('infeasible');
    expect(care.match.memberReasons.map((r) => renderReason(r))).toContain(
      '自己PRに書いた仕事（介護）に近い仕事です',
    );
  });
  it('without a direction the component is absent, not zero', () => {
    const p = scorePair(makeMember(), makeRole(), options);
    if (!p.feasible) throw new Error('infeasible');
    expect(p.match.components.map((c) => c.key)).not.toContain('direction');
  });

  describe('a career step now, or a stable base first', () => {
    const calm = makeRole({
      id: 'calm',
      organisationId: 'o1',
      pay: { min: 1150, unit: 'hour' },
      schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:30', '13:30') },
    });
    const step = makeRole({
      id: 'step',
      organisationId: 'o2',
      employmentType: 'full_time',
      pay: { min: 240_000, max: 300_000, unit: 'month' },
      schedule: { kind: 'fixed', shifts: weekly(WEEKDAYS, '09:00', '17:00') },
      overtime: 'occasional',
    });
    const base = {
      maxHoursPerWeek: 40,
      payFloor: undefined,
      payWish: undefined,
      availability: weekly(WEEKDAYS, '08:00', '18:00'),
    };
    it('her own choice decides, whatever her stage', () => {
      for (const supportStage of [2, 3, 4] as const) {
        const career = makeMember({
          ...base,
          supportStage,
          direction: { categories: [], pace: 'career_step' },
        });
        const stable = makeMember({
          ...base,
          supportStage,
          direction: { categories: [], pace: 'stable_base' },
        });
        expect(order(career, [calm, step])[0]).toBe('step');
        expect(order(stable, [calm, step])[0]).toBe('calm');
      }
    });
    it('without her choice, her stage decides (2: a stable base, 4: a career step)', () => {
      expect(order(makeMember({ ...base, supportStage: 2 }), [calm, step])[0]).toBe('calm');
      expect(order(makeMember({ ...base, supportStage: 4 }), [calm, step])[0]).toBe('step');
    });
  });
});

describe('application close dates (soft)', () => {
  it('a role past its close date stays listed, below an open one, and says so', () => {
    const open = makeRole({ id: 'b-open', organisationId: 'o1' });
    const closed = makeRole({ id: 'a-closed', organisationId: 'o2', closesOn: '2025-03-31' });
    const r = rankRolesForMember(makeMember(), [closed, open], { ...options, rerank: false });
    expect(r.ranked.map((x) => x.roleId)).toEqual(['b-open', 'a-closed']);
    expect(r.ranked[1]?.notes.map((n) => renderReason(n))).toEqual([
      '応募締切（2025-03-31）を過ぎています。まだ受け付けているかコーディネーターが確認します',
    ]);
  });
  it('a close date within two weeks is a note, not a penalty', () => {
    const soon = scorePair(makeMember(), makeRole({ closesOn: '2025-04-10' }), options);
    const none = scorePair(makeMember(), makeRole(), options);
    if (!soon.feasible || !none.feasible) throw new Error('infeasible');
    expect(soon.match.score).toBe(none.match.score);
    expect(soon.match.notes.map((n) => renderReason(n))).toEqual(['応募締切（2025-04-10）まであと9日です']);
  });
});
