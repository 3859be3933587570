/**
 * How a role reads on a page, the same for a member browsing, an employer checking her own
 * posting and a coordinator reviewing a match: pay, hours, place, and the family-friendly facts
 * with the ones a coordinator checked marked as such.
 */
import {
  EMPLOYMENT_TYPES,
  FLEXIBILITY_FACTS,
  JOB_CATEGORIES,
  QUALIFICATIONS,
  SKILLS,
} from '../../../matching/vocabulary.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import type { Reason } from '../matches/match.schemas.ts';
import { WEEKDAYS, type WindowInput } from '../shared/schedule.schemas.ts';
import type { Role } from './role.schemas.ts';

/**
 * A weekly window list as short text, days with the same hours together, in week order:
 * '月・水・金 09:00〜15:00、土 10:00〜13:00'.
 */
export function windowsText(view: View, windows: readonly WindowInput[]): string {
  const byTime = new Map<string, string[]>();
  const inWeekOrder = [...windows].sort(
    (a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.start.localeCompare(b.start),
  );
  for (const w of inWeekOrder) {
    const time = `${w.start}${view.m.role.from}${w.end}`;
    byTime.set(time, [...(byTime.get(time) ?? []), view.m.weekdays[w.day]]);
  }
  const dayJoin = view.lang === 'ja' ? '・' : '/';
  return [...byTime]
    .map(([time, days]) => `${days.join(dayJoin)} ${time}`)
    .join(view.lang === 'ja' ? '、' : ', ');
}

/** '時給 1,200円〜1,500円'. */
export function payText(view: View, pay: Role['pay']): string {
  const { m } = view;
  return `${m.payUnits[pay.unit]} ${m.yen(pay.min)}${pay.max && pay.max !== pay.min ? `${m.role.from}${m.yen(pay.max)}` : ''}`;
}

export function scheduleText(view: View, schedule: Role['schedule']): string {
  const { role } = view.m;
  return schedule.kind === 'fixed'
    ? `${role.fixed}: ${windowsText(view, schedule.shifts)}`
    : `${role.flexible}: ${role.flexibleSummary(schedule.minHoursPerWeek, schedule.minDaysPerWeek)}（${role.within} ${windowsText(view, schedule.windows)}）`;
}

export function remoteText(view: View, remote: Role['remote']): string {
  const { role } = view.m;
  return remote.mode === 'hybrid'
    ? role.remote.hybrid(remote.officeDaysPerWeek ?? 0)
    : role.remote[remote.mode];
}

export const placesText = (role: Role) =>
  role.locations
    .map((l) => `${l.prefecture}${l.name}${l.town ?? ''}${l.label ? `（${l.label}）` : ''}`)
    .join('、');

/** The facts the employer stated as offered, each marked when a coordinator checked it. */
export function FactBadges(props: { view: View; facts: Role['facts'] }) {
  const { view } = props;
  const offered = Object.entries(props.facts).filter(([, fact]) => fact?.available);
  if (offered.length === 0) return null;
  return (
    <ul class="badges">
      {offered.map(([key, fact]) => (
        <li
          class={fact?.verified ? 'badge verified' : 'badge'}
          title={fact?.verified ? view.m.role.verifiedHint : undefined}
        >
          {labelOf(FLEXIBILITY_FACTS, key, view.lang)}
          {fact?.verified && `（${view.m.role.verified}）`}
        </li>
      ))}
    </ul>
  );
}

export function ReasonList(props: { reasons: readonly Reason[] }) {
  if (props.reasons.length === 0) return null;
  return (
    <ul class="reasons">
      {props.reasons.map((reason) => (
        <li class={reason.tone}>{reason.text}</li>
      ))}
    </ul>
  );
}

/** The whole role, as on its detail page. */
export function RoleDetails(props: {
  view: View;
  role: Role;
  distanceKm?: number | undefined;
  distancePrecision?: 'town' | 'area' | undefined;
}) {
  const { view, role } = props;
  const { m, lang } = view;
  const skills = (list: Role['skills']['required']) =>
    list.map((s) => labelOf(SKILLS, s.tag, lang)).join('、');
  return (
    <dl class="kv">
      <dt>{m.role.organisation}</dt>
      <dd>{role.organisation.name}</dd>
      <dt>{m.role.category}</dt>
      <dd>{labelOf(JOB_CATEGORIES, role.category, lang)}</dd>
      <dt>{m.role.employmentType}</dt>
      <dd>{labelOf(EMPLOYMENT_TYPES, role.employmentType, lang)}</dd>
      <dt>{m.role.pay}</dt>
      <dd>{payText(view, role.pay)}</dd>
      <dt>{m.role.schedule}</dt>
      <dd>
        {scheduleText(view, role.schedule)}
        <br />
        {m.role.overtime[role.overtime]}
        {role.weekendWork && ` · ${m.role.weekendWork}`}
        {role.nightWork && ` · ${m.role.nightWork}`}
      </dd>
      <dt>{m.role.location}</dt>
      <dd>
        {remoteText(view, role.remote)}
        {role.locations.length > 0 && ` · ${placesText(role)}`}
        {props.distanceKm !== undefined && ` · ${m.role.distance(props.distanceKm, props.distancePrecision)}`}
      </dd>
      {role.skills.required.length > 0 && (
        <>
          <dt>{m.role.skillsRequired}</dt>
          <dd>{skills(role.skills.required)}</dd>
        </>
      )}
      {role.skills.niceToHave.length > 0 && (
        <>
          <dt>{m.role.skillsNice}</dt>
          <dd>{skills(role.skills.niceToHave)}</dd>
        </>
      )}
      {role.requiredQualifications.length + role.otherRequiredQualifications.length > 0 && (
        <>
          <dt>{m.role.qualifications}</dt>
          <dd>
            {[
              ...role.requiredQualifications.map((q) => labelOf(QUALIFICATIONS, q, lang)),
              ...role.otherRequiredQualifications,
            ].join('、')}
          </dd>
        </>
      )}
      {role.startDate && (
        <>
          <dt>{m.role.startDate}</dt>
          <dd>{m.date(role.startDate)}</dd>
        </>
      )}
      {role.closesOn && (
        <>
          <dt>{m.role.closesOn}</dt>
          <dd>{m.date(role.closesOn)}</dd>
        </>
      )}
      <DetailRows view={view} role={role} />
    </dl>
  );
}

/** True when no shift or window falls on a Saturday or Sunday and no weekend work is asked. */
export function weekendsOff(role: Role): boolean {
  const windows = role.schedule.kind === 'fixed' ? role.schedule.shifts : role.schedule.windows;
  return !role.weekendWork && !windows.some((w) => w.day === 'sat' || w.day === 'sun');
}

/**
 * The job details an ad states (交通費, 社会保険, 休日, アクセス, 募集人数, 試用期間, 服装), each only
 * when the employer stated it: an unstated one is left out rather than shown as 「なし」.
 */
function DetailRows(props: { view: View; role: Role }) {
  const { view, role } = props;
  const words = view.m.role.details;
  const d = role.details;
  const row = (label: string, value: string | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd class="pre-line">{value}</dd>
      </>
    ) : null;
  const commute = d.commuteAllowance;
  const holidays = [weekendsOff(role) ? words.weekendsOff : '', d.holidays ?? ''].filter(Boolean).join('、');
  const welcome = [
    d.inexperiencedOk ? words.inexperiencedOk : '',
    d.withinDependentOk ? words.withinDependentOk : '',
  ].filter(Boolean);
  return (
    <>
      {row(
        words.commuteAllowance,
        commute &&
          (commute.kind === 'capped'
            ? words.commute.capped(view.m.yen(commute.capYenPerMonth ?? 0))
            : words.commute[commute.kind]),
      )}
      {row(words.socialInsurance, d.socialInsurance && words.insurance[d.socialInsurance])}
      {row(words.holidays, holidays)}
      {row(words.access, d.access)}
      {row(words.openings, d.openings !== undefined ? words.openingsCount(d.openings) : undefined)}
      {row(
        words.trialPeriod,
        d.trialPeriod &&
          [words.trialMonths(d.trialPeriod.months), d.trialPeriod.note].filter(Boolean).join(' · '),
      )}
      {row(words.dressCode, d.dressCode)}
      {row(words.welcome, welcome.join('、'))}
    </>
  );
}
