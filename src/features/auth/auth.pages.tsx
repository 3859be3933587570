/**
 * The front door: the welcome page, sign-in, sign-up and sign-out for browsers. Each form is
 * validated with the API's own schema; a failed post shows the page again with what was typed
 * (never the password) and the problems next to their fields.
 */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { sessionTokenOf } from '../../http/middleware.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import { ChoiceGroup, ErrorSummary, PostForm, SubmitButton, TextField } from '../../web/form.tsx';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  formValues,
  noValues,
  readForm,
  validate,
} from '../../web/forms.ts';
import { messagesOf } from '../../web/i18n.ts';
import { HOME_OF, newPageRouter, render } from '../../web/pages.tsx';
import { onSitePath, type View } from '../../web/view.ts';
import { SignInSchema, SignUpSchema } from './auth.schemas.ts';
import type { IssuedSession } from './auth.service.ts';

/**
 * For a password refused because the address used up its attempts: sets Retry-After, and says in
 * her words how many minutes to wait. Sign-in and the deletion form share it.
 */
export function waitToTryAgain(c: Context<AppEnv>, error: AppError): string {
  const seconds = error.retryAfterSeconds ?? 60;
  c.header('Retry-After', String(seconds));
  return messagesOf(c).auth.tooManyAttempts(Math.ceil(seconds / 60));
}

function Welcome(props: { view: View }) {
  const { m } = props.view;
  return (
    <>
      <section class="hero">
        <h1>{m.auth.welcomeTitle}</h1>
        <p>{m.auth.welcomeBody}</p>
        <div class="actions">
          <a class="button" href="/sign-up">
            {m.auth.signUp}
          </a>
          <a class="button secondary" href="/sign-in">
            {m.auth.signIn}
          </a>
        </div>
      </section>
      <ul class="list promises">
        {m.auth.promises.map((promise) => (
          <li class="card">
            <h2 class="card-title">{promise.title}</h2>
            <p>{promise.body}</p>
          </li>
        ))}
      </ul>
      <p>
        <a class="button secondary wide" href="/jobs">
          {m.auth.browseFirst}
        </a>
      </p>
      <section class="card">
        <h2>{m.auth.forEmployers}</h2>
        <p>{m.auth.forEmployersBody}</p>
        <a href="/sign-up">{m.auth.signUp}</a>
      </section>
    </>
  );
}

function SignInForm(props: {
  view: View;
  values: FormValues;
  errors: FieldErrors;
  next: string | undefined;
}) {
  const { view, values, errors } = props;
  const { m } = view;
  return (
    <section class="card">
      <h1>{m.auth.signInTitle}</h1>
      <ErrorSummary view={view} errors={errors} />
      <PostForm view={view} action={`/sign-in${props.next ? `?next=${encodeURIComponent(props.next)}` : ''}`}>
        <TextField
          name="email"
          type="email"
          label={m.auth.email}
          autocomplete="username"
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="password"
          type="password"
          label={m.auth.password}
          autocomplete="current-password"
          values={noValues}
          errors={errors}
          required
        />
        <SubmitButton label={m.auth.signIn} />
      </PostForm>
      <p>
        {m.auth.noAccount} <a href="/sign-up">{m.auth.signUp}</a>
      </p>
    </section>
  );
}

function SignUpForm(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const { m } = view;
  return (
    <section class="card">
      <h1>{m.auth.signUpTitle}</h1>
      <ErrorSummary view={view} errors={errors} />
      <PostForm view={view} action="/sign-up">
        <ChoiceGroup
          name="role"
          label={m.auth.accountType}
          options={[
            { value: 'member', label: m.auth.asMember },
            { value: 'employer', label: m.auth.asEmployer },
          ]}
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="displayName"
          label={m.auth.displayName}
          hint={m.auth.displayNameHint}
          autocomplete="nickname"
          maxlength={60}
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="email"
          type="email"
          label={m.auth.email}
          autocomplete="email"
          values={values}
          errors={errors}
          required
        />
        <TextField
          name="password"
          type="password"
          label={m.auth.password}
          hint={m.auth.passwordHint}
          autocomplete="new-password"
          values={noValues}
          errors={errors}
          required
        />
        <SubmitButton label={m.auth.signUp} />
      </PostForm>
      <p>
        {m.auth.haveAccount} <a href="/sign-in">{m.auth.signIn}</a>
      </p>
    </section>
  );
}

export function authPages(trustProxy: boolean) {
  const signedIn = (c: Context<AppEnv>, session: IssuedSession, next?: string) => {
    setSessionCookie(c, session, trustProxy);
    return c.redirect(next ?? HOME_OF[session.actor.role], 303);
  };

  return newPageRouter()
    .get('/', (c) => {
      const actor = c.get('actor');
      if (actor) return c.redirect(HOME_OF[actor.role], 303);
      return render(c, (view) => ({ title: view.m.tagline, body: <Welcome view={view} /> }));
    })
    .get('/sign-in', (c) =>
      render(c, (view) => ({
        title: view.m.auth.signInTitle,
        body: <SignInForm view={view} values={noValues} errors={{}} next={onSitePath(c.req.query('next'))} />,
      })),
    )
    .post('/sign-in', async (c) => {
      const values = await readForm(c);
      const next = onSitePath(c.req.query('next'));
      const again = (errors: FieldErrors, status: 422 | 429 = 422) =>
        render(
          c,
          (view) => ({
            title: view.m.auth.signInTitle,
            body: <SignInForm view={view} values={values} errors={errors} next={next} />,
          }),
          status,
        );
      const m = messagesOf(c);
      const input = validate(
        SignInSchema,
        { email: values.text('email') ?? '', password: values.text('password') ?? '' },
        m,
      );
      if (!input.ok) return again(input.errors);
      try {
        return signedIn(c, await c.var.services.auth.signIn(input.value, c.var.clientAddress ?? ''), next);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'unauthenticated') return again({ email: m.auth.invalidCredentials });
        if (error.code === 'too_many_attempts') return again({ email: waitToTryAgain(c, error) }, 429);
        throw error;
      }
    })
    .get('/sign-up', (c) =>
      render(c, (view) => ({
        title: view.m.auth.signUpTitle,
        body: <SignUpForm view={view} values={formValues({ role: 'member' })} errors={{}} />,
      })),
    )
    .post('/sign-up', async (c) => {
      const values = await readForm(c);
      const again = (errors: FieldErrors) =>
        render(
          c,
          (view) => ({
            title: view.m.auth.signUpTitle,
            body: <SignUpForm view={view} values={values} errors={errors} />,
          }),
          422,
        );
      const m = messagesOf(c);
      const input = validate(
        SignUpSchema,
        {
          email: values.text('email') ?? '',
          password: values.text('password') ?? '',
          displayName: values.text('displayName') ?? '',
          role: values.text('role'),
        },
        m,
      );
      if (!input.ok) return again(input.errors);
      try {
        return signedIn(c, await c.var.services.auth.signUp(input.value));
      } catch (error) {
        if (error instanceof AppError && error.code === 'email_taken')
          return again({ email: m.validation.emailTaken });
        const errors = fieldErrorsOf(error, m);
        if (errors) return again(errors);
        throw error;
      }
    })
    .post('/sign-out', async (c) => {
      const token = sessionTokenOf(c);
      if (token) await c.var.services.auth.signOut(token);
      clearSessionCookie(c);
      return c.redirect('/', 303);
    });
}
