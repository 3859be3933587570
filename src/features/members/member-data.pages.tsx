/**
 * "あなたのデータ": her download of everything kept about her, and leaving Yorisoi with all of
 * it deleted. Deleting asks for her password and an explicit tick, then signs her out.
 */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import { clearSessionCookie } from '../../http/session-cookie.ts';
import {
  ErrorSummary,
  labelField,
  PostForm,
  SubmitButton,
  TextField,
  Toggle,
} from '../../web/form-fields.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  readForm,
  validate,
} from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { waitToTryAgain } from '../auth/auth.pages.tsx';
import { ACCESS } from '../shared/access.ts';
import { DeletionInputSchema, namedAsDownload } from './member-data.routes.ts';

function DataPage(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const words = view.m.member.data;
  labelField(errors, 'confirm', words.confirm);
  return (
    <>
      <h1>{words.title}</h1>
      <p>{words.lead}</p>
      <section class="card" aria-labelledby="export">
        <h2 id="export">{words.exportHeading}</h2>
        <p>{words.exportLead}</p>
        <p class="hint">{words.exportWarning}</p>
        <a class="button secondary" href="/me/data/export" download>
          {words.exportButton}
        </a>
      </section>
      <section class="card danger" aria-labelledby="delete">
        <h2 id="delete">{words.deleteHeading}</h2>
        <p>{words.deleteLead}</p>
        <ErrorSummary view={view} errors={errors} />
        <PostForm view={view} action="/me/data/delete">
          <TextField
            name="password"
            type="password"
            autocomplete="current-password"
            label={words.password}
            values={formValues({})}
            errors={errors}
            required
          />
          <div class={errors.confirm ? 'field has-error' : 'field'} id="f-confirm">
            {errors.confirm && <span class="field-error">{errors.confirm}</span>}
            <Toggle name="confirm" label={words.confirm} values={values} />
          </div>
          <SubmitButton label={words.deleteButton} />
        </PostForm>
      </section>
    </>
  );
}

function showDataPage(
  c: Context<AppEnv>,
  values: FormValues,
  errors: FieldErrors,
  status: 200 | 422 | 429 = 200,
) {
  return render(
    c,
    (view) => ({
      title: view.m.member.data.title,
      body: <DataPage view={view} values={values} errors={errors} />,
    }),
    status,
  );
}

export const memberDataPages = newPageRouter()
  .use('/me/data', requirePage(ACCESS.ownProfile))
  .use('/me/data/*', requirePage(ACCESS.ownProfile))
  .get('/me/data', (c) => showDataPage(c, formValues({}), {}))
  .get('/me/data/export', async (c) => {
    const data = await c.var.services.memberData.export(requireActor(c));
    namedAsDownload(c, data.exportedAt);
    return c.json(data);
  })
  .post('/me/data/delete', async (c) => {
    const values = await readForm(c);
    const m = messagesOf(c);
    const words = m.member.data;
    const input = validate(DeletionInputSchema, { password: values.text('password') ?? '' }, m);
    const errors: FieldErrors = input.ok ? {} : { ...input.errors };
    if (!values.checked('confirm')) errors.confirm = words.confirmRequired;
    if (!input.ok || Object.keys(errors).length > 0) return showDataPage(c, values, errors, 422);
    try {
      await c.var.services.memberData.erase(requireActor(c), input.value.password, c.var.clientAddress ?? '');
    } catch (error) {
      if (error instanceof AppError && error.code === 'too_many_attempts')
        return showDataPage(c, values, { password: waitToTryAgain(c, error) }, 429);
      if (!fieldErrorsOf(error, m)) throw error;
      return showDataPage(c, values, { password: words.wrongPassword }, 422);
    }
    clearSessionCookie(c);
    return redirectWithNotice(c, '/', words.deleted);
  });
