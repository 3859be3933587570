/**
 * Her account settings on the web (/account, for every kind of account): the devices she is
 * signed in on with "sign out on every other device", and which notifications reach her by e-mail
 * and in which language — the page every notification e-mail's footer links to.
 */
import { requireActor } from '../../http/env.ts';
import { sessionTokenOf } from '../../http/middleware.ts';
import { ChoiceGroup, PostForm, SubmitButton, Toggle } from '../../web/form-fields.tsx';
import { formValues, readForm } from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice } from '../../web/view.ts';
import type { NotificationMailKind } from '../mail/templates.ts';
import { ACCESS } from '../shared/access.ts';

/** Which notification kinds each kind of account hears of. */
const KINDS_FOR: Record<string, NotificationMailKind[]> = {
  member: ['approved', 'rejected', 'outcome', 'area_notices', 'job_alert'],
  employer: ['introduction', 'withdrawn', 'role_expiring'],
};

export const accountPages = newPageRouter()
  .get('/account', requirePage(ACCESS.ownAccount), async (c) => {
    const actor = requireActor(c);
    const token = sessionTokenOf(c) ?? '';
    const [devices, preferences] = await Promise.all([
      c.var.services.auth.devices(actor, token),
      c.var.services.auth.mailPreferences(actor),
    ]);
    const kinds = KINDS_FOR[actor.role] ?? [];
    const values = formValues({
      locale: preferences.locale,
      ...Object.fromEntries(kinds.map((kind) => [`mail_${kind}`, !preferences.stopped.includes(kind)])),
    });
    return render(c, (view) => {
      const words = view.m.settings;
      return {
        title: words.title,
        body: (
          <>
            <h1>{words.title}</h1>
            <section class="card">
              <h2>{words.devices}</h2>
              <ul class="list">
                {devices.map((device) => (
                  <li>
                    <p class="card-title">
                      {device.device || words.unknownDevice}
                      {device.current ? `（${words.thisDevice}）` : ''}
                    </p>
                    <p class="meta">
                      {words.lastUsed}: {view.m.dateTime(device.lastSeenAt)}
                    </p>
                  </li>
                ))}
              </ul>
              <PostForm view={view} action="/account/sign-out-elsewhere">
                <SubmitButton label={words.signOutElsewhere} secondary />
              </PostForm>
            </section>
            <section class="card">
              <h2>{words.mail}</h2>
              <PostForm view={view} action="/account/mail">
                {kinds.length > 0 && <p class="hint">{words.mailHint}</p>}
                {kinds.map((kind) => (
                  <Toggle name={`mail_${kind}`} label={words.kinds[kind]} values={values} />
                ))}
                <ChoiceGroup
                  name="locale"
                  label={words.mailLanguage}
                  options={[
                    { value: 'ja', label: '日本語' },
                    { value: 'en', label: 'English' },
                  ]}
                  values={values}
                  errors={{}}
                  inline
                />
                <SubmitButton label={view.m.form.save} />
              </PostForm>
            </section>
          </>
        ),
      };
    });
  })
  .post('/account/sign-out-elsewhere', requirePage(ACCESS.ownAccount), async (c) => {
    const actor = requireActor(c);
    await c.var.services.auth.signOutElsewhere(actor, sessionTokenOf(c) ?? '');
    return redirectWithNotice(c, '/account', messagesOf(c).settings.signedOutElsewhere);
  })
  .post('/account/mail', requirePage(ACCESS.ownAccount), async (c) => {
    const actor = requireActor(c);
    const values = await readForm(c);
    const kinds = KINDS_FOR[actor.role] ?? [];
    const current = await c.var.services.auth.mailPreferences(actor);
    // Kinds this account does not hear of keep what they were; the ones shown are as ticked.
    const stopped = [
      ...current.stopped.filter((kind) => !kinds.includes(kind)),
      ...kinds.filter((kind) => !values.checked(`mail_${kind}`)),
    ];
    await c.var.services.auth.setMailPreferences(actor, {
      locale: values.text('locale') === 'en' ? 'en' : 'ja',
      stopped,
    });
    return redirectWithNotice(c, '/account', messagesOf(c).settings.saved);
  });
