/**
 * The employer's roles: the list by state, the editor (create makes a draft; edit), publish,
 * close and delete. Handlers are thin: read the form, build the RoleInput, validate it with the
 * API's schema, call the role service, then show the form again with its errors (422) or
 * redirect with a notice. Closing and deleting ask for a ticked box, so they need no script.
 */
import type { Context } from 'hono';
import { EMPLOYMENT_TYPES, JOB_CATEGORIES } from '../../../matching/vocabulary.ts';
import { AppError, type ErrorCode } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { PostForm, SubmitButton, Toggle } from '../../web/form-fields.tsx';
import {
  changedFieldsOf,
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  noValues,
  readForm,
  withValue,
} from '../../web/form-input.ts';
import { labelOf, messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { onSitePath, redirectWithNotice, type View } from '../../web/view.ts';
import { prefectureOptions } from '../areas/place-field.tsx';
import type { Actor } from '../auth/actor.ts';
import type { Branch } from '../organisations/branch.schemas.ts';
import type { Organisation } from '../organisations/organisation.schemas.ts';
import { ACCESS } from '../shared/access.ts';
import { RenewPanel } from './renew-panel.tsx';
import type { Role } from './role.schemas.ts';
import { payText, placesText, RoleDetails } from './role.view.tsx';
import { newRoleValues, RoleForm, readRoleForm, roleFormValues } from './role-form.tsx';

type Status = Role['status'];
const STATUSES: Status[] = ['draft', 'published', 'closed'];

const actorOf = (c: Context<AppEnv>) => c.get('actor') as Actor;

function StatusBadge(props: { view: View; status: Status }) {
  const kind = props.status === 'published' ? 'verified' : props.status === 'closed' ? 'state' : 'warn';
  return <span class={`badge ${kind}`}>{props.view.m.employer.roles.status[props.status]}</span>;
}

const whereText = (view: View, role: Role) =>
  role.locations.length === 0 ? view.m.employer.roles.fullRemote : placesText(role);

/** A day in the reader's words (2026年11月30日), or nothing. */
const dateOf = (view: View, iso: string | null) => (iso ? view.m.date(iso) : '');

function RoleCard(props: { view: View; role: Role; interest?: { waiting: number; introduced: number } }) {
  const { view, role, interest } = props;
  const words = view.m.employer.roles;
  const when =
    role.status === 'closed'
      ? words.closedOn(dateOf(view, role.closedAt))
      : role.status === 'published'
        ? words.publishedOn(dateOf(view, role.publishedAt))
        : words.updatedOn(dateOf(view, role.updatedAt));
  const href = role.status === 'closed' ? `/employer/roles/${role.id}` : `/employer/roles/${role.id}/edit`;
  return (
    <li class="card role-card">
      <p class="card-title">
        <a href={href}>{role.title}</a>
      </p>
      <ul class="badges">
        <li>
          <StatusBadge view={view} status={role.status} />
        </li>
        <li class="badge">{labelOf(JOB_CATEGORIES, role.category, view.lang)}</li>
        <li class="badge">{labelOf(EMPLOYMENT_TYPES, role.employmentType, view.lang)}</li>
      </ul>
      <p class="meta">
        {payText(view, role.pay)} ・ {whereText(view, role)}
      </p>
      <p class="meta">{when}</p>
      <RenewPanel view={view} role={role} returnTo="/employer/roles" />
      {role.status !== 'draft' && (
        <p class="meta interest-counts">
          {words.interest(interest?.waiting ?? 0, interest?.introduced ?? 0)}
        </p>
      )}
      <a class="button secondary small" href={href}>
        {role.status === 'closed' ? words.view : words.edit}
      </a>
    </li>
  );
}

function NoOrganisation(props: { view: View }) {
  const words = props.view.m.employer.roles;
  return (
    <section class="hero">
      <h1>{words.noOrganisationTitle}</h1>
      <p>{words.noOrganisation}</p>
      <div class="actions">
        <a class="button" href="/employer/organisation">
          {words.registerOrganisation}
        </a>
      </div>
    </section>
  );
}

function VerificationNote(props: { view: View; organisation: Organisation }) {
  const { state } = props.organisation.verification;
  if (state === 'verified') return null;
  return (
    <p class="degraded" role="status">
      {props.view.m.employer.organisation.verification[state]}{' '}
      <a href="/employer/organisation">{props.view.m.nav.organisation}</a>
    </p>
  );
}

function RoleList(props: {
  view: View;
  roles: Role[];
  organisation: Organisation;
  interest: Map<string, { waiting: number; introduced: number }>;
}) {
  const { view, roles } = props;
  const words = view.m.employer.roles;
  return (
    <>
      <h1>{words.title}</h1>
      <VerificationNote view={view} organisation={props.organisation} />
      <p>{words.lead}</p>
      <div class="actions">
        <a class="button" href="/employer/roles/new">
          {words.newRole}
        </a>
      </div>
      {roles.length === 0 ? (
        <p class="empty">{words.empty}</p>
      ) : (
        STATUSES.map((status) => {
          const inGroup = roles.filter((r) => r.status === status);
          return (
            <section class="role-group" aria-labelledby={`group-${status}`}>
              <h2 id={`group-${status}`}>
                {words.status[status]} <span class="facet-count">{words.count(inGroup.length)}</span>
              </h2>
              {inGroup.length === 0 ? (
                <p class="meta">{words.noneInGroup}</p>
              ) : (
                <ul class="list">
                  {inGroup.map((role) => (
                    <RoleCard view={view} role={role} interest={props.interest.get(role.id)} />
                  ))}
                </ul>
              )}
            </section>
          );
        })
      )}
    </>
  );
}

/** The close and delete panels under the editor, each a plain form asking for a ticked box. */
function RoleActions(props: { view: View; role: Role; confirmErrors?: FieldErrors }) {
  const { view, role } = props;
  const words = view.m.employer.editor;
  const errors = props.confirmErrors ?? {};
  return (
    <>
      <section class="card" id="close">
        <h2>{words.closeHeading}</h2>
        <p>{words.closeLead}</p>
        <PostForm view={view} action={`/employer/roles/${role.id}/close`}>
          {errors.close && <p class="field-error">{errors.close}</p>}
          <Toggle name="confirm" label={words.closeConfirm} values={noValues} />
          <button type="submit" class="button danger">
            {words.close}
          </button>
        </PostForm>
      </section>
      {role.status === 'draft' && (
        <section class="card" id="delete">
          <h2>{words.removeHeading}</h2>
          <p>{words.removeLead}</p>
          <PostForm view={view} action={`/employer/roles/${role.id}/delete`}>
            {errors.delete && <p class="field-error">{errors.delete}</p>}
            <Toggle name="confirm" label={words.removeConfirm} values={noValues} />
            <button type="submit" class="button secondary">
              {words.remove}
            </button>
          </PostForm>
        </section>
      )}
    </>
  );
}

function EditPage(props: {
  view: View;
  role: Role;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Awaited<ReturnType<typeof prefectureOptions>>;
  branches: Branch[];
  confirmErrors?: FieldErrors;
  problem?: string;
  /** Why her save was refused as a whole (changed meanwhile, a bad hidden version). */
  conflict?: string;
}) {
  const { view, role } = props;
  const words = view.m.employer.editor;
  const verifiedFacts = new Set(
    Object.entries(role.facts)
      .filter(([, fact]) => fact?.verified)
      .map(([key]) => key),
  );
  return (
    <>
      <p>
        <a href="/employer/roles">{words.back}</a>
      </p>
      <h1>{words.editTitle}</h1>
      <p>
        <StatusBadge view={view} status={role.status} />
      </p>
      <RenewPanel view={view} role={role} returnTo={`/employer/roles/${role.id}/edit`} />
      {role.status === 'draft' && (
        <section class="card publish" id="publish">
          <h2>{words.publishHeading}</h2>
          {props.problem && (
            <p class="degraded" role="alert">
              {props.problem}
            </p>
          )}
          <p>{words.publishLead}</p>
          <PostForm view={view} action={`/employer/roles/${role.id}/publish`}>
            <SubmitButton label={words.publish} />
          </PostForm>
        </section>
      )}
      {props.conflict && (
        <p class="degraded" role="alert">
          {props.conflict}
        </p>
      )}
      <RoleForm
        view={view}
        action={`/employer/roles/${role.id}/edit`}
        values={props.values}
        errors={props.errors}
        prefectures={props.prefectures}
        branches={props.branches}
        verifiedFacts={verifiedFacts}
      />
      <RoleActions view={view} role={role} confirmErrors={props.confirmErrors ?? {}} />
    </>
  );
}

function ClosedRole(props: { view: View; role: Role }) {
  const { view, role } = props;
  const words = view.m.employer.editor;
  return (
    <>
      <p>
        <a href="/employer/roles">{words.back}</a>
      </p>
      <h1>{role.title}</h1>
      <p>
        <StatusBadge view={view} status={role.status} />
      </p>
      <p class="degraded">{words.closedNote}</p>
      <section class="card">
        <RoleDetails view={view} role={role} />
        <dl class="kv">
          <dt>{words.closeHeading}</dt>
          <dd>{dateOf(view, role.closedAt)}</dd>
        </dl>
        <p class="role-description">{role.description}</p>
      </section>
    </>
  );
}

/** The employer's organisation, or undefined when she has not registered one yet. */
async function organisationOf(c: Context<AppEnv>): Promise<Organisation | undefined> {
  const actor = actorOf(c);
  return actor.organisationId ? c.var.services.organisations.mine(actor) : undefined;
}

export const rolePages = newPageRouter()
  .use('/employer/roles', requirePage(ACCESS.manageRoles))
  .use('/employer/roles/*', requirePage(ACCESS.manageRoles))
  .get('/employer/roles', async (c) => {
    const organisation = await organisationOf(c);
    if (!organisation)
      return render(c, (view) => ({
        title: view.m.employer.roles.title,
        body: <NoOrganisation view={view} />,
      }));
    const [{ items }, interest] = await Promise.all([
      c.var.services.roles.list(actorOf(c), { limit: 100, offset: 0 }),
      c.var.services.matches.interestCounts(actorOf(c)),
    ]);
    return render(c, (view) => ({
      title: view.m.employer.roles.title,
      body: <RoleList view={view} roles={items} organisation={organisation} interest={interest} />,
    }));
  })
  .get('/employer/roles/new', async (c) => {
    if (!actorOf(c).organisationId)
      return redirectWithNotice(c, '/employer/organisation', messagesOf(c).employer.roles.noOrganisation);
    const prefectures = await prefectureOptions(c.var.services.areas);
    const branches = await c.var.services.branches.forEditor(actorOf(c));
    return render(c, (view) => ({
      title: view.m.employer.editor.newTitle,
      body: (
        <NewPage
          view={view}
          values={newRoleValues()}
          errors={{}}
          prefectures={prefectures}
          branches={branches}
        />
      ),
    }));
  })
  .post('/employer/roles/new', async (c) => {
    if (!actorOf(c).organisationId)
      return redirectWithNotice(c, '/employer/organisation', messagesOf(c).employer.roles.noOrganisation);
    const m = messagesOf(c);
    const values = await readForm(c);
    const prefectures = await prefectureOptions(c.var.services.areas);
    const branches = await c.var.services.branches.forEditor(actorOf(c));
    const again = (errors: FieldErrors) =>
      render(
        c,
        (view) => ({
          title: view.m.employer.editor.newTitle,
          body: (
            <NewPage
              view={view}
              values={values}
              errors={errors}
              prefectures={prefectures}
              branches={branches}
            />
          ),
        }),
        422,
      );
    const read = await readRoleForm(values, m, c.var.services.areas);
    if (!read.ok) return again(read.errors);
    try {
      const role = await c.var.services.roles.create(actorOf(c), read.value);
      return redirectWithNotice(c, `/employer/roles/${role.id}/edit`, m.employer.editor.created);
    } catch (error) {
      const errors = fieldErrorsOf(error, m);
      if (errors) return again(read.place(errors));
      throw error;
    }
  })
  .get('/employer/roles/:id', async (c) => {
    const role = await c.var.services.roles.get(actorOf(c), c.req.param('id'));
    if (role.status !== 'closed') return c.redirect(`/employer/roles/${role.id}/edit`, 303);
    return render(c, (view) => ({ title: role.title, body: <ClosedRole view={view} role={role} /> }));
  })
  .get('/employer/roles/:id/edit', async (c) => {
    const role = await c.var.services.roles.get(actorOf(c), c.req.param('id'));
    if (role.status === 'closed') return c.redirect(`/employer/roles/${role.id}`, 303);
    return showEditPage(c, role);
  })
  .post('/employer/roles/:id/edit', async (c) => {
    const actor = actorOf(c);
    const m = messagesOf(c);
    const role = await c.var.services.roles.get(actor, c.req.param('id'));
    const values = await readForm(c);
    const again = (errors: FieldErrors) => showEditPage(c, role, { values, errors }, 422);
    // The editor always sends the version it was drawn from; a tampered one asks for a reload.
    const expectedVersion = values.number('expectedVersion');
    if (expectedVersion !== undefined && !Number.isInteger(expectedVersion))
      return showEditPage(c, role, { values, conflict: m.errors.invalidInput }, 422);
    const read = await readRoleForm(values, m, c.var.services.areas);
    if (!read.ok) return again(read.errors);
    try {
      await c.var.services.roles.update(
        actor,
        role.id,
        read.value,
        expectedVersion === undefined ? {} : { expectedVersion },
      );
      return redirectWithNotice(c, `/employer/roles/${role.id}/edit`, m.employer.editor.saved);
    } catch (error) {
      const errors = fieldErrorsOf(error, m);
      if (errors) return again(read.place(errors));
      // Changed meanwhile: her edit stays, the differing fields are marked, and saving again
      // (now from the current version) is her informed choice.
      const changed = changedFieldsOf(error, m);
      if (changed) {
        const current = await c.var.services.roles.get(actor, role.id);
        const posted = withValue(values, 'expectedVersion', String(current.version));
        return showEditPage(
          c,
          current,
          { values: posted, errors: changed, conflict: m.errors.changedMeanwhile },
          409,
        );
      }
      throw error;
    }
  })
  .post('/employer/roles/:id/publish', async (c) => {
    const actor = actorOf(c);
    const m = messagesOf(c);
    const id = c.req.param('id');
    try {
      await c.var.services.roles.publish(actor, id);
      return redirectWithNotice(c, '/employer/roles', m.employer.editor.published);
    } catch (error) {
      const refusal = error instanceof AppError ? PUBLISH_REFUSALS[error.code] : undefined;
      if (!refusal) throw error;
      const problem = m.employer.editor[refusal];
      const role = await c.var.services.roles.get(actor, id);
      return showEditPage(c, role, { problem }, 409);
    }
  })
  .post('/employer/roles/:id/renew', async (c) => {
    await c.var.services.roles.renew(actorOf(c), c.req.param('id'));
    return redirectWithNotice(
      c,
      onSitePath(c.req.query('next')) ?? '/employer/roles',
      messagesOf(c).keeping.renewedNotice,
    );
  })
  .post('/employer/roles/:id/close', async (c) => confirmThen(c, 'close'))
  .post('/employer/roles/:id/delete', async (c) => confirmThen(c, 'delete'));

/** Why a role cannot be published yet, in the employer's words, by the service's refusal. */
const PUBLISH_REFUSALS: Partial<Record<ErrorCode, 'notVerified' | 'rejected'>> = {
  organisation_not_verified: 'notVerified',
  organisation_rejected: 'rejected',
};

/**
 * The edit page for a role: as saved, or with what was posted and its problems, or with a
 * notice (not verified yet, a confirmation missing) and the status that goes with it.
 */
async function showEditPage(
  c: Context<AppEnv>,
  role: Role,
  extra: {
    values?: FormValues;
    errors?: FieldErrors;
    confirmErrors?: FieldErrors;
    problem?: string;
    conflict?: string;
  } = {},
  status: 200 | 409 | 422 = 200,
) {
  const prefectures = await prefectureOptions(c.var.services.areas);
  const branches = await c.var.services.branches.forEditor(actorOf(c));
  return render(
    c,
    (view) => ({
      title: view.m.employer.editor.editTitle,
      body: (
        <EditPage
          view={view}
          role={role}
          values={extra.values ?? roleFormValues(role, branches)}
          errors={extra.errors ?? {}}
          prefectures={prefectures}
          branches={branches}
          {...(extra.confirmErrors ? { confirmErrors: extra.confirmErrors } : {})}
          {...(extra.problem ? { problem: extra.problem } : {})}
          {...(extra.conflict ? { conflict: extra.conflict } : {})}
        />
      ),
    }),
    status,
  );
}

/** Closes or deletes once the box is ticked; otherwise shows the edit page asking for it (422). */
async function confirmThen(c: Context<AppEnv>, action: 'close' | 'delete') {
  const actor = actorOf(c);
  const m = messagesOf(c);
  const id = c.req.param('id') as string;
  const values = await readForm(c);
  const role = await c.var.services.roles.get(actor, id);
  if (!values.checked('confirm')) {
    if (role.status === 'closed') return c.redirect(`/employer/roles/${role.id}`, 303);
    return showEditPage(c, role, { confirmErrors: { [action]: m.employer.editor.confirmRequired } }, 422);
  }
  if (action === 'close') {
    await c.var.services.roles.close(actor, id);
    return redirectWithNotice(c, `/employer/roles/${id}`, m.employer.editor.closed);
  }
  await c.var.services.roles.remove(actor, id);
  return redirectWithNotice(c, '/employer/roles', m.employer.editor.removed);
}

function NewPage(props: {
  view: View;
  values: FormValues;
  errors: FieldErrors;
  prefectures: Awaited<ReturnType<typeof prefectureOptions>>;
  branches: Branch[];
}) {
  const words = props.view.m.employer.editor;
  return (
    <>
      <p>
        <a href="/employer/roles">{words.back}</a>
      </p>
      <h1>{words.newTitle}</h1>
      <p>{words.newLead}</p>
      <RoleForm
        view={props.view}
        action="/employer/roles/new"
        values={props.values}
        errors={props.errors}
        prefectures={props.prefectures}
        branches={props.branches}
      />
    </>
  );
}
