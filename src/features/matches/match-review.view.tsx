/**
 * A match seen side by side for a decision: her profile, the role (with its stated facts to check)
 * and the score breakdown from both sides, then the decision forms and the match's history.
 */
import { FLEXIBILITY_FACT_KEYS, FLEXIBILITY_FACTS } from '../../../matching/vocabulary.ts';
import { PostForm } from '../../web/form-fields.tsx';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import type { MatchDetail } from '../coordination/coordination.schemas.ts';
import { MemberSummary } from '../coordination/coordinator-views.tsx';
import type { Role } from '../roles/role.schemas.ts';
import { RoleDetails } from '../roles/role.view.tsx';
import { type DecisionForm, DecisionForms } from './decision-forms.tsx';
import type { MatchState } from './match-lifecycle.ts';

export const matchPath = (id: string) => `/coordinator/matches/${encodeURIComponent(id)}`;

/** Where a coordinator reads a role's candidates (candidates.pages.tsx). */
export const candidatesPath = (roleId: string) =>
  `/coordinator/roles/${encodeURIComponent(roleId)}/candidates`;
const percent = (score: number) => Math.round(score * 100);

export function StateBadge(props: { view: View; state: string }) {
  const tone = props.state === 'rejected' || props.state === 'withdrawn' ? 'badge bad' : 'badge state';
  return <span class={tone}>{props.view.m.matchStates[props.state as MatchState] ?? props.state}</span>;
}

/** The role as every page shows it, then each fact the employer stated with a way to mark it checked. */
function RoleWithFactChecks(props: { view: View; role: Role; matchId: string }) {
  const { view, role } = props;
  const { m, lang } = view;
  const c = m.coordinator.match;
  const facts = FLEXIBILITY_FACT_KEYS.filter((key) => role.facts[key] !== undefined);
  return (
    <>
      <RoleDetails view={view} role={role} />
      <h3>{c.facts}</h3>
      {facts.length === 0 ? (
        <p class="meta">{m.form.notStated}</p>
      ) : (
        <ul class="list facts">
          {facts.map((key) => {
            const fact = role.facts[key] as { available: boolean; verified: boolean };
            const label = labelOf(FLEXIBILITY_FACTS, key, lang);
            return (
              <li class="fact">
                <span>
                  {label}：<strong>{fact.available ? c.factYes : c.factNo}</strong>
                </span>
                {fact.verified ? (
                  <span class="badge verified">✓ {c.verified}</span>
                ) : (
                  <PostForm
                    view={view}
                    action={`${matchPath(props.matchId)}/facts/${key}/verification`}
                    class="inline"
                  >
                    <span class="badge warn">{c.unverified}</span>{' '}
                    <button
                      type="submit"
                      class="button small secondary"
                      aria-label={`${c.verifyFact}: ${label}`}
                    >
                      {c.verifyFact}
                    </button>
                  </PostForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

function ScoreBar(props: { label: string; score: number }) {
  return (
    <div class="score-row">
      <div class="score-head">
        <span>{props.label}</span>
        <span class="score">{percent(props.score)}</span>
      </div>
      {/* An SVG rectangle, not a styled div: the pages' Content-Security-Policy allows no style attributes. */}
      <svg class="bar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
        <rect class="bar-fill" width={percent(props.score)} height="10" />
      </svg>
    </div>
  );
}

function ScoreBreakdown(props: { view: View; detail: MatchDetail }) {
  const { view, detail } = props;
  const c = view.m.coordinator.match;
  const explanation = detail.explanation;
  if (!explanation) {
    return (
      <>
        <p class="degraded">{c.infeasible}</p>
        <ul class="reasons">
          {(detail.infeasible?.violations ?? []).map((v) => (
            <li class="negative">{v.text}</li>
          ))}
        </ul>
      </>
    );
  }
  const side = (name: 'member' | 'employer') => explanation.components.filter((comp) => comp.side === name);
  return (
    <>
      <ScoreBar label={c.total} score={explanation.score} />
      <p class="meta">{c.commuteEstimate(Math.round(explanation.commuteMinutes))}</p>
      {(['member', 'employer'] as const).map((name) => (
        <section class="score-side">
          <h3>
            {name === 'member' ? c.memberSide : c.employerSide}{' '}
            <span class="score">
              {percent(name === 'member' ? explanation.memberSide : explanation.employerSide)}
            </span>
          </h3>
          {side(name).map((comp) => (
            <div class="component">
              <ScoreBar label={c.components[comp.key] ?? comp.key} score={comp.score} />
              {comp.reasons.length > 0 && (
                <ul class="reasons">
                  {comp.reasons.map((r) => (
                    <li class={r.tone}>{r.text}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}
        </section>
      ))}
      {explanation.notes.length > 0 && (
        <>
          <h3>{c.notes}</h3>
          <ul class="reasons">
            {explanation.notes.map((r) => (
              <li class={r.tone}>{r.text}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function History(props: { view: View; detail: MatchDetail }) {
  const { view, detail } = props;
  const c = view.m.coordinator.match;
  if (detail.events.length === 0) return <p class="meta">{c.noEvents}</p>;
  return (
    <ol class="list history">
      {[...detail.events].reverse().map((e) => (
        <li>
          <p>
            <strong>{c.actions[e.action] ?? e.action}</strong>
            {' → '}
            <StateBadge view={view} state={e.toState} />
          </p>
          <p class="meta">
            {view.m.dateTime(e.at)}・{c.by[e.actorRole] ?? e.actorRole}
            {e.reasonCode ? `・${view.m.coordinator.decision.reasonCodes[e.reasonCode] ?? e.reasonCode}` : ''}
          </p>
          {e.reason && <p class="quote">{e.reason}</p>}
        </li>
      ))}
    </ol>
  );
}

export function MatchPage(props: {
  view: View;
  detail: MatchDetail;
  today: string;
  form?: DecisionForm | undefined;
  alert?: string | undefined;
}) {
  const { view, detail } = props;
  const c = view.m.coordinator.match;
  const d = view.m.coordinator.decision;
  const { match, member } = detail;
  return (
    <>
      <p class="meta">
        <a href="/coordinator/queue">← {c.backToQueue}</a>
      </p>
      <h1>{c.title(`${member.familyName} ${member.givenName}`, match.roleTitle)}</h1>
      {props.alert && (
        <p class="degraded" role="alert">
          {props.alert}
        </p>
      )}
      <ul class="badges">
        <li>
          <StateBadge view={view} state={match.state} />
        </li>
        {match.interestedAt && (
          <li class="badge">{view.m.coordinator.queue.since(view.m.date(match.interestedAt))}</li>
        )}
      </ul>
      <div class="columns match-columns">
        <section class="card" aria-labelledby="her">
          <h2 id="her">
            {c.her}：{member.familyName} {member.givenName}
          </h2>
          <MemberSummary view={view} member={member} contact={detail.contact} today={props.today} />
          <p>
            <a href={`/coordinator/members/${encodeURIComponent(member.userId)}`}>{c.toMember}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="role">
          <h2 id="role">
            {c.role}：{match.roleTitle}
          </h2>
          <RoleWithFactChecks view={view} role={detail.role} matchId={match.id} />
          <p>
            <a href={candidatesPath(detail.role.id)}>{view.m.coordinator.candidates.open}</a>
          </p>
        </section>
        <section class="card" aria-labelledby="score">
          <h2 id="score">{c.score}</h2>
          <ScoreBreakdown view={view} detail={detail} />
        </section>
      </div>
      <div class="columns">
        <section class="card decision-card" aria-labelledby="decision" id="decide">
          <h2 id="decision">{d.title}</h2>
          <p>{d.current(view.m.matchStates[match.state])}</p>
          <DecisionForms
            view={view}
            detail={detail}
            form={props.form}
            action={`${matchPath(match.id)}/decision`}
          />
        </section>
        <section class="card" aria-labelledby="history">
          <h2 id="history">{c.history}</h2>
          <History view={view} detail={detail} />
        </section>
      </div>
    </>
  );
}
