/**
 * The member's own pages: home (her ranked work with the reasons), the profile editor and her
 * privacy settings. Home needs a profile; without one it invites her to write it.
 */

import { requireActor } from '../../http/env.ts';
import { type Option, PostForm, SubmitButton, Toggle } from '../../web/form.tsx';
import {
  changedFieldsOf,
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  validate,
  withValue,
} from '../../web/forms.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { onSitePath, redirectWithNotice, type View, viewOf } from '../../web/view.ts';
import { prefectureOptions } from '../areas/place-field.tsx';
import { NotificationPanel } from '../notifications/notification.pages.tsx';
import { JobCard } from '../search/job-card.tsx';
import type { JobSearchResult } from '../search/job-search.schemas.ts';
import { type MemberProfile, MemberProfileInputSchema } from './member.schemas.ts';
import { NEW_PROFILE_VALUES, ProfileForm, profileInputFrom, profileValues } from './profile-form.tsx';

const RECOMMENDED = 8;

function Home(props: {
  view: View;
  profile: MemberProfile | undefined;
  jobs: JobSearchResult | undefined;
  waiting: number;
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
        jobs.items.map((hit) => <JobCard view={view} hit={hit} />)
      )}
      <p>
        <a class="button secondary wide" href="/jobs">
          {words.seeAll}
        </a>
      </p>
    </>
  );
}

function PrivacyForm(props: { view: View; values: FormValues; blocked: { id: string; name: string }[] }) {
  const { view } = props;
  const words = view.m.member.privacy;
  return (
    <>
      <PostForm view={view} action="/me/privacy">
        <Toggle
          name="hideMunicipality"
          label={words.hideMunicipality}
          hint={words.hideMunicipalityHint}
          values={props.values}
        />
        <SubmitButton label={view.m.form.save} />
      </PostForm>
      <p>
        <a href="/me/data">{words.yourData}</a>
      </p>
      <h2>{words.blocked}</h2>
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
    </>
  );
}

const WAITING_STATES = new Set(['interested', 'under_review']);

export const profilePages = newPageRouter()
  .use('/home', requirePage('member'))
  .use('/me/*', requirePage('member'))
  .get('/home', async (c) => {
    const actor = requireActor(c);
    const { services } = c.var;
    const view = viewOf(c);
    const profile = await services.members.findMine(actor);
    const jobs = profile
      ? await services.jobs.recommendationsFor(profile, { lang: view.lang, limit: RECOMMENDED, offset: 0 })
      : undefined;
    const [matches, news] = await Promise.all([
      services.matches.mine(actor),
      services.notifications.unread(actor),
    ]);
    const waiting = matches.filter((match) => WAITING_STATES.has(match.state)).length;
    return render(c, () => ({
      title: view.m.member.home.title,
      body: (
        <>
          <NotificationPanel view={view} items={news} returnTo="/home" />
          <Home view={view} profile={profile} jobs={jobs} waiting={waiting} />
        </>
      ),
    }));
  })
  .get('/me/profile', async (c) => {
    const profile = await c.var.services.members.findMine(requireActor(c));
    const prefectures = await prefectureOptions(c.var.services.areas);
    // Where she came from (a role she wants to say yes to), to go back after saving.
    const next = onSitePath(c.req.query('next'));
    const values = formValues({
      ...(profile ? profileValues(profile) : NEW_PROFILE_VALUES),
      ...(next ? { next } : {}),
    });
    // Her area's towns as suggestions (the first 500 by name: a datalist filters as she types).
    const towns = profile
      ? (await c.var.services.areas.towns({ code: profile.area.code, limit: 500, offset: 0 })).items.map(
          (t) => t.name,
        )
      : [];
    return render(c, (view) => profilePage(view, values, {}, prefectures, towns));
  })
  .post('/me/profile', async (c) => {
    const actor = requireActor(c);
    const { services } = c.var;
    const view = viewOf(c);
    const values = await readForm(c);
    const saved = await services.members.findMine(actor);
    const built = await profileInputFrom(values, services.areas, view, saved);
    const again = async (errors: FieldErrors) => {
      const prefectures = await prefectureOptions(services.areas);
      return render(c, () => profilePage(view, values, errors, prefectures), 422);
    };
    const input = validate(MemberProfileInputSchema, built.input, view.m);
    const errors = { ...built.errors, ...(input.ok ? {} : built.placeErrors(input.errors)) };
    if (!input.ok || Object.keys(errors).length > 0) return again(errors);
    // The form of a saved profile sends the version it was drawn from; a tampered one asks for a reload.
    const expectedVersion = values.number('expectedVersion');
    if (expectedVersion !== undefined && !Number.isInteger(expectedVersion))
      return again({ expectedVersion: view.m.errors.invalidInput });
    try {
      await services.members.saveMine(
        actor,
        input.value,
        expectedVersion === undefined ? {} : { expectedVersion },
      );
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, view.m);
      if (fieldErrors) return again(built.placeErrors(fieldErrors));
      const changed = changedFieldsOf(error, view.m);
      if (changed) {
        // Her edit stays, the differing fields are marked; saving again overwrites knowingly.
        const current = (await services.members.findMine(actor)) as NonNullable<typeof saved>;
        const posted = withValue(values, 'expectedVersion', String(current.version));
        const prefectures = await prefectureOptions(services.areas);
        const marked = { expectedVersion: view.m.errors.changedMeanwhile, ...built.placeErrors(changed) };
        return render(c, () => profilePage(view, posted, marked, prefectures), 409);
      }
      throw error;
    }
    const next = onSitePath(values.text('next'));
    return next
      ? redirectWithNotice(c, next, view.m.member.job.backToJob)
      : redirectWithNotice(c, '/home', view.m.member.profile.saved);
  })
  .get('/me/privacy', async (c) => {
    const actor = requireActor(c);
    const profile = await c.var.services.members.findMine(actor);
    if (!profile) return redirectWithNotice(c, '/me/profile', viewOf(c).m.member.privacy.needProfile);
    const ids = profile.privacy.blockedOrganisationIds;
    const names = await c.var.services.organisations.namesOf(ids);
    const blocked = ids.map((id) => ({ id, name: names.get(id) ?? '—' }));
    return render(c, (view) => ({
      title: view.m.member.privacy.title,
      body: (
        <>
          <h1>{view.m.member.privacy.title}</h1>
          <PrivacyForm
            view={view}
            values={formValues({ hideMunicipality: profile.privacy.hideMunicipality })}
            blocked={blocked}
          />
        </>
      ),
    }));
  })
  .post('/me/privacy', async (c) => {
    const values = await readForm(c);
    await c.var.services.members.changePrivacy(requireActor(c), (privacy) => ({
      ...privacy,
      hideMunicipality: values.checked('hideMunicipality'),
    }));
    return redirectWithNotice(c, '/me/privacy', viewOf(c).m.member.privacy.saved);
  })
  .post('/me/privacy/block', async (c) => {
    const organisationId = (await readForm(c)).text('organisationId') ?? '';
    await c.var.services.members.changePrivacy(requireActor(c), (privacy) => ({
      ...privacy,
      blockedOrganisationIds: [...new Set([...privacy.blockedOrganisationIds, organisationId])],
    }));
    return redirectWithNotice(c, '/jobs', viewOf(c).m.member.job.blocked);
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
  towns: readonly string[] = [],
) {
  return {
    title: view.m.member.profile.title,
    body: (
      <>
        <h1>{view.m.member.profile.title}</h1>
        <ProfileForm view={view} values={values} errors={errors} prefectures={prefectures} towns={towns} />
        <p>
          <a href="/me/data">{view.m.member.privacy.yourData}</a>
        </p>
      </>
    ),
  };
}
