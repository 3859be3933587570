/**
 * Her support page (`/me/support`): the check-ins after her hires, answered here, and the way to
 * her mentoring when she is in a cohort (as mentor or mentee, or invited to be one).
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import {
  type FieldErrors,
  type FormValues,
  fieldErrorsOf,
  readForm,
  validate,
} from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import { CheckInsSection } from './follow-up.pages.tsx';
import { CheckInAnswerSchema } from './follow-up.schemas.ts';

async function supportPage(
  c: Context<AppEnv>,
  form?: { id: string; values: FormValues; errors: FieldErrors },
) {
  const actor = requireActor(c);
  const [checkIns, mentoring] = await Promise.all([
    c.var.services.followUp.mine(actor),
    c.var.services.mentoring.involvement(actor),
  ]);
  return render(
    c,
    (view) => {
      const w = view.m.afterHire.checkIn;
      return {
        title: w.title,
        body: (
          <>
            <h1>{w.title}</h1>
            <p class="meta">{w.lead}</p>
            <CheckInsSection view={view} checkIns={checkIns} {...(form ? { form } : {})} />
            {mentoring && (
              <section class="card" aria-labelledby="mentoring-link">
                <h2 id="mentoring-link">{view.m.afterHire.mentoring.title}</h2>
                <p>{view.m.afterHire.mentoring.involvement[mentoring]}</p>
                <p>
                  <a class="button secondary" href="/me/mentoring">
                    {view.m.afterHire.mentoring.open}
                  </a>
                </p>
              </section>
            )}
          </>
        ),
      };
    },
    form ? 422 : 200,
  );
}

export const supportPages = newPageRouter()
  .get('/me/support', requirePage(ACCESS.checkIns), (c) => supportPage(c))
  .post('/me/check-ins/:id', requirePage(ACCESS.checkIns), async (c) => {
    const id = c.req.param('id');
    const values = await readForm(c);
    const m = messagesOf(c);
    const comment = values.text('comment')?.trim();
    const input = validate(
      CheckInAnswerSchema,
      {
        wellbeing: values.number('wellbeing'),
        wantsContact: values.checked('wantsContact'),
        ...(comment ? { comment } : {}),
      },
      m,
    );
    if (!input.ok) return supportPage(c, { id, values, errors: input.errors });
    try {
      await c.var.services.followUp.answer(requireActor(c), id, input.value);
    } catch (error) {
      const errors = fieldErrorsOf(error, m);
      if (errors) return supportPage(c, { id, values, errors });
      throw error;
    }
    const w = m.afterHire.checkIn;
    return redirectWithNotice(c, '/me/support', input.value.wantsContact ? w.answeredContact : w.answered);
  });
