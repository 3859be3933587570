/**
 * Pieces the coordinator's pages share: a member's profile in short, her support stage as words,
 * and dates in Japan time. Staff read these, so they may be explicit (full name, municipality).
 */
import { EMPLOYMENT_TYPES, QUALIFICATIONS, SKILL_LEVELS, SKILLS } from '../../../matching/vocabulary.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import type { MemberProfile } from '../members/member.schemas.ts';
import { japanDate } from '../shared/japan-time.ts';

const JST_OFFSET_MS = 9 * 3_600_000;

/** '2026-05-01T03:04:00Z' → '2026-05-01 12:04' (Japan time, without Intl time zones). */
export function japanDateTime(iso: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  return new Date(instant.getTime() + JST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** '2026-05-01T03:04:00Z' → '2026-05-01' in Japan. */
export const japanDay = (iso: string) => {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : japanDate(instant);
};

/** Whole days from an instant until now. */
export function daysSince(iso: string | null, now: Date): number {
  if (!iso) return 0;
  return Math.max(0, Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000));
}

/** 'Stage 3 · Working, wanting more', or 'Stage not set'. */
export function stageText(view: View, stage: number | null | undefined): string {
  const c = view.m.coordinator;
  if (!stage) return c.stageNotSet;
  return `${c.stageOf(stage)}・${c.stages[stage as 1 | 2 | 3 | 4 | 5] ?? ''}`;
}

export function StageBadge(props: { view: View; stage: number | null | undefined }) {
  return <span class={props.stage ? 'badge stage' : 'badge warn'}>{stageText(props.view, props.stage)}</span>;
}

/** Her age in whole years on a Japan calendar date, from birth year and month only. */
export function ageOn(child: { birthYear: number; birthMonth: number }, today: string): number {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return Math.max(0, year - child.birthYear - (month < child.birthMonth ? 1 : 0));
}

/**
 * A weekly window list as short text, days with the same hours together:
 * '月・水・金 09:00–15:00、土 10:00–13:00'.
 */
export function windowsText(view: View, windows: { day: string; start: string; end: string }[]): string {
  const byTime = new Map<string, string[]>();
  for (const w of windows) {
    const time = `${w.start}–${w.end}`;
    byTime.set(time, [
      ...(byTime.get(time) ?? []),
      view.m.weekdays[w.day as keyof View['m']['weekdays']] ?? w.day,
    ]);
  }
  const dayJoin = view.lang === 'ja' ? '・' : '/';
  return [...byTime]
    .map(([time, days]) => `${days.join(dayJoin)} ${time}`)
    .join(view.lang === 'ja' ? '、' : ', ');
}

export const payText = (view: View, pay: { amount: number; unit: string }) =>
  `${view.m.payUnits[pay.unit as keyof View['m']['payUnits']] ?? ''} ${view.m.yen(pay.amount)}`.trim();

/** Her profile as a coordinator needs it for a decision. */
export function MemberSummary(props: { view: View; member: MemberProfile; today: string }) {
  const { view, member, today } = props;
  const { m, lang } = view;
  const c = m.coordinator.match;
  const join = (items: string[]) => (items.length ? items.join(lang === 'ja' ? '、' : ', ') : m.form.none);
  return (
    <dl class="kv">
      <dt>{c.area}</dt>
      <dd>
        {member.area.prefecture}
        {member.area.name !== member.area.prefecture ? ` ${member.area.name}` : ''}
      </dd>
      {member.targetAreas.length > 0 && (
        <>
          <dt>{c.targetAreas}</dt>
          <dd>
            {member.targetAreas
              .map((t) => `${t.name}${t.needsRelocationSupport ? `（${c.relocation}）` : ''}`)
              .join(lang === 'ja' ? '、' : ', ')}
          </dd>
        </>
      )}
      <dt>{c.availability}</dt>
      <dd>
        {windowsText(view, member.availability.windows)}
        <br />
        <span class="meta">
          {c.maxHours(member.availability.maxHoursPerWeek)}
          {member.availability.earliestStartDate
            ? `・${c.earliestStart(member.availability.earliestStartDate)}`
            : ''}
        </span>
      </dd>
      <dt>{c.commute}</dt>
      <dd>{`${c.commuteMinutes(member.commute.maxMinutes)}（${c.commuteModes[member.commute.mode] ?? member.commute.mode}）`}</dd>
      <dt>{c.children}</dt>
      <dd>
        {member.children.length
          ? member.children.map((child) => c.childAge(ageOn(child, today))).join(lang === 'ja' ? '、' : ', ')
          : c.noChildren}
      </dd>
      <dt>{c.skills}</dt>
      <dd>
        {join(
          member.skills.map(
            (s) =>
              `${labelOf(SKILLS, s.tag, lang)}（${labelOf(SKILL_LEVELS as Record<string, { ja: string; en: string }>, String(s.level), lang)}）`,
          ),
        )}
      </dd>
      <dt>{c.qualifications}</dt>
      <dd>{join(member.qualifications.map((q) => labelOf(QUALIFICATIONS, q, lang)))}</dd>
      <dt>{c.payWish}</dt>
      <dd>
        {join(
          [
            member.pay.floor ? c.payFloor(payText(view, member.pay.floor)) : '',
            member.pay.wish ? c.payWishAmount(payText(view, member.pay.wish)) : '',
          ].filter(Boolean),
        )}
      </dd>
      <dt>{c.employmentTypes}</dt>
      <dd>
        {member.employmentTypes.length
          ? join(member.employmentTypes.map((t) => labelOf(EMPLOYMENT_TYPES, t, lang)))
          : c.anyType}
      </dd>
      <dt>{c.stage}</dt>
      <dd>
        <StageBadge view={view} stage={member.supportStage} />
      </dd>
    </dl>
  );
}
