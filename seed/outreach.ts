/**
 * Demo of outreach: exchange meetings — one in 港北区 next week the demo member has not answered
 * yet (with others already coming), an online one that is full with a waiting list, and one held
 * last week in 横浜市 with attendance recorded — and area notices a coordinator published over the last weeks — for 横浜市 (the
 * demo member's city), for 神奈川県 at stages 2–3, for 静岡市 where she plans to move back, for
 * parents of young children in 横浜市, and one for 大阪市 that never reaches her — some already
 * opened by members so the coordinator's page shows figures. And a national firm (the first
 * generated one, a supermarket chain in every prefecture) lists its branches and posts one office
 * role at its 静岡 and 浜松 branches: the demo member, who plans to move back to 静岡市葵区, sees it
 * marked 「地元で働ける全国企業」. Everything goes through the same services as the API, each with a
 * clock set to when it happened.
 */
import { type AppDeps, systemClock } from '../src/deps.ts';
import type { Actor } from '../src/features/auth/actor.ts';
import type { MeetingInput } from '../src/features/meetings/meeting.schemas.ts';
import type { NoticeInput } from '../src/features/notices/notice.schemas.ts';
import type { ProspectInput } from '../src/features/prospects/prospect.schemas.ts';
import type { RoleInput } from '../src/features/roles/role.schemas.ts';
import { japanDate } from '../src/features/shared/japan-time.ts';
import { createServices } from '../src/services.ts';
import { DEMO_ACCOUNTS } from './demo.ts';

const DAY = 86_400_000;

const NOTICES: { daysAgo: number; lastsDays: number; input: Omit<NoticeInput, 'validUntil'> }[] = [
  {
    daysAgo: 6,
    lastsDays: 40,
    input: {
      title: '横浜市 ひとり親家庭の就労支援講座（パソコン・簿記）',
      body: '横浜市が、ひとり親家庭のかたを対象に、パソコンと簿記の無料講座をひらきます。\n講座中はお子さまを無料でお預かりします（要予約）。',
      link: 'https://www.city.yokohama.lg.jp/',
      areaCodes: ['141003'],
      audience: 'both',
    },
  },
  {
    daysAgo: 3,
    lastsDays: 25,
    input: {
      title: '港北区 保育所の4月入所 一次申請のご案内',
      body: '港北区では4月入所の一次申請を受け付けています。ひとり親家庭は選考で加点があります。区役所こども家庭支援課でご相談ください。',
      areaCodes: ['141097'],
      audience: 'home',
      childAges: { max: 5 },
    },
  },
  {
    daysAgo: 10,
    lastsDays: 60,
    input: {
      title: '神奈川県 高等職業訓練促進給付金',
      body: '看護師・介護福祉士・保育士などの資格をとるために養成機関で学ぶ間、生活費の給付が受けられます。',
      link: 'https://www.pref.kanagawa.jp/',
      areaCodes: ['140007'],
      audience: 'home',
      stages: [2, 3],
    },
  },
  {
    daysAgo: 2,
    lastsDays: 90,
    input: {
      title: '静岡市 移住支援金とお試し住宅',
      body: '静岡市へ移り住むひとり親家庭に、引っ越し費用の補助と、1週間から使えるお試し住宅があります。',
      link: 'https://www.city.shizuoka.lg.jp/',
      areaCodes: ['221007'],
      audience: 'target',
    },
  },
  {
    daysAgo: 5,
    lastsDays: 30,
    input: {
      title: '大阪市 ひとり親家庭の相談会',
      body: '大阪市の各区で、仕事と子育ての相談会をひらきます。',
      areaCodes: ['271004'],
      audience: 'both',
    },
  },
];

const MEETINGS: { daysAhead: number; repliers: number; input: Omit<MeetingInput, 'heldOn'> }[] = [
  {
    daysAhead: 9,
    repliers: 4,
    input: {
      title: '港北区 ひとり親の交流会（ランチ付き）',
      description:
        '同じ立場のママたちと、お昼を食べながらゆっくりお話ししませんか。\n保育士が別室でお子さまをお預かりします。',
      startTime: '11:00',
      endTime: '13:00',
      online: false,
      areaCode: '141097',
      place: '大倉山記念館 第3集会室',
      capacity: 12,
      childrenWelcome: true,
      childcareProvided: true,
    },
  },
  {
    daysAhead: 4,
    repliers: 8,
    input: {
      title: 'オンライン交流会 夜のおしゃべり会',
      description: 'お子さまが寝たあと、ビデオ通話でおしゃべりします。顔を出さなくても参加できます。',
      startTime: '21:00',
      endTime: '22:00',
      online: true,
      capacity: 6,
      childrenWelcome: false,
      childcareProvided: false,
    },
  },
  {
    daysAhead: -6,
    repliers: 5,
    input: {
      title: '横浜市 働くママの交流会',
      description: '働きはじめたかた、これから働くかたの情報交換会です。',
      startTime: '10:00',
      endTime: '12:00',
      online: false,
      areaCode: '141003',
      place: '横浜市 男女共同参画センター',
      capacity: 15,
      childrenWelcome: true,
      childcareProvided: false,
      stages: [2, 3, 4],
    },
  },
];

/** Firms in employer development: where they are, and the days each step took. */
const PROSPECTS: {
  company: string;
  areaCode: string;
  trades: ProspectInput['trades'];
  source: string;
  contact?: string;
  steps: { stage: 'contacted' | 'meeting' | 'registered' | 'verified'; afterDays: number; note?: string }[];
  note?: string;
}[] = [
  {
    company: '株式会社はまかぜ物流',
    areaCode: '141097',
    trades: ['office'],
    source: '横浜商工会議所の紹介',
    contact: '総務部 田中さん',
    steps: [
      { stage: 'contacted', afterDays: 3, note: '電話で趣旨を説明。短時間勤務の前例あり' },
      { stage: 'meeting', afterDays: 8, note: '人事部長と面談。9時〜15時の事務を検討' },
    ],
    note: '求人票の下書きを送る',
  },
  {
    company: '医療法人さくら会 港北クリニック',
    areaCode: '141097',
    trades: ['medical_office'],
    source: '会員さんからの紹介',
    steps: [{ stage: 'contacted', afterDays: 5, note: '事務長に資料を送付' }],
  },
  {
    company: 'ひまわり保育園',
    areaCode: '141003',
    trades: ['childcare_assistant'],
    source: '合同説明会',
    steps: [
      { stage: 'contacted', afterDays: 2 },
      { stage: 'meeting', afterDays: 6 },
      { stage: 'registered', afterDays: 10, note: '事業者登録が済んだ' },
    ],
  },
  {
    company: '株式会社しずおかフーズ',
    areaCode: '221007',
    trades: ['food', 'retail'],
    source: '静岡市の移住相談窓口',
    steps: [],
    note: 'Uターン希望の会員さんがいるので連絡したい',
  },
  {
    company: 'かながわケアサービス株式会社',
    areaCode: '140007',
    trades: ['care'],
    source: 'ホームページからの問い合わせ',
    steps: [
      { stage: 'contacted', afterDays: 1 },
      { stage: 'meeting', afterDays: 4 },
      { stage: 'registered', afterDays: 9 },
      { stage: 'verified', afterDays: 12 },
    ],
  },
];

/** The national firm's branches (name, area code, address); the first two get the demo role. */
const BRANCHES: [string, string, string?][] = [
  ['静岡呉服町店', '221015', '呉服町二丁目3-1'],
  ['浜松駅南店', '221317'],
  ['横浜大倉山店', '141097', '大倉山三丁目2-10'],
  ['仙台一番町店', '041017'],
  ['福岡天神店', '401331'],
];

/** An office role that suits the demo member once she is back in 静岡 (weekdays, home by pickup). */
const HOMETOWN_ROLE: Omit<RoleInput, 'locations' | 'branchIds'> = {
  title: '店舗事務パート（静岡・浜松／週3日・9時半〜15時）',
  description:
    '売上の入力や発注書の確認、電話の取り次ぎをお願いします。全国の店舗で同じ仕事の仕方なので、引っ越してからも続けやすい職場です。',
  category: 'office',
  employmentType: 'part_time',
  pay: { min: 1200, max: 1300, unit: 'hour' },
  schedule: {
    kind: 'fixed',
    shifts: (['mon', 'wed', 'thu'] as const).map((day) => ({ day, start: '09:30', end: '15:00' })),
  },
  overtime: 'none',
  weekendWork: false,
  nightWork: false,
  remote: { mode: 'none' },
  skills: { required: [{ tag: 'pc_basic', level: 1 }], niceToHave: [{ tag: 'data_entry', level: 1 }] },
  requiredQualifications: [],
  otherRequiredQualifications: [],
  facts: { sick_child_absence_ok: true, school_event_leave: true },
  details: { socialInsurance: 'conditional', inexperiencedOk: true },
};

function actorOf(user: {
  id: string;
  role: string;
  display_name: string;
  email: string;
  organisation_id?: string | null;
}): Actor {
  return {
    userId: user.id,
    role: user.role as Actor['role'],
    displayName: user.display_name,
    email: user.email,
    organisationId: user.organisation_id ?? null,
    emailVerified: true,
  };
}

/** Loads the outreach demo; returns how many notices, meetings and prospects it made. */
export async function seedOutreach(deps: Omit<AppDeps, 'clock'>, now = systemClock.now()) {
  const { db } = deps.database;
  const coordinatorUser = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', DEMO_ACCOUNTS.find((a) => a.role === 'coordinator')?.email ?? '')
    .executeTakeFirst();
  if (!coordinatorUser) return { notices: 0, meetings: 0, prospects: 0 };
  const coordinator = actorOf(coordinatorUser);
  const demoMember = DEMO_ACCOUNTS.find((a) => a.role === 'member')?.email ?? '';
  // A few members (never the demo member, whose notices stay new for her) opened what reached them.
  const readers = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .selectAll('users')
    .where('users.email', '!=', demoMember)
    .orderBy('members.user_id')
    .limit(40)
    .execute();
  for (const notice of NOTICES) {
    const published = new Date(now.getTime() - notice.daysAgo * DAY);
    const services = createServices({ ...deps, clock: { now: () => published } });
    const created = await services.notices.publish(coordinator, {
      ...notice.input,
      validUntil: japanDate(new Date(published.getTime() + notice.lastsDays * DAY)),
    });
    const later = createServices({ ...deps, clock: { now: () => new Date(published.getTime() + DAY) } });
    for (const [i, reader] of readers.entries()) {
      if (i % 3 === 0) continue;
      const reaches = (await later.notices.mine(actorOf(reader))).some((n) => n.id === created.id);
      if (reaches) await later.notices.open(actorOf(reader), created.id);
    }
  }
  await seedMeetings(deps, coordinator, readers, now);
  await seedProspects(deps, coordinator, now);
  await seedNationalFirm(deps, now);
  return { notices: NOTICES.length, meetings: MEETINGS.length, prospects: PROSPECTS.length };
}

/** The meetings, published two weeks before (or ten days ago), answered by members near them. */
async function seedMeetings(
  deps: Omit<AppDeps, 'clock'>,
  coordinator: Actor,
  members: { id: string; role: string; display_name: string; email: string }[],
  now: Date,
) {
  for (const meeting of MEETINGS) {
    const heldOn = japanDate(new Date(now.getTime() + meeting.daysAhead * DAY));
    const published = new Date(now.getTime() - Math.max(10, -meeting.daysAhead + 10) * DAY);
    const services = createServices({ ...deps, clock: { now: () => published } });
    const created = await services.meetings.publish(coordinator, { ...meeting.input, heldOn });
    let replied = 0;
    const later = createServices({ ...deps, clock: { now: () => new Date(published.getTime() + DAY) } });
    for (const member of members) {
      if (replied >= meeting.repliers) break;
      const forHer = (await later.meetings.mine(actorOf(member))).some((m) => m.id === created.id);
      if (!forHer) continue;
      await later.meetings.reply(actorOf(member), created.id, 'yes');
      replied += 1;
    }
    if (meeting.daysAhead < 0) {
      const after = createServices({
        ...deps,
        clock: { now: () => new Date(now.getTime() + (meeting.daysAhead + 1) * DAY) },
      });
      const detail = await after.meetings.detail(created.id);
      for (const [i, reply] of detail.replies.filter((r) => r.state === 'going').entries())
        await after.meetings.attendance(coordinator, created.id, reply.memberId, i % 4 !== 3);
    }
  }
}

/** The firms, added over the last weeks and moved on step by step, each step at its own time. */
async function seedProspects(deps: Omit<AppDeps, 'clock'>, coordinator: Actor, now: Date) {
  for (const [i, firm] of PROSPECTS.entries()) {
    const added = new Date(now.getTime() - (30 - i * 3) * DAY);
    const at = (days: number) =>
      createServices({ ...deps, clock: { now: () => new Date(added.getTime() + days * DAY) } });
    const prospect = await at(0).prospects.create(coordinator, {
      company: firm.company,
      areaCode: firm.areaCode,
      trades: firm.trades,
      source: firm.source,
      ...(firm.contact ? { contact: firm.contact } : {}),
    });
    for (const step of firm.steps)
      await at(step.afterDays).prospects.move(coordinator, prospect.id, {
        stage: step.stage,
        ...(step.note ? { note: step.note } : {}),
      });
    if (firm.note)
      await at((firm.steps.at(-1)?.afterDays ?? 0) + 1).prospects.note(coordinator, prospect.id, {
        note: firm.note,
        nextActionOn: japanDate(new Date(now.getTime() + (i + 2) * DAY)),
      });
  }
}

/** The first generated firm (national, always verified) lists branches and posts the hometown role. */
async function seedNationalFirm(deps: Omit<AppDeps, 'clock'>, now: Date) {
  const hr = await deps.database.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', 'employer-00001@demo.yorisoi.jp')
    .executeTakeFirst();
  if (!hr?.organisation_id) return;
  const employer = actorOf(hr);
  const listed = createServices({ ...deps, clock: { now: () => new Date(now.getTime() - 20 * DAY) } });
  const ids: string[] = [];
  for (const [name, areaCode, address] of BRANCHES)
    ids.push(
      (await listed.branches.create(employer, { name, areaCode, ...(address ? { address } : {}) })).id,
    );
  const posted = createServices({ ...deps, clock: { now: () => new Date(now.getTime() - 5 * DAY) } });
  const role = await posted.roles.create(employer, {
    ...HOMETOWN_ROLE,
    locations: [],
    branchIds: ids.slice(0, 2),
  });
  await posted.roles.publish(employer, role.id);
}
