/**
 * One job in a list: what it is, where, how much and when, the facts that matter to a parent,
 * and — when ranked for her — the strongest reasons it suits her (or why it cannot work).
 */
import { EMPLOYMENT_TYPES } from '../../../matching/vocabulary.ts';
import { labelOf } from '../../web/i18n.ts';
import type { View } from '../../web/view.ts';
import { type CardKeeping, InterestedBadge, KeepButton } from '../favourites/keep-button.tsx';
import { memberFacingReasons } from '../matches/explanations.ts';
import {
  FactBadges,
  payText,
  placesText,
  ReasonList,
  remoteText,
  scheduleText,
} from '../roles/role.view.tsx';
import type { JobHit } from './job-search.schemas.ts';

const REASONS_ON_A_CARD = 3;

/** 「地元で働ける全国企業」: a national firm's role at a place she plans to move (back) to. */
export function HometownFirmBadge(props: { view: View; withHint?: boolean }) {
  const words = props.view.m.member.jobs;
  return (
    <p class="hometown-firm">
      <span class="badge verified">{words.hometownNationalFirm}</span>
      {props.withHint && <span class="meta"> {words.hometownNationalFirmHint}</span>}
    </p>
  );
}

/** `keeping`: for a member, the page's marks (kept, 応募済み) computed once for all its cards. */
export function JobCard(props: { view: View; hit: JobHit; keeping?: CardKeeping }) {
  const { view, hit } = props;
  const { role } = hit;
  const { m, lang } = view;
  return (
    <article class={hit.infeasible ? 'card infeasible' : 'card'}>
      {hit.infeasible && (
        <p>
          <span class="badge warn">{m.member.jobs.outsideConditions}</span>
        </p>
      )}
      {hit.hometownNationalFirm && <HometownFirmBadge view={view} />}
      <h3 class="card-title">
        <a href={`/jobs/${role.id}`}>{role.title}</a>
      </h3>
      <InterestedBadge view={view} roleId={role.id} keeping={props.keeping} />
      <p class="meta">
        {role.organisation.name} · {labelOf(EMPLOYMENT_TYPES, role.employmentType, lang)}
      </p>
      <p class="meta">
        {payText(view, role.pay)}
        <br />
        {scheduleText(view, role.schedule)}
        <br />
        {remoteText(view, role.remote)}
        {role.locations.length > 0 && ` · ${placesText(role)}`}
        {hit.distanceKm !== undefined && ` · ${m.role.distance(hit.distanceKm, hit.distancePrecision)}`}
      </p>
      <FactBadges view={view} facts={role.facts} />
      {hit.match && (
        <>
          <p class="score">{m.member.jobs.score(Math.round(hit.match.score * 100))}</p>
          <ReasonList reasons={memberFacingReasons(hit.match).slice(0, REASONS_ON_A_CARD)} />
        </>
      )}
      {hit.infeasible && (
        <ul class="reasons">
          {hit.infeasible.violations.map((v) => (
            <li class="negative">{v.text}</li>
          ))}
        </ul>
      )}
      <KeepButton view={view} roleId={role.id} keeping={props.keeping} />
    </article>
  );
}
