/**
 * The front door: the welcome page, sign-in, sign-up (then the verification link), password
 * reset and sign-out for browsers. Each form is validated with the API's own schema; a failed post
 * shows the page again with what was typed (never the password) and the problems next to their
 * fields. Links from e-mails open a page with a button, so a mail scanner that fetches links does
 * not use a one-time token up.
 */
import type { Context } from 'hono';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { sessionTokenOf } from '../../http/middleware.ts';
import { clearSessionCookie, setSessionCookie } from '../../http/session-cookie.ts';
import {
  ChoiceGroup,
  ErrorSummary,
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
  noValues,
  readForm,
  validate,
} from '../../web/form-input.ts';
import { langOf, messagesOf } from '../../web/i18n.ts';
import { QUICK_EXIT_PATH, QUICK_EXIT_URL } from '../../web/layout.tsx';
import { HOME_OF, newPageRouter, render } from '../../web/pages.tsx';
import { onSitePath, redirectWithNotice, type View } from '../../web/view.ts';
import {
  PasswordResetRequestSchema,
  PasswordResetSchema,
  SignInSchema,
  SignUpSchema,
} from './auth.schemas.ts';
import type { IssuedSession } from './auth.service.ts';
import { deviceLabel } from './device.ts';

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
        <a href="/forgot-password">{m.account.forgotLink}</a>
      </p>
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
        <p>
          <a href="/terms" target="_blank" rel="noopener">
            {m.account.readTerms}
          </a>
          {' ・ '}
          <a href="/privacy" target="_blank" rel="noopener">
            {m.account.readPrivacy}
          </a>
        </p>
        <Toggle name="acceptTerms" label={m.account.acceptTerms} values={values} />
        {errors.acceptTerms && (
          <p class="field-error" id="f-acceptTerms-error">
            {errors.acceptTerms}
          </p>
        )}
        <SubmitButton label={m.auth.signUp} />
      </PostForm>
      <p>
        {m.auth.haveAccount} <a href="/sign-in">{m.auth.signIn}</a>
      </p>
    </section>
  );
}

/** A used, expired or unknown link from a mail: said plainly, with the way to start again. */
function invalidLinkPage(c: Context<AppEnv>) {
  return render(
    c,
    (view) => ({
      title: view.m.account.forgotTitle,
      body: (
        <Message title={view.m.errors.title} body={view.m.account.invalidLink}>
          <p>
            <a href="/forgot-password">{view.m.account.forgotLink}</a>
          </p>
        </Message>
      ),
    }),
    400,
  );
}

/** A short page of words, optionally with a form under them. */
function Message(props: { title: string; body: string; children?: unknown }) {
  return (
    <section class="card">
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      {props.children as never}
    </section>
  );
}

function TokenForm(props: { view: View; action: string; token: string; label: string }) {
  return (
    <PostForm view={props.view} action={props.action}>
      <input type="hidden" name="token" value={props.token} />
      <SubmitButton label={props.label} />
    </PostForm>
  );
}

function ForgotForm(props: { view: View; values: FormValues; errors: FieldErrors }) {
  const { view, values, errors } = props;
  const { m } = view;
  return (
    <section class="card">
      <h1>{m.account.forgotTitle}</h1>
      <p>{m.account.forgotBody}</p>
      <ErrorSummary view={view} errors={errors} />
      <PostForm view={view} action="/forgot-password">
        <TextField
          name="email"
          type="email"
          label={m.auth.email}
          autocomplete="username"
          values={values}
          errors={errors}
          required
        />
        <SubmitButton label={m.account.forgotButton} />
      </PostForm>
    </section>
  );
}

function ResetForm(props: { view: View; token: string; errors: FieldErrors }) {
  const { view, errors } = props;
  const { m } = view;
  return (
    <section class="card">
      <h1>{m.account.resetTitle}</h1>
      <ErrorSummary view={view} errors={errors} />
      <PostForm view={view} action="/reset-password">
        <input type="hidden" name="token" value={props.token} />
        <TextField
          name="password"
          type="password"
          label={m.account.newPassword}
          hint={m.auth.passwordHint}
          autocomplete="new-password"
          values={noValues}
          errors={errors}
          required
        />
        <SubmitButton label={m.account.resetButton} />
      </PostForm>
    </section>
  );
}

export function authPages(trustProxy: boolean) {
  const signedIn = (c: Context<AppEnv>, session: IssuedSession, next?: string) => {
    setSessionCookie(c, session, trustProxy);
    return c.redirect(next ?? HOME_OF[session.actor.role], 303);
  };

  return (
    newPageRouter()
      .get('/', (c) => {
        const actor = c.get('actor');
        if (actor) return c.redirect(HOME_OF[actor.role], 303);
        return render(c, (view) => ({ title: view.m.tagline, body: <Welcome view={view} /> }));
      })
      .get('/sign-in', (c) =>
        render(c, (view) => ({
          title: view.m.auth.signInTitle,
          body: (
            <SignInForm view={view} values={noValues} errors={{}} next={onSitePath(c.req.query('next'))} />
          ),
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
          const device = deviceLabel(c.req.header('user-agent'));
          return signedIn(
            c,
            await c.var.services.auth.signIn(input.value, c.var.clientAddress ?? '', device),
            next,
          );
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
            acceptTerms: values.checked('acceptTerms'),
            locale: langOf(c),
          },
          m,
        );
        // The one refusal of an unticked box is that she has not agreed yet, whatever zod calls it.
        if (!input.ok)
          return again(
            input.errors.acceptTerms
              ? { ...input.errors, acceptTerms: m.validation.acceptTerms }
              : input.errors,
          );
        try {
          await c.var.services.auth.signUp(input.value);
        } catch (error) {
          const errors = fieldErrorsOf(error, m);
          if (errors) return again(errors);
          throw error;
        }
        return render(c, (view) => ({
          title: view.m.account.signUpSentTitle,
          body: <Message title={view.m.account.signUpSentTitle} body={view.m.account.signUpSentBody} />,
        }));
      })
      .get('/verify-email', (c) =>
        render(c, (view) => ({
          title: view.m.account.verifyTitle,
          body: (
            <Message title={view.m.account.verifyTitle} body={view.m.account.verifyBody}>
              <TokenForm
                view={view}
                action="/verify-email"
                token={c.req.query('token') ?? ''}
                label={view.m.account.verifyButton}
              />
            </Message>
          ),
        })),
      )
      .post('/verify-email', async (c) => {
        const values = await readForm(c);
        try {
          const device = deviceLabel(c.req.header('user-agent'));
          const session = await c.var.services.auth.verifyEmail(values.text('token') ?? '', device);
          setSessionCookie(c, session, trustProxy);
          return redirectWithNotice(c, HOME_OF[session.actor.role], messagesOf(c).account.verified);
        } catch (error) {
          if (error instanceof AppError && error.code === 'invalid_token') return invalidLinkPage(c);
          throw error;
        }
      })
      .post('/verification/resend', async (c) => {
        const actor = c.get('actor');
        if (!actor) return c.redirect('/sign-in', 303);
        await c.var.services.auth.resendVerification(actor);
        return redirectWithNotice(c, HOME_OF[actor.role], messagesOf(c).account.resent);
      })
      .get('/forgot-password', (c) =>
        render(c, (view) => ({
          title: view.m.account.forgotTitle,
          body: <ForgotForm view={view} values={noValues} errors={{}} />,
        })),
      )
      .post('/forgot-password', async (c) => {
        const values = await readForm(c);
        const input = validate(
          PasswordResetRequestSchema,
          { email: values.text('email') ?? '' },
          messagesOf(c),
        );
        if (!input.ok)
          return render(
            c,
            (view) => ({
              title: view.m.account.forgotTitle,
              body: <ForgotForm view={view} values={values} errors={input.errors} />,
            }),
            422,
          );
        await c.var.services.auth.requestPasswordReset(input.value.email);
        return render(c, (view) => ({
          title: view.m.account.forgotTitle,
          body: <Message title={view.m.account.forgotTitle} body={view.m.account.forgotSent} />,
        }));
      })
      .get('/reset-password', (c) =>
        render(c, (view) => ({
          title: view.m.account.resetTitle,
          body: <ResetForm view={view} token={c.req.query('token') ?? ''} errors={{}} />,
        })),
      )
      .post('/reset-password', async (c) => {
        const values = await readForm(c);
        const token = values.text('token') ?? '';
        const input = validate(
          PasswordResetSchema,
          { token, password: values.text('password') ?? '' },
          messagesOf(c),
        );
        if (!input.ok) {
          if (input.errors.token) return invalidLinkPage(c);
          return render(
            c,
            (view) => ({
              title: view.m.account.resetTitle,
              body: <ResetForm view={view} token={token} errors={input.errors} />,
            }),
            422,
          );
        }
        try {
          await c.var.services.auth.resetPassword(input.value);
        } catch (error) {
          if (error instanceof AppError && error.code === 'invalid_token') return invalidLinkPage(c);
          throw error;
        }
        clearSessionCookie(c);
        return redirectWithNotice(c, '/sign-in', messagesOf(c).account.resetDone);
      })
      // Quick exit (the button, or Shift+Esc): ends her session here, then an everyday page takes
      // this one's place in history. A GET, so it works as a plain link and from the key.
      .get(QUICK_EXIT_PATH, async (c) => {
        const token = sessionTokenOf(c);
        if (token) await c.var.services.auth.signOut(token);
        clearSessionCookie(c);
        c.header('cache-control', 'no-store');
        return c.redirect(QUICK_EXIT_URL, 303);
      })
      .post('/sign-out', async (c) => {
        const token = sessionTokenOf(c);
        if (token) await c.var.services.auth.signOut(token);
        clearSessionCookie(c);
        return c.redirect('/', 303);
      })
  );
}
