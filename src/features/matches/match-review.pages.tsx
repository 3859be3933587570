/**
 * A match for the coordinator: the side-by-side page, the decision on it, and marking one of the
 * role's stated facts as checked. A decision is sent at the version the coordinator saw; when
 * someone else decided first the page says so and shows the latest state instead of an error page.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { FLEXIBILITY_FACT_KEYS, FLEXIBILITY_FACTS } from '../../../matching/vocabulary.ts';
import { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import { type FieldErrors, fieldErrorsOf, readForm, renameErrors, validate } from '../../web/form-input.ts';
import { labelOf, langOf, messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice } from '../../web/view.ts';
import type { MatchDetail } from '../coordination/coordination.schemas.ts';
import { ACCESS } from '../shared/access.ts';
import { japanDate } from '../shared/japan-time.ts';
import type { DecisionForm } from './decision-forms.tsx';
import { DecisionInputSchema } from './match.schemas.ts';
import { MatchPage, matchPath } from './match-review.view.tsx';

/** Display only: ages and waiting days as of now in Japan. */
const today = () => japanDate(new Date());

function renderMatch(
  c: Context<AppEnv>,
  detail: MatchDetail,
  extra: { form?: DecisionForm; alert?: string } = {},
  status: 200 | 409 | 422 = 200,
) {
  return render(
    c,
    (view) => ({
      title: view.m.coordinator.match.title(
        `${detail.member.familyName} ${detail.member.givenName}`,
        detail.match.roleTitle,
      ),
      wide: true,
      body: <MatchPage view={view} detail={detail} today={today()} form={extra.form} alert={extra.alert} />,
    }),
    status,
  );
}

const FactParamSchema = z.enum(FLEXIBILITY_FACT_KEYS);

export const matchReviewPages = newPageRouter()
  .get('/coordinator/matches/:id', requirePage(ACCESS.reviewMatches), async (c) => {
    const detail = await c.var.services.coordination.matchDetail(
      requireActor(c),
      c.req.param('id'),
      langOf(c),
    );
    return renderMatch(c, detail);
  })
  .post('/coordinator/matches/:id/decision', requirePage(ACCESS.reviewMatches), async (c) => {
    const id = c.req.param('id');
    const actor = requireActor(c);
    const lang = langOf(c);
    const detail = await c.var.services.coordination.matchDetail(actor, id, lang);
    const values = await readForm(c);
    const m = messagesOf(c);
    const decision =
      (['review', 'approve', 'reject'] as const).find((d) => d === values.text('decision')) ?? 'review';
    const reasonField = decision === 'reject' ? 'rejectReason' : 'approveReason';
    const form = (errors: FieldErrors): DecisionForm => ({ decision, values, errors });
    const input = validate(
      DecisionInputSchema,
      {
        decision,
        ...(decision === 'reject' ? { reasonCode: values.text('reasonCode') || undefined } : {}),
        reason: decision === 'review' ? '' : (values.text(reasonField) ?? ''),
        expectedVersion: values.number('expectedVersion'),
        ...(decision === 'approve' && values.checked('overrideInfeasible')
          ? { overrideInfeasible: true }
          : {}),
      },
      m,
    );
    if (!input.ok) {
      // The version is a hidden field: a problem with it means the page, not her input, is wrong.
      if (input.errors.expectedVersion) return renderMatch(c, detail, { alert: m.errors.invalidInput }, 422);
      const errors = renameErrors(input.errors, (name) => (name === 'reason' ? reasonField : name));
      // The schema's own rules (choose a reason, say why) come by their codes, already in her words.
      return renderMatch(c, detail, { form: form(errors) }, 422);
    }
    try {
      await c.var.services.matches.decide(actor, id, input.value);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_state')) {
        const latest = await c.var.services.coordination.matchDetail(actor, id, lang);
        const d = m.coordinator.decision;
        return renderMatch(
          c,
          latest,
          { alert: error.code === 'conflict' ? d.conflict : d.invalidState },
          409,
        );
      }
      const errors = fieldErrorsOf(error, m);
      if (errors)
        return renderMatch(
          c,
          detail,
          { form: form(renameErrors(errors, (n) => (n === 'reason' ? reasonField : n))) },
          422,
        );
      throw error;
    }
    const d = m.coordinator.decision;
    const notice = { review: d.reviewed, approve: d.approved, reject: d.rejected }[decision];
    return redirectWithNotice(c, matchPath(id), notice);
  })
  .post('/coordinator/matches/:id/facts/:fact/verification', requirePage(ACCESS.reviewMatches), async (c) => {
    const id = c.req.param('id');
    const actor = requireActor(c);
    const fact = FactParamSchema.safeParse(c.req.param('fact'));
    if (!fact.success) throw new AppError('not_found', 'fact not found');
    const detail = await c.var.services.coordination.matchDetail(actor, id);
    await c.var.services.coordination.verifyFact(actor, detail.role.id, fact.data);
    const m = messagesOf(c);
    return redirectWithNotice(
      c,
      `${matchPath(id)}#role`,
      m.coordinator.match.factVerified(labelOf(FLEXIBILITY_FACTS, fact.data, langOf(c))),
    );
  });
