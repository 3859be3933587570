/**
 * The employer's organisation: registering it (one per account), then seeing and editing it,
 * with its verification state said in plain words — roles can be published once a coordinator
 * has checked it. The head office is chosen by prefecture and typed municipality name.
 */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import {
  ChoiceGroup,
  ErrorSummary,
  type Option,
  PostForm,
  SubmitButton,
  TextField,
} from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  renameErrors,
  validate,
} from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import {
  PlaceFields,
  placeValues,
  prefectureOptions,
  resolvePlace,
  typedPlace,
} from '../areas/place-field.tsx';
import type { Actor } from '../auth/actor.ts';
import { ACCESS } from '../shared/access.ts';
import { type Organisation, OrganisationInputSchema } from './organisation.schemas.ts';

const HEAD_OFFICE = 'headOffice';

function organisationValues(organisation: Organisation): FormValues {
  return formValues({
    name: organisation.name,
    nameKana: organisation.nameKana,
    scale: organisation.scale,
    corporateNumber: organisation.corporateNumber,
    description: organisation.description,
    website: organisation.website,
    ...placeValues(HEAD_OFFICE, organisation.headOffice),
  });
}

/** Schema messages said for her: the corporate number and the web address have a shape to explain. */
function explain(errors: FieldErrors, m: View['m']): FieldErrors {
  const words = m.employer.organisation;
  const explained = renameErrors(errors, (name) =>
    name === 'headOfficeAreaCode' ? `${HEAD_OFFICE}.name` : name,
  );
  if (explained.corporateNumber) explained.corporateNumber = words.corporateNumberFormat;
  if (explained.website) explained.website = words.websiteFormat;
  return explained;
}

function VerificationCard(props: { view: View; organisation: Organisation }) {
  const { view, organisation } = props;
  const words = view.m.employer.organisation;
  const { state, verifiedAt } = organisation.verification;
  const badge = state === 'verified' ? 'verified' : state === 'rejected' ? 'bad' : 'warn';
  return (
    <section class="card verification" aria-labelledby="verification">
      <h2 id="verification">{words.verificationHeading}</h2>
      <p>
        <span class={`badge ${badge}`}>{words.badge[state]}</span>
      </p>
      <p>{words.verification[state]}</p>
      {state === 'verified' && verifiedAt && <p class="meta">{words.verifiedOn(view.m.date(verifiedAt))}</p>}
      <p>
        <a href="/employer/roles">{words.goToRoles}</a>
      </p>
    </section>
  );
}

function OrganisationForm(props: {
  view: View;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Option[];
  organisation: Organisation | undefined;
}) {
  const { view, values, errors, organisation } = props;
  const words = view.m.employer.organisation;
  const field = { values, errors };
  return (
    <>
      {organisation ? (
        <>
          <h1>{words.title}</h1>
          <VerificationCard view={view} organisation={organisation} />
          <section class="card" aria-labelledby="branches">
            <h2 id="branches">{view.m.employer.branches.title}</h2>
            <p>{view.m.employer.branches.cardLead}</p>
            <p>
              <a href="/employer/branches">{view.m.employer.branches.manage}</a>
            </p>
          </section>
        </>
      ) : (
        <section class="hero">
          <h1>{words.registerTitle}</h1>
          <p>{words.registerLead}</p>
        </section>
      )}
      <section class="card">
        <ErrorSummary view={view} errors={errors} />
        <PostForm view={view} action="/employer/organisation">
          <TextField
            name="name"
            label={words.name}
            autocomplete="organization"
            maxlength={100}
            required
            {...field}
          />
          <TextField
            name="nameKana"
            label={words.nameKana}
            hint={words.nameKanaHint}
            maxlength={100}
            {...field}
          />
          <ChoiceGroup
            name="scale"
            label={words.scale}
            options={[
              { value: 'local', label: words.scaleLocal },
              { value: 'national', label: words.scaleNational },
            ]}
            required
            {...field}
          />
          <TextField
            name="corporateNumber"
            type="number"
            label={words.corporateNumber}
            hint={words.corporateNumberHint}
            maxlength={13}
            {...field}
          />
          <fieldset>
            <legend>{words.headOffice}</legend>
            <PlaceFields
              view={view}
              prefix={HEAD_OFFICE}
              prefectures={props.prefectures}
              required
              {...field}
            />
          </fieldset>
          <TextField
            name="description"
            label={words.description}
            hint={words.descriptionHint}
            maxlength={2000}
            multiline
            {...field}
          />
          <TextField
            name="website"
            type="text"
            inputmode="text"
            label={words.website}
            hint={words.websiteHint}
            {...field}
          />
          {organisation && <p class="hint">{words.identityHint}</p>}
          <div class="actions">
            <SubmitButton label={organisation ? view.m.form.save : words.register} />
          </div>
        </PostForm>
      </section>
    </>
  );
}

const actorOf = (c: Context<AppEnv>) => c.get('actor') as Actor;

export const organisationPages = newPageRouter()
  .use('/employer/organisation', requirePage(ACCESS.ownOrganisation))
  .get('/employer/organisation', async (c) => {
    const actor = actorOf(c);
    const organisation = actor.organisationId ? await c.var.services.organisations.mine(actor) : undefined;
    const prefectures = await prefectureOptions(c.var.services.areas);
    const values = organisation ? organisationValues(organisation) : formValues({ scale: 'local' });
    return render(c, (view) => ({
      title: organisation ? view.m.employer.organisation.title : view.m.employer.organisation.registerTitle,
      body: (
        <OrganisationForm
          view={view}
          values={values}
          errors={{}}
          prefectures={prefectures}
          organisation={organisation}
        />
      ),
    }));
  })
  .post('/employer/organisation', async (c) => {
    const actor = actorOf(c);
    const m = messagesOf(c);
    const values = await readForm(c);
    const organisation = actor.organisationId ? await c.var.services.organisations.mine(actor) : undefined;
    const prefectures = await prefectureOptions(c.var.services.areas);
    const again = (errors: FieldErrors) =>
      render(
        c,
        (view) => ({
          title: organisation
            ? view.m.employer.organisation.title
            : view.m.employer.organisation.registerTitle,
          body: (
            <OrganisationForm
              view={view}
              values={values}
              errors={errors}
              prefectures={prefectures}
              organisation={organisation}
            />
          ),
        }),
        422,
      );

    const place = await resolvePlace(c.var.services.areas, m, HEAD_OFFICE, typedPlace(values, HEAD_OFFICE));
    const optional = (name: string) => values.text(name)?.trim() || undefined;
    const corporateNumber = optional('corporateNumber');
    const input = validate(
      OrganisationInputSchema,
      {
        name: values.text('name') ?? '',
        nameKana: optional('nameKana'),
        scale: values.text('scale') || undefined,
        // Digits typed full-width by an IME are still the number.
        corporateNumber: corporateNumber?.replace(/[０-９]/g, (d) =>
          String.fromCharCode(d.charCodeAt(0) - 0xfee0),
        ),
        headOfficeAreaCode: place.ok ? place.area.code : '000000',
        description: values.text('description') ?? '',
        website: optional('website'),
      },
      m,
    );
    const errors: FieldErrors = place.ok ? {} : { [place.field]: place.error };
    if (!input.ok)
      for (const [name, message] of Object.entries(explain(input.errors, m))) errors[name] ??= message;
    if (!input.ok || !place.ok) return again(errors);

    try {
      if (organisation) {
        await c.var.services.organisations.updateMine(actor, input.value);
        return redirectWithNotice(c, '/employer/organisation', m.employer.organisation.saved);
      }
      await c.var.services.organisations.register(actor, input.value);
      return redirectWithNotice(c, '/employer/organisation', m.employer.organisation.registered);
    } catch (error) {
      if (error instanceof AppError && error.code === 'organisation_exists')
        return again({ name: m.employer.organisation.exists });
      const fieldErrors = fieldErrorsOf(error, m);
      if (fieldErrors) return again(explain(fieldErrors, m));
      throw error;
    }
  });
