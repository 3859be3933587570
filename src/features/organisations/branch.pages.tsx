/**
 * The employer's branches (拠点) on the web: the list with whether members see the organisation as
 * a 全国企業, a form to add one, a page to change one, and a button to delete one. Handlers are
 * thin: read the form, validate it with the API's schema, call the branch service, show the form
 * again with its errors (422) or redirect with a notice.
 */
import { notFound } from '../../errors.ts';
import { requireActor } from '../../http/env.ts';
import { ErrorSummary, type Option, PostForm, SubmitButton, TextField } from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  noValues,
  readForm,
  renameErrors,
  validate,
} from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import type { AreaService } from '../areas/area.service.ts';
import {
  PlaceFields,
  placeValues,
  prefectureOptions,
  resolvePlace,
  typedPlace,
} from '../areas/place-field.tsx';
import { ACCESS } from '../shared/access.ts';
import { type Branch, type BranchInput, BranchInputSchema, type BranchList } from './branch.schemas.ts';

const PLACE = 'area';

type ReadBranch = { ok: true; value: BranchInput } | { ok: false; errors: FieldErrors };

/** The posted branch form as a BranchInput, validated with the API's schema. */
async function readBranchForm(values: FormValues, m: View['m'], areas: AreaService): Promise<ReadBranch> {
  const place = await resolvePlace(areas, m, PLACE, typedPlace(values, PLACE));
  const address = values.text('address')?.trim() || undefined;
  const input = validate(
    BranchInputSchema,
    { name: values.text('name') ?? '', areaCode: place.ok ? place.area.code : '000000', address },
    m,
  );
  const errors: FieldErrors = place.ok ? {} : { [place.field]: place.error };
  if (!input.ok) for (const [name, message] of Object.entries(placed(input.errors))) errors[name] ??= message;
  return input.ok && place.ok ? { ok: true, value: input.value } : { ok: false, errors };
}

/** A service's refusal of the area or town, by the fields they were typed in. */
const placed = (errors: FieldErrors) =>
  renameErrors(errors, (name) =>
    name === 'areaCode' ? `${PLACE}.name` : name === 'town' ? 'address' : name,
  );

function BranchFields(props: { view: View; values: FormValues; errors: FieldErrors; prefectures: Option[] }) {
  const words = props.view.m.employer.branches;
  const field = { values: props.values, errors: props.errors };
  return (
    <>
      <TextField name="name" label={words.name} hint={words.nameHint} maxlength={60} required {...field} />
      <PlaceFields view={props.view} prefix={PLACE} prefectures={props.prefectures} required {...field} />
      <TextField name="address" label={words.address} hint={words.addressHint} maxlength={120} {...field} />
    </>
  );
}

function BranchItem(props: { view: View; branch: Branch }) {
  const { view, branch } = props;
  const words = view.m.employer.branches;
  const id = encodeURIComponent(branch.id);
  return (
    <li class="card branch">
      <p class="card-title">{branch.name}</p>
      <p class="meta">
        {branch.area.prefecture} {branch.area.name}
        {branch.address && ` ${branch.address}`}
      </p>
      <p>
        <a class="button secondary small" href={`/employer/branches/${id}`}>
          {words.change}
        </a>
      </p>
      <PostForm view={view} action={`/employer/branches/${id}/delete`} class="inline">
        <SubmitButton label={words.remove} secondary />
      </PostForm>
    </li>
  );
}

function BranchesPage(props: {
  view: View;
  list: BranchList;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Option[];
  minPrefectures: number;
}) {
  const { view, list } = props;
  const words = view.m.employer.branches;
  return (
    <>
      <h1>{words.title}</h1>
      <p>{words.lead}</p>
      <p class={list.nationalFirm ? 'notice national-firm' : 'meta'}>
        {list.nationalFirm ? (
          <span class="badge verified">{view.m.member.jobs.hometownNationalFirm}</span>
        ) : null}{' '}
        {list.nationalFirm ? words.national : words.notNational(props.minPrefectures)}
      </p>
      {list.items.length === 0 ? (
        <p class="empty">{words.empty}</p>
      ) : (
        <>
          <p class="meta">{words.count(list.items.length, list.prefectures)}</p>
          <ul class="list">
            {list.items.map((branch) => (
              <BranchItem view={view} branch={branch} />
            ))}
          </ul>
        </>
      )}
      <section class="card" aria-labelledby="add-branch">
        <h2 id="add-branch">{words.add}</h2>
        <ErrorSummary view={view} errors={props.errors} />
        <PostForm view={view} action="/employer/branches">
          <BranchFields
            view={view}
            values={props.values}
            errors={props.errors}
            prefectures={props.prefectures}
          />
          <SubmitButton label={words.add} />
        </PostForm>
      </section>
      <p>
        <a href="/employer/roles">{view.m.employer.organisation.goToRoles}</a>
      </p>
    </>
  );
}

function BranchEditPage(props: {
  view: View;
  branch: Branch;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Option[];
}) {
  const { view, branch } = props;
  const words = view.m.employer.branches;
  return (
    <>
      <h1>{branch.name}</h1>
      <section class="card">
        <ErrorSummary view={view} errors={props.errors} />
        <PostForm view={view} action={`/employer/branches/${encodeURIComponent(branch.id)}`}>
          <BranchFields
            view={view}
            values={props.values}
            errors={props.errors}
            prefectures={props.prefectures}
          />
          <SubmitButton label={words.change} />
        </PostForm>
      </section>
      <p>
        <a href="/employer/branches">{words.title}</a>
      </p>
    </>
  );
}

function branchValues(branch: Branch): FormValues {
  return formValues({
    name: branch.name,
    address: branch.address,
    ...placeValues(PLACE, { code: branch.area.code, name: branch.area.name }),
    [`${PLACE}.prefCode`]: branch.area.prefCode,
  });
}

export const branchPages = newPageRouter()
  .use('/employer/branches', requirePage(ACCESS.ownOrganisation))
  .use('/employer/branches/*', requirePage(ACCESS.ownOrganisation))
  .get('/employer/branches', async (c) => {
    const services = c.var.services;
    const [list, prefectures] = await Promise.all([
      services.branches.list(requireActor(c)),
      prefectureOptions(services.areas),
    ]);
    return render(c, (view) => ({
      title: view.m.employer.branches.title,
      body: (
        <BranchesPage
          view={view}
          list={list}
          values={noValues}
          errors={{}}
          prefectures={prefectures}
          minPrefectures={services.branches.minPrefectures}
        />
      ),
    }));
  })
  .post('/employer/branches', async (c) => {
    const services = c.var.services;
    const actor = requireActor(c);
    const m = messagesOf(c);
    const values = await readForm(c);
    const again = async (errors: FieldErrors) => {
      const [list, prefectures] = await Promise.all([
        services.branches.list(actor),
        prefectureOptions(services.areas),
      ]);
      return render(
        c,
        (view) => ({
          title: view.m.employer.branches.title,
          body: (
            <BranchesPage
              view={view}
              list={list}
              values={values}
              errors={errors}
              prefectures={prefectures}
              minPrefectures={services.branches.minPrefectures}
            />
          ),
        }),
        422,
      );
    };
    const read = await readBranchForm(values, m, services.areas);
    if (!read.ok) return again(read.errors);
    try {
      await services.branches.create(actor, read.value);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, m);
      if (fieldErrors) return again(placed(fieldErrors));
      throw error;
    }
    return redirectWithNotice(c, '/employer/branches', m.employer.branches.added);
  })
  .get('/employer/branches/:id', async (c) => {
    const services = c.var.services;
    const actor = requireActor(c);
    const branch = (await services.branches.list(actor)).items.find((b) => b.id === c.req.param('id'));
    if (!branch) throw notFound('branch');
    const prefectures = await prefectureOptions(services.areas);
    return render(c, (view) => ({
      title: branch.name,
      body: (
        <BranchEditPage
          view={view}
          branch={branch}
          values={branchValues(branch)}
          errors={{}}
          prefectures={prefectures}
        />
      ),
    }));
  })
  .post('/employer/branches/:id', async (c) => {
    const services = c.var.services;
    const actor = requireActor(c);
    const m = messagesOf(c);
    const id = c.req.param('id');
    const values = await readForm(c);
    const branch = (await services.branches.list(actor)).items.find((b) => b.id === id);
    if (!branch) throw notFound('branch');
    const again = async (errors: FieldErrors) => {
      const prefectures = await prefectureOptions(services.areas);
      return render(
        c,
        (view) => ({
          title: branch.name,
          body: (
            <BranchEditPage
              view={view}
              branch={branch}
              values={values}
              errors={errors}
              prefectures={prefectures}
            />
          ),
        }),
        422,
      );
    };
    const read = await readBranchForm(values, m, services.areas);
    if (!read.ok) return again(read.errors);
    try {
      await services.branches.update(actor, id, read.value);
    } catch (error) {
      const fieldErrors = fieldErrorsOf(error, m);
      if (fieldErrors) return again(placed(fieldErrors));
      throw error;
    }
    return redirectWithNotice(c, '/employer/branches', m.employer.branches.changed);
  })
  .post('/employer/branches/:id/delete', async (c) => {
    await c.var.services.branches.remove(requireActor(c), c.req.param('id'));
    return redirectWithNotice(c, '/employer/branches', messagesOf(c).employer.branches.removed);
  });
