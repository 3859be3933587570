/**
 * The member's own pages: home (her ranked work with the reasons), the profile editor and her
 * privacy settings. Home needs a profile; without one it invites her to write it.
 */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import { type AppEnv, requireActor } from '../../http/env.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  type Option,
  PostForm,
  SubmitButton,
  TextField,
  Toggle,
} from '../../web/form-fields.tsx';
import {
  changedFieldsOf,
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  validate,
  withValue,
} from '../../web/form-input.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { onSitePath, redirectWithNotice, type View, viewOf } from '../../web/view.ts';
import { prefectureOptions } from '../areas/place-field.tsx';
import type { CardKeeping } from '../favourites/keep-button.tsx';
import { MeetingTeaser } from '../meetings/meeting.pages.tsx';
import { NoticeList } from '../notices/notice.pages.tsx';
import { NotificationPanel } from '../notifications/notification.pages.tsx';
import { JobCard } from '../search/job-card.tsx';
import type { JobSearchResult } from '../search/job-search.schemas.ts';
import { SensitiveInputSchema } from '../sensitive/sensitive.ts';
import { ACCESS } from '../shared/access.ts';
import { type MemberProfile, MemberProfileInputSchema } from './member.schemas.ts';
import { ProfileForm, type ProfileFormMode } from './profile-form.tsx';
import { NEW_PROFILE_VALUES, profileInputFrom, profileValues } from './profile-form-values.ts';
import {
  errorsIn,
  firstSectionWithErrors,
  GUIDED_STEPS,
  nextGuidedStep,
  PROFILE_SECTIONS,
  type ProfileSection,
  profileSection,
} from './profile-sections.ts';

const RECOMMENDED = 8;

/** The parts of a profile that sharpen her matches, each with what leaving it out costs her. */
const PROFILE_PARTS: readonly {
  key: keyof View['m']['member']['home']['completeness']['parts'];
  section: ProfileSection;
  done: (p: MemberProfile) => boolean;
}[] = [
  { key: 'careLimits', section: 'week', done: (p) => (p.availability.careLimits ?? []).length > 0 },
  {
    key: 'childCare',
    section: 'children',
    done: (p) => p.children.length === 0 || p.children.every((c) => c.care),
  },
  { key: 'homeTown', section: 'place', done: (p) => Boolean(p.homeTown) },
  { key: 'skills', section: 'wishes', done: (p) => p.skills.length > 0 },
  { key: 'qualifications', section: 'wishes', done: (p) => p.qualifications.length > 0 },
  { key: 'pay', section: 'wishes', done: (p) => Boolean(p.pay.wish ?? p.pay.floor) },
  { key: 'direction', section: 'wishes', done: (p) => (p.direction?.desiredCategories ?? []).length > 0 },
];

/** How complete her profile is, and the (at most three) missing parts that would help her most. */
function ProfileCompleteness(props: { view: View; profile: MemberProfile }) {
  const { view, profile } = props;
  const words = view.m.member.home.completeness;
  const missing = PROFILE_PARTS.filter((part) => !part.done(profile));
  if (missing.length === 0) return null;
  const percent = Math.round((100 * (PROFILE_PARTS.length - missing.length)) / PROFILE_PARTS.length);
  return (
    <section class="card completeness" aria-labelledby="completeness">
      <h2 id="completeness">{words.title(percent)}</h2>
      <ul>
        {missing.slice(0, 3).map((part) => (
          <li>
            <a href={`/me/profile?section=${part.section}#section-${part.section}`}>
              {words.parts[part.key]}
            </a>
          </li>
        ))}
      </ul>
      <a class="button secondary small" href="/me/profile">
        {words.edit}
      </a>
    </section>
  );
}

function Home(props: {
  view: View;
  profile: MemberProfile | undefined;
  jobs: JobSearchResult | undefined;
  waiting: number;
  keeping?: CardKeeping | undefined;
}) {
  const { view, profile, jobs } = props;
  const words = view.m.member.home;
  if (!profile || !jobs) {
    return (
      <section class="hero">
        <h1>{words.noProfile}</h1>
        <p>{words.noProfileBody}</p>
        <a class="button" href="/me/profile">
          {words.startProfile}
        </a>
      </section>
    );
  }
  return (
    <>
      <h1>{words.greeting(profile.givenName)}</h1>
      <ProfileCompleteness view={view} profile={profile} />
      {profile.targetAreas.length > 0 && (
        <p class="notice">
          <a href="/me/moves">{words.moveLink(profile.targetAreas.map((t) => t.name).join('・'))}</a>
        </p>
      )}
      {props.waiting > 0 && (
        <p class="notice">
          <a href="/me/matches">{words.waiting(props.waiting)}</a>
        </p>
      )}
      <h2>{words.forYou}</h2>
      <p class="meta">{words.forYouHint}</p>
      {jobs.items.length === 0 ? (
        <p class="empty">{words.none}</p>
      ) : (
        jobs.items.map((hit) => <JobCard view={view} hit={hit} keeping={props.keeping} />)
      )}
      <p>
        <a class="button secondary wide" href="/jobs">
          {words.seeAll}
        </a>
      </p>
    </>
  );
}

/** Her family situation and DV protection, shared only with her consent, as it stands. */
type SensitiveShared = Awaited<ReturnType<AppEnv['Variables']['services']['sensitive']['mine']>> | undefined;

function PrivacyForm(props: {
  view: View;
  values: FormValues;
  blocked: { id: string; name: string }[];
  search: { words: string; found: { id: string; name: string }[] };
  sensitive: SensitiveShared;
  sensitiveForm?: { values: FormValues; errors: FieldErrors };
}) {
  const { view, search } = props;
  const words = view.m.member.privacy;
  const blockedIds = new Set(props.blocked.map((b) => b.id));
  const sensitiveValues =
    props.sensitiveForm?.values ??
    formValues({
      familySituation: props.sensitive?.familySituation ?? '',
      dvSupportNeeded: props.sensitive?.dvSupportNeeded ?? false,
      dvNotes: props.sensitive?.dvNotes ?? '',
    });
  const sensitiveErrors = props.sensitiveForm?.errors ?? {};
  return (
    <>
      <section class="card" aria-labelledby="who-sees">
        <h2 id="who-sees">{words.whoSees}</h2>
        <ul>
          {words.whoSeesItems.map((item) => (
            <li>{item}</li>
          ))}
        </ul>
      </section>
      <PostForm view={view} action="/me/privacy">
        <Toggle
          name="hideMunicipality"
          label={words.hideMunicipality}
          hint={words.hideMunicipalityHint}
          values={props.values}
        />
        <SubmitButton label={view.m.form.save} />
      </PostForm>
      <h2 id="blocked">{words.blocked}</h2>
      <p class="hint">{words.blockedHint}</p>
      <form method="get" action="/me/privacy#blocked" class="card" aria-label={words.findEmployer}>
        <TextField
          name="organisation"
          type="search"
          label={words.findEmployer}
          maxlength={40}
          values={formValues({ organisation: search.words })}
          errors={{}}
        />
        <button type="submit" class="button secondary">
          {words.find}
        </button>
      </form>
      {search.words && search.found.length === 0 && <p class="meta">{words.noneFound}</p>}
      {search.found.length > 0 && (
        <ul class="list">
          {search.found.map((organisation) => (
            <li class="card">
              <span class="card-title">{organisation.name}</span>
              {blockedIds.has(organisation.id) ? (
                <span class="meta"> {words.alreadyBlocked}</span>
              ) : (
                <PostForm view={view} action="/me/privacy/block" class="inline">
                  <input type="hidden" name="organisationId" value={organisation.id} />
                  <input type="hidden" name="back" value="privacy" />
                  <SubmitButton label={view.m.member.job.block} secondary />
                </PostForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.blocked.length === 0 ? (
        <p class="empty">{words.blockedNone}</p>
      ) : (
        <ul class="list">
          {props.blocked.map((organisation) => (
            <li class="card">
              <span class="card-title">{organisation.name}</span>
              <PostForm view={view} action="/me/privacy/unblock" class="inline">
                <input type="hidden" name="organisationId" value={organisation.id} />
                <SubmitButton label={words.unblock} secondary />
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <section class="card sensitive" aria-labelledby="sensitive">
        <h2 id="sensitive">{words.sensitiveHeading}</h2>
        <p>{words.sensitiveLead}</p>
        <p class="degraded">{words.sharedPhoneWarning}</p>
        {props.sensitive && <p class="meta">{words.sharedOn(view.m.date(props.sensitive.updatedAt))}</p>}
        <ErrorSummary view={view} errors={sensitiveErrors} />
        <PostForm view={view} action="/me/privacy/sensitive">
          <TextField
            name="familySituation"
            label={words.familySituation}
            hint={words.familySituationHint}
            maxlength={2000}
            multiline
            values={sensitiveValues}
            errors={sensitiveErrors}
          />
          <Toggle
            name="dvSupportNeeded"
            label={words.dvSupportNeeded}
            hint={words.dvHint}
            values={sensitiveValues}
          />
          <TextField
            name="dvNotes"
            label={words.dvNotes}
            maxlength={2000}
            multiline
            values={sensitiveValues}
            errors={sensitiveErrors}
          />
          <ChoiceGroup
            name="consent"
            label={words.consentLegend}
            options={[{ value: 'yes', label: words.consent }]}
            values={sensitiveValues}
            errors={sensitiveErrors}
            multiple
          />
          <SubmitButton label={words.shareSensitive} />
        </PostForm>
        {props.sensitive && (
          <PostForm view={view} action="/me/privacy/sensitive/delete">
            <p class="hint">{words.withdrawHint}</p>
            <SubmitButton label={words.withdrawSensitive} secondary />
          </PostForm>
        )}
      </section>
      <p>
        <a href="/me/data">{words.yourData}</a>
      </p>
    </>
  );
}

const WAITING_STATES = new Set(['interested', 'under_review']);

export const profilePages = newPageRouter()
  .use('/home', requirePage(ACCESS.ownProfile))
  // Her profile and privacy pages only: every other /me/… page names its own action's rule.
  .use('/me/profile', requirePage(ACCESS.ownProfile))
  .use('/me/privacy', requirePage(ACCESS.ownProfile))
  .use('/me/privacy/*', requirePage(ACCESS.ownProfile))
  .get('/home', async (c) => {
    const actor = requireActor(c);
    const { services } = c.var;
    const view = viewOf(c);
    const profile = await services.members.findMine(actor);
    const jobs = profile
      ? await services.jobs.recommendationsFor(profile, { lang: view.lang, limit: RECOMMENDED, offset: 0 })
      : undefined;
    const [matches, news, notices, meetings, marks] = await Promise.all([
      services.matches.mine(actor),
      services.notifications.unread(actor),
      services.notices.mine(actor),
      services.meetings.mine(actor),
      services.favourites.marks(
        actor,
        (jobs?.items ?? []).map((h) => h.role.id),
      ),
    ]);
    const waiting = matches.filter((match) => WAITING_STATES.has(match.state)).length;
    return render(c, () => ({
      title: view.m.member.home.title,
      body: (
        <>
          <NotificationPanel view={view} items={news} returnTo="/home" />
          <NoticeList view={view} items={notices} />
          <Home
            view={view}
            profile={profile}
            jobs={jobs}
            waiting={waiting}
            keeping={{ marks, returnTo: '/home' }}
          />
          <MeetingTeaser view={view} items={meetings} />
        </>
      ),
    }));
  })
  .get('/me/profile', async (c) => {
    const { services } = c.var;
    const profile = await services.members.findMine(requireActor(c));
    const prefectures = await prefectureOptions(services.areas);
    // Where she came from (a role she wants to say yes to), to go back after saving.
    const next = onSitePath(c.req.query('next'));
    const values = formValues({
      ...(profile ? profileValues(profile) : NEW_PROFILE_VALUES),
      ...(next ? { next } : {}),
    });
    // Her area's towns as suggestions (the first 500 by name: a datalist filters as she types).
    const towns = profile
      ? (await services.areas.towns({ code: profile.area.code, limit: 500, offset: 0 })).items.map(
          (t) => t.name,
        )
      : [];
    const asked = profileSection(c.req.query('step'));
    // Without a profile she always starts at the beginning of the first run.
    const mode: ProfileFormMode =
      !profile || (asked && GUIDED_STEPS.includes(asked))
        ? { kind: 'step', step: profile ? (asked ?? 'place') : 'place', saved: Boolean(profile) }
        : overviewMode(profile, viewOf(c), profileSection(c.req.query('section')));
    return render(c, (v) => profilePage(v, values, {}, prefectures, mode, towns));
  })
  .post('/me/profile', async (c) => {
    const actor = requireActor(c);
    const { services } = c.var;
    const view = viewOf(c);
    const values = await readForm(c);
    const saved = await services.members.findMine(actor);
    const step = profileSection(values.text('guided'));
    const built = await profileInputFrom(values, services.areas, view, saved);
    const again = async (errors: FieldErrors, mode: ProfileFormMode, status: 200 | 422 = 422) => {
      const prefectures = await prefectureOptions(services.areas);
      return render(c, () => profilePage(view, values, errors, prefectures, mode), status);
    };
    const input = validate(MemberProfileInputSchema, built.input, view.m);
    const errors = { ...built.errors, ...(input.ok ? {} : built.placeErrors(input.errors)) };
    if (step) {
      // A step shows only its own problems; the steps she has not reached yet are simply not done.
      const reached = GUIDED_STEPS.slice(0, GUIDED_STEPS.indexOf(step) + 1);
      const wrong = firstSectionWithErrors(errors, reached);
      if (wrong) return again(errorsIn(errors, wrong), { kind: 'step', step: wrong, saved: Boolean(saved) });
      const following = nextGuidedStep(step);
      if (!input.ok || Object.keys(errors).length > 0) {
        if (following && !saved) return again({}, { kind: 'step', step: following, saved: false }, 200);
        return again(errors, overviewMode(saved, view));
      }
    } else if (!input.ok || Object.keys(errors).length > 0) {
      return again(errors, overviewMode(saved, view));
    }
    if (!input.ok) return again(errors, overviewMode(saved, view));
    // The form of a saved profile sends the version it was drawn from; a tampered one asks for a reload.
    const expectedVersion = values.number('expectedVersion');
    if (expectedVersion !== undefined && !Number.isInteger(expectedVersion))
      return again({ expectedVersion: view.m.errors.invalidInput }, overviewMode(saved, view));
    try {
      await services.members.saveMine(
        actor,
        input.value,
        expectedVersion === undefined ? {} : { expectedVersion },
      );
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, view.m);
      if (fieldErrors) return again(built.placeErrors(fieldErrors), overviewMode(saved, view));
      const changed = changedFieldsOf(error, view.m);
      if (changed) {
        // Her edit stays, the differing fields are marked; saving again overwrites knowingly.
        const current = (await services.members.findMine(actor)) as NonNullable<typeof saved>;
        const posted = withValue(values, 'expectedVersion', String(current.version));
        const prefectures = await prefectureOptions(services.areas);
        const marked = { expectedVersion: view.m.errors.changedMeanwhile, ...built.placeErrors(changed) };
        return render(
          c,
          () => profilePage(view, posted, marked, prefectures, overviewMode(current, view)),
          409,
        );
      }
      throw error;
    }
    const next = onSitePath(values.text('next'));
    // Saying yes to a role needs only where she is and her week: back to the role at once.
    if (next) return redirectWithNotice(c, next, view.m.member.job.backToJob);
    const following = step && nextGuidedStep(step);
    if (following) return c.redirect(`/me/profile?step=${following}`, 303);
    return redirectWithNotice(c, '/home', view.m.member.profile.saved);
  })
  .get('/me/privacy', (c) => showPrivacy(c))
  .post('/me/privacy', async (c) => {
    const values = await readForm(c);
    await c.var.services.members.changePrivacy(requireActor(c), (privacy) => ({
      ...privacy,
      hideMunicipality: values.checked('hideMunicipality'),
    }));
    return redirectWithNotice(c, '/me/privacy', viewOf(c).m.member.privacy.saved);
  })
  .post('/me/privacy/block', async (c) => {
    const values = await readForm(c);
    const organisationId = values.text('organisationId') ?? '';
    await c.var.services.members.changePrivacy(requireActor(c), (privacy) => ({
      ...privacy,
      blockedOrganisationIds: [...new Set([...privacy.blockedOrganisationIds, organisationId])],
    }));
    const back = values.text('back') === 'privacy' ? '/me/privacy#blocked' : '/jobs';
    return redirectWithNotice(c, back, viewOf(c).m.member.job.blocked);
  })
  .post('/me/privacy/sensitive', async (c) => {
    const values = await readForm(c);
    const view = viewOf(c);
    const input = validate(
      SensitiveInputSchema,
      {
        consent: values.all('consent').includes('yes') ? true : undefined,
        ...(values.text('familySituation')?.trim()
          ? { familySituation: values.text('familySituation') }
          : {}),
        dvSupportNeeded: values.checked('dvSupportNeeded'),
        ...(values.text('dvNotes')?.trim() ? { dvNotes: values.text('dvNotes') } : {}),
      },
      view.m,
    );
    if (!input.ok) {
      const errors = { ...input.errors };
      if (errors.consent) errors.consent = view.m.member.privacy.consentRequired;
      return showPrivacy(c, { values, errors }, 422);
    }
    await c.var.services.sensitive.share(requireActor(c), input.value);
    return redirectWithNotice(c, '/me/privacy#sensitive', view.m.member.privacy.sensitiveSaved);
  })
  .post('/me/privacy/sensitive/delete', async (c) => {
    await c.var.services.sensitive.withdraw(requireActor(c));
    return redirectWithNotice(c, '/me/privacy#sensitive', viewOf(c).m.member.privacy.sensitiveWithdrawn);
  })
  .post('/me/privacy/unblock', async (c) => {
    const organisationId = (await readForm(c)).text('organisationId') ?? '';
    await c.var.services.members.changePrivacy(requireActor(c), (privacy) => ({
      ...privacy,
      blockedOrganisationIds: privacy.blockedOrganisationIds.filter((id) => id !== organisationId),
    }));
    return redirectWithNotice(c, '/me/privacy', viewOf(c).m.member.privacy.saved);
  });

function profilePage(
  view: View,
  values: FormValues,
  errors: FieldErrors,
  prefectures: Option[],
  mode: ProfileFormMode,
  towns: readonly string[] = [],
) {
  const words = view.m.member.profile;
  const firstRun = mode.kind === 'step' && !mode.saved;
  return {
    title: firstRun ? words.firstRunTitle : words.title,
    body: (
      <>
        <h1>{firstRun ? words.firstRunTitle : words.title}</h1>
        <p class="lead">
          {firstRun ? words.firstRunLead : mode.kind === 'overview' ? words.overviewLead : ''}
        </p>
        <ProfileForm
          view={view}
          values={values}
          errors={errors}
          prefectures={prefectures}
          towns={towns}
          mode={mode}
        />
        <p>
          <a href="/me/data">{view.m.member.privacy.yourData}</a>
        </p>
      </>
    ),
  };
}

/** The profile with every section folded, one line saying what each holds, `open` unfolded. */
function overviewMode(
  profile: MemberProfile | undefined,
  view: View,
  open?: ProfileSection,
): ProfileFormMode {
  const words = view.m.member.profile.summary;
  const summaries: Partial<Record<ProfileSection, string>> = profile
    ? {
        place: words.place(
          profile.homeTown ? `${profile.area.name} ${profile.homeTown}` : profile.area.name,
          profile.commute.maxMinutes,
        ),
        week: words.week(
          new Set(profile.availability.windows.map((w) => w.day)).size,
          profile.availability.maxHoursPerWeek,
        ),
        children: words.children(profile.children.length),
        wishes: words.wishes(
          profile.skills.length,
          profile.qualifications.length + (profile.otherQualifications?.length ?? 0),
        ),
        resume: words.resume(profile.resume.work.length, profile.resume.shareAtIntroduction),
      }
    : {};
  // Nothing saved yet (a first run that went wrong): everything open, nothing hidden from her.
  return {
    kind: 'overview',
    open: new Set(profile ? (open ? [open] : []) : PROFILE_SECTIONS),
    summaries,
  };
}

/** Her privacy page: who sees what, her town hidden or not, blocked employers, what she shared. */
async function showPrivacy(
  c: Context<AppEnv>,
  sensitiveForm?: { values: FormValues; errors: FieldErrors },
  status: 200 | 422 = 200,
) {
  const actor = requireActor(c);
  const { services } = c.var;
  const profile = await services.members.findMine(actor);
  if (!profile) return redirectWithNotice(c, '/me/profile', viewOf(c).m.member.privacy.needProfile);
  const ids = profile.privacy.blockedOrganisationIds;
  const searchWords = (c.req.query('organisation') ?? '').trim().slice(0, 40);
  const [names, found, sensitive] = await Promise.all([
    services.organisations.namesOf(ids),
    services.organisations.findByName(searchWords),
    services.sensitive.mine(actor).catch((error) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    }),
  ]);
  const blocked = ids.map((id) => ({ id, name: names.get(id) ?? '—' }));
  return render(
    c,
    (view) => ({
      title: view.m.member.privacy.title,
      body: (
        <>
          <h1>{view.m.member.privacy.title}</h1>
          <PrivacyForm
            view={view}
            values={formValues({ hideMunicipality: profile.privacy.hideMunicipality })}
            blocked={blocked}
            search={{ words: searchWords, found }}
            sensitive={sensitive}
            {...(sensitiveForm ? { sensitiveForm } : {})}
          />
        </>
      ),
    }),
    status,
  );
}
