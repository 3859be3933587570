/**
 * Browsing work: the search page (words, filters with counts, order, pages) open to visitors and
 * ranked for a signed-in member, a role's page with why it suits her, and "話を聞いてみたい".
 * The filters are a plain GET form, so a search is a link she can keep.
 */
import type { Context } from 'hono';
import { EMPLOYMENT_TYPES, JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import type { Option } from '../../web/form-fields.tsx';
import {
  ChoiceGroup,
  ErrorSummary,
  PostForm,
  SelectField,
  SubmitButton,
  TextField,
  Toggle,
} from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  normaliseNumber,
  renameErrors,
  validate,
} from '../../web/form-input.ts';
import { labelOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View, viewOf } from '../../web/view.ts';
import type { AreaService } from '../areas/area.service.ts';
import { PlaceFields, prefectureOptions, resolvePlace, typedPlace } from '../areas/place-field.tsx';
import { type CardKeeping, InterestedBadge, KeepButton, returnPathOf } from '../favourites/keep-button.tsx';
import { memberFacingReasons } from '../matches/explanations.ts';
import type { MatchView } from '../matches/match.schemas.ts';
import { FactBadges, ReasonList, RoleDetails } from '../roles/role.view.tsx';
import { SaveSearchForm } from '../saved-searches/saved-search.pages.tsx';
import { canonicalQuery } from '../saved-searches/saved-search.service.ts';
import { ACCESS, admits } from '../shared/access.ts';
import { HometownFirmBadge, JobCard } from './job-card.tsx';
import { JOB_CONDITION_KEYS, JOB_CONDITIONS } from './job-conditions.ts';
import {
  type JobHit,
  type JobSearchQuery,
  JobSearchQuerySchema,
  type JobSearchResult,
} from './job-search.schemas.ts';

const PAGE_SIZE = 20;
const LIST_FILTERS = ['prefCode', 'employmentType', 'remote', 'conditions', 'category'] as const;
/** The place she searches near: a prefecture and a typed municipality, resolved on the server. */
const NEAR = 'near';
/** 「範囲」: a radius or a commute time, as one choice so the two cannot be given together. */
const WITHIN = /^(\d+)(km|min)$/;

/** The filters as the query string gave them: blanks dropped, lists kept as lists. */
function filtersOf(c: Context<AppEnv>) {
  const record: Record<string, string | string[]> = {};
  for (const name of [
    'q',
    'minHourlyPay',
    'fitsAvailability',
    'includeInfeasible',
    'sort',
    'offset',
    'centerAreaCode',
    'centerTown',
    'radiusKm',
    'commuteMinutes',
    'within',
    `${NEAR}.prefCode`,
    `${NEAR}.name`,
  ]) {
    const value = c.req.query(name)?.trim();
    if (value) record[name] = name === 'minHourlyPay' ? normaliseNumber(value) : value;
  }
  for (const name of LIST_FILTERS) {
    const values = (c.req.queries(name) ?? []).filter(Boolean);
    if (values.length > 0) record[name] = values;
  }
  return record;
}

function pageLink(filters: Record<string, string | string[]>, offset: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (name === 'offset') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, item);
  }
  if (offset > 0) params.set('offset', String(offset));
  return `/jobs?${params}`;
}

function facetOptions(
  facet: JobSearchResult['facets']['prefecture'],
  label: (value: string, fallback: string) => string,
) {
  return facet.map((f) => ({ value: f.value, label: `${label(f.value, f.label)} (${f.count})` }));
}

/**
 * The API query of the page's filters: the place typed as prefecture and municipality becomes an
 * area code (or a field error on what she typed), and 「範囲」 a radius or a commute time.
 */
async function apiQueryOf(
  filters: Record<string, string | string[]>,
  areas: AreaService,
  m: View['m'],
): Promise<{ query: Record<string, string | string[]>; errors: FieldErrors }> {
  const { within, [`${NEAR}.prefCode`]: _p, [`${NEAR}.name`]: _n, ...query } = filters;
  const errors: FieldErrors = {};
  const typed = typedPlace(formValues(filters), NEAR);
  if (typed.name) {
    const place = await resolvePlace(areas, m, NEAR, typed);
    if (place.ok) query.centerAreaCode = place.area.code;
    else errors[place.field] = place.error;
  }
  const range = typeof within === 'string' ? WITHIN.exec(within) : null;
  if (range) query[range[2] === 'km' ? 'radiusKm' : 'commuteMinutes'] = range[1] as string;
  // A range without a place has no centre: said on the place, where she can fix it.
  if (range && !query.centerAreaCode && !errors[`${NEAR}.name`])
    errors[`${NEAR}.name`] = m.employer.place.enterMunicipality;
  return { query, errors };
}

/** The API's field names on the page's fields (a place she typed stands for the centre's area). */
const pageField = (name: string) =>
  name === 'query.centerAreaCode' || name === 'centerAreaCode'
    ? `${NEAR}.name`
    : name === 'query.radiusKm' ||
        name === 'query.commuteMinutes' ||
        name === 'radiusKm' ||
        name === 'commuteMinutes'
      ? 'within'
      : name.replace(/^query\./, '').replace(/\.\d+$/, '');

/** What her words were read as, in her words: 「パート・一般事務・扶養内OK」. */
function understoodText(view: View, result: JobSearchResult): string | undefined {
  const u = result.understood;
  if (!u) return undefined;
  return [
    ...u.employmentTypes.map((t) => labelOf(EMPLOYMENT_TYPES, t, view.lang)),
    ...u.categories.map((c) => labelOf(JOB_CATEGORIES, c, view.lang)),
    ...u.conditions.map((c) => JOB_CONDITIONS[c][view.lang]),
  ].join(view.lang === 'ja' ? '・' : ', ');
}

/** The mothers' filters as checkboxes, each with how many of the roles found meet it. */
function conditionOptions(view: View, result: JobSearchResult | undefined): Option[] {
  const counts = new Map((result?.facets.condition ?? []).map((f) => [f.value, f.count]));
  return JOB_CONDITION_KEYS.map((c) => ({
    value: c,
    label: result ? `${JOB_CONDITIONS[c][view.lang]} (${counts.get(c) ?? 0})` : JOB_CONDITIONS[c][view.lang],
  }));
}

function SearchForm(props: {
  view: View;
  values: FormValues;
  errors: FieldErrors;
  result: JobSearchResult | undefined;
  prefectures: Option[];
}) {
  const { view, values, errors, result } = props;
  const words = view.m.member.jobs;
  const isMember = view.actor?.role === 'member';
  const facets = result?.facets ?? { prefecture: [], employmentType: [], remote: [], condition: [] };
  const placeChosen = isMember || Boolean(values.text(`${NEAR}.name`) || values.text('centerAreaCode'));
  return (
    <form method="get" action="/jobs" class="card" aria-label={words.search}>
      <ErrorSummary view={view} errors={errors} />
      <TextField
        name="q"
        type="search"
        label={words.keywords}
        hint={words.keywordsHint}
        maxlength={100}
        values={values}
        errors={errors}
      />
      <details
        class="filters"
        open={
          Object.keys(errors).length > 0 || LIST_FILTERS.some((f) => values.all(f).length > 0) || undefined
        }
      >
        <summary>{words.filters}</summary>
        <ChoiceGroup
          name="conditions"
          label={words.conditions}
          options={conditionOptions(view, result)}
          values={values}
          errors={errors}
          multiple
          inline
        />
        <SelectField
          name="prefCode"
          label={words.prefecture}
          placeholder={words.any}
          options={facetOptions(facets.prefecture, (_, l) => l)}
          values={values}
          errors={errors}
        />
        <ChoiceGroup
          name="employmentType"
          label={words.employmentType}
          options={facetOptions(facets.employmentType, (_, l) => l)}
          values={values}
          errors={errors}
          multiple
          inline
        />
        <ChoiceGroup
          name="remote"
          label={words.remote}
          options={facetOptions(
            facets.remote,
            (value, l) => words.remoteLabels[value as keyof typeof words.remoteLabels] ?? l,
          )}
          values={values}
          errors={errors}
          multiple
          inline
        />
        <TextField
          name="minHourlyPay"
          type="number"
          label={words.minHourlyPay}
          suffix={view.m.member.profile.yen}
          values={values}
          errors={errors}
        />
        {isMember && <Toggle name="fitsAvailability" label={words.fitsAvailability} values={values} />}
        {isMember && <Toggle name="includeInfeasible" label={words.showHidden} values={values} />}
      </details>
      <details
        class="filters"
        open={Boolean(values.text(`${NEAR}.name`) || errors[`${NEAR}.name`] || errors.within) || undefined}
      >
        <summary>{words.near}</summary>
        <p class="hint">{words.nearHint}</p>
        <PlaceFields
          view={view}
          prefix={NEAR}
          prefectures={props.prefectures}
          values={values}
          errors={errors}
        />
        <TextField name="centerTown" label={words.town} maxlength={40} values={values} errors={errors} />
        <SelectField
          name="within"
          label={words.within}
          placeholder={words.any}
          options={Object.entries(words.withinOptions).map(([value, label]) => ({ value, label }))}
          values={values}
          errors={errors}
        />
      </details>
      <SelectField
        name="sort"
        label={words.sort}
        placeholder={isMember ? undefined : words.sortDefault}
        options={Object.entries(words.sorts)
          .filter(([value]) => placeChosen || value !== 'distance')
          .map(([value, label]) => ({
            value,
            label: value === 'relevance' && !isMember ? words.visitorRelevance : label,
          }))}
        values={values}
        errors={errors}
      />
      <button type="submit" class="button wide">
        {words.search}
      </button>
    </form>
  );
}

/**
 * What her search left out and why, with the one tap that shows those roles too (each then says
 * what does not fit); or, while they are shown, the tap back to the roles that fit.
 */
function HiddenRoles(props: {
  view: View;
  result: JobSearchResult;
  filters: Record<string, string | string[]>;
}) {
  const { view, result, filters } = props;
  const words = view.m.member.jobs;
  if (view.actor?.role !== 'member' || result.ranking !== 'match') return null;
  if (filters.includeInfeasible) {
    const { includeInfeasible: _shown, ...fitting } = filters;
    return (
      <p class="hidden-roles">
        {words.showingHidden} <a href={pageLink(fitting, 0)}>{words.hideHidden}</a>
      </p>
    );
  }
  if (!result.hidden || result.hidden.total === 0) return null;
  return (
    <p class="hidden-roles">
      {result.hidden.summary}{' '}
      <a class="button secondary small" href={pageLink({ ...filters, includeInfeasible: 'true' }, 0)}>
        {words.showHidden}
      </a>
    </p>
  );
}

function Results(props: {
  view: View;
  result: JobSearchResult;
  filters: Record<string, string | string[]>;
  keeping?: CardKeeping | undefined;
}) {
  const { view, result } = props;
  const words = view.m.member.jobs;
  const from = result.offset + 1;
  const to = result.offset + result.items.length;
  return (
    <section aria-live="polite">
      {result.degraded && <p class="degraded">{words.degraded}</p>}
      {!view.actor && <p class="meta">{words.signInToRank}</p>}
      {understoodText(view, result) && (
        <p class="meta understood">{words.understood(understoodText(view, result) as string)}</p>
      )}
      <h2>{words.results(result.total)}</h2>
      <HiddenRoles view={view} result={result} filters={props.filters} />
      {result.items.length === 0 ? (
        <p class="empty">{words.noResults}</p>
      ) : (
        result.items.map((hit) => <JobCard view={view} hit={hit} keeping={props.keeping} />)
      )}
      {result.total > result.limit && (
        <nav class="pager" aria-label={view.m.pagination.of(from, to, result.total)}>
          {result.offset > 0 ? (
            <a href={pageLink(props.filters, Math.max(0, result.offset - result.limit))}>
              {view.m.pagination.previous}
            </a>
          ) : (
            <span />
          )}
          <span class="meta">{view.m.pagination.of(from, to, result.total)}</span>
          {to < result.total ? (
            <a href={pageLink(props.filters, result.offset + result.limit)}>{view.m.pagination.next}</a>
          ) : (
            <span />
          )}
        </nav>
      )}
    </section>
  );
}

/** Where she fills in her profile on her way to saying yes to this role, and comes back after. */
const profileFirstPath = (roleId: string) => `/me/profile?next=${encodeURIComponent(`/jobs/${roleId}`)}`;

function InterestPanel(props: {
  view: View;
  hit: JobHit;
  match: MatchView | undefined;
  hasProfile: boolean;
}) {
  const { view, hit, match } = props;
  const words = view.m.member.job;
  if (!view.actor) {
    return (
      <a class="button wide" href={`/sign-in?next=${encodeURIComponent(`/jobs/${hit.role.id}`)}`}>
        {words.signInFirst}
      </a>
    );
  }
  // The button is offered to whom the interest route admits.
  if (!admits(ACCESS.ownMatches, view.actor)) return null;
  if (!props.hasProfile) {
    // No dead end: the role is kept, the profile is asked for, and she comes back here after.
    return (
      <section class="card">
        <p>{words.profileFirst}</p>
        <a class="button wide" href={profileFirstPath(hit.role.id)}>
          {words.profileFirstButton}
        </a>
      </section>
    );
  }
  const open = !match || match.state === 'suggested' || match.state === 'withdrawn';
  return (
    <section class="card">
      {match && !open ? (
        <>
          <p>
            <span class="badge state">{words.alreadyInterested(view.m.matchStates[match.state])}</span>
          </p>
          <a href="/me/matches">{words.seeMatches}</a>
        </>
      ) : (
        <PostForm view={view} action={`/jobs/${hit.role.id}/interest`}>
          <p class="meta">{words.interestedHint}</p>
          <button type="submit" class="button wide">
            {words.interested}
          </button>
        </PostForm>
      )}
      <details>
        <summary>{words.block}</summary>
        <PostForm view={view} action="/me/privacy/block">
          <p class="meta">{words.blockHint}</p>
          <input type="hidden" name="organisationId" value={hit.role.organisation.id} />
          <SubmitButton label={words.block} secondary />
        </PostForm>
      </details>
    </section>
  );
}

function JobPage(props: {
  view: View;
  hit: JobHit;
  match: MatchView | undefined;
  hasProfile: boolean;
  keeping?: CardKeeping | undefined;
}) {
  const { view, hit } = props;
  const words = view.m.member.jobs;
  return (
    <>
      <p>
        <a href="/jobs">← {view.m.member.job.back}</a>
      </p>
      <h1>{hit.role.title}</h1>
      {hit.hometownNationalFirm && <HometownFirmBadge view={view} withHint />}
      <InterestedBadge view={view} roleId={hit.role.id} keeping={props.keeping} />
      <KeepButton view={view} roleId={hit.role.id} keeping={props.keeping} />
      <FactBadges view={view} facts={hit.role.facts} />
      {hit.match && (
        <section class="card">
          <h2>{words.whyFits}</h2>
          <p class="score">{words.score(Math.round(hit.match.score * 100))}</p>
          <ReasonList reasons={[...memberFacingReasons(hit.match), ...hit.match.notes]} />
        </section>
      )}
      {hit.infeasible && (
        <section class="card">
          <h2>{words.whyNot}</h2>
          <ul class="reasons">
            {hit.infeasible.violations.map((v) => (
              <li class="negative">{v.text}</li>
            ))}
          </ul>
        </section>
      )}
      <InterestPanel view={view} hit={hit} match={props.match} hasProfile={props.hasProfile} />
      <section class="card">
        <RoleDetails
          view={view}
          role={hit.role}
          distanceKm={hit.distanceKm}
          distancePrecision={hit.distancePrecision}
        />
      </section>
      <section class="card">
        <h2>{view.m.role.description}</h2>
        <p class="pre-line">{hit.role.description}</p>
      </section>
    </>
  );
}

export const jobPages = newPageRouter()
  .get('/jobs', async (c) => {
    const view = viewOf(c);
    const filters = filtersOf(c);
    const values = formValues(filters);
    const areas = c.var.services.areas;
    const asked = await apiQueryOf(filters, areas, view.m);
    const parsed = validate(
      JobSearchQuerySchema,
      { ...asked.query, lang: view.lang, limit: String(PAGE_SIZE) },
      view.m,
    );
    let errors: FieldErrors = {
      ...asked.errors,
      ...(parsed.ok ? {} : renameErrors(parsed.errors, pageField)),
    };
    const query: JobSearchQuery | undefined =
      parsed.ok && Object.keys(asked.errors).length === 0 ? parsed.value : undefined;
    let result: JobSearchResult | undefined;
    if (query) {
      try {
        result = await c.var.services.jobs.search(view.actor, query);
      } catch (error) {
        // A town not in the area, a range without a centre: said on the field she can fix.
        const refused = fieldErrorsOf(error, view.m);
        if (!refused) throw error;
        errors = { ...errors, ...renameErrors(refused, pageField) };
      }
    }
    const prefectures = await prefectureOptions(areas);
    // Every card's marks (kept, 応募済み) in one query for the whole page.
    const keeping: CardKeeping | undefined =
      result && view.actor?.role === 'member'
        ? {
            marks: await c.var.services.favourites.marks(
              view.actor,
              result.items.map((h) => h.role.id),
            ),
            returnTo: returnPathOf(c.req.url),
          }
        : undefined;
    return render(
      c,
      () => ({
        title: view.m.member.jobs.title,
        body: (
          <>
            <h1>{view.m.member.jobs.title}</h1>
            <SearchForm
              view={view}
              values={values}
              errors={errors}
              result={result}
              prefectures={prefectures}
            />
            {result && <Results view={view} result={result} filters={filters} keeping={keeping} />}
            {query && view.actor?.role === 'member' && (
              <SaveSearchForm view={view} query={canonicalQuery(query)} />
            )}
          </>
        ),
      }),
      Object.keys(errors).length === 0 ? 200 : 422,
    );
  })
  .get('/jobs/:id', async (c) => {
    const view = viewOf(c);
    const hit = await c.var.services.jobs.detail(view.actor, c.req.param('id'), view.lang);
    const isMember = view.actor?.role === 'member';
    const [mine, profile] = isMember
      ? await Promise.all([
          c.var.services.matches.mine(requireActor(c)),
          c.var.services.members.findMine(requireActor(c)),
        ])
      : [[], undefined];
    const match = mine.find((m) => m.roleId === hit.role.id);
    const keeping: CardKeeping | undefined = isMember
      ? {
          marks: await c.var.services.favourites.marks(view.actor, [hit.role.id]),
          returnTo: returnPathOf(c.req.url),
        }
      : undefined;
    return render(c, () => ({
      title: view.m.member.jobs.title,
      body: (
        <JobPage view={view} hit={hit} match={match} hasProfile={profile !== undefined} keeping={keeping} />
      ),
    }));
  })
  .post('/jobs/:id/interest', requirePage(ACCESS.ownMatches), async (c) => {
    const actor = requireActor(c);
    // Saying yes needs a profile a coordinator can check: send her there and back, not to an error.
    if (!(await c.var.services.members.findMine(actor)))
      return redirectWithNotice(c, profileFirstPath(c.req.param('id')), viewOf(c).m.member.job.profileFirst);
    await c.var.services.matches.expressInterest(actor, c.req.param('id'));
    return redirectWithNotice(c, '/me/matches', viewOf(c).m.member.job.interestSent);
  });
