/**
 * Pieces the coordinator's pages share: a member's profile in short, her support stage as words,
 * and how long something has waited. Staff read these, so they may be explicit (full name, municipality).
 */
import { EMPLOYMENT_TYPES, QUALIFICATIONS, SKILL_LEVELS, SKILLS } from '../../../matching/vocabulary.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import type { MemberProfile } from '../members/member.schemas.ts';
import { windowsText } from '../roles/role.view.tsx';
import type { MemberContact } from './coordination.schemas.ts';

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

/** One pay wish of hers: "時給 1,100円". */
const wishedPayText = (view: View, pay: { amount: number; unit: string }) =>
  `${view.m.payUnits[pay.unit as keyof View['m']['payUnits']] ?? ''} ${view.m.yen(pay.amount)}`.trim();

/** Her profile as a coordinator needs it for a decision. */
export function MemberSummary(props: {
  view: View;
  member: MemberProfile;
  today: string;
  /** Her phone and address: coordinators call members. */
  contact?: MemberContact;
}) {
  const { view, member, today, contact } = props;
  const { m, lang } = view;
  const c = m.coordinator.match;
  const join = (items: string[]) => (items.length ? items.join(lang === 'ja' ? '、' : ', ') : m.form.none);
  return (
    <dl class="kv">
      {contact && (
        <>
          <dt>{c.contact}</dt>
          <dd>
            {contact.phone && (
              <>
                <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</a>
                <br />
              </>
            )}
            <a href={`mailto:${contact.email}`}>{contact.email}</a>
          </dd>
        </>
      )}
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
            ? `・${c.earliestStart(m.date(member.availability.earliestStartDate))}`
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
            member.pay.floor ? c.payFloor(wishedPayText(view, member.pay.floor)) : '',
            member.pay.wish ? c.payWishAmount(wishedPayText(view, member.pay.wish)) : '',
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
