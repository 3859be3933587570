/**
 * Relocation pages: her move page (phone), one card per place she would move to, with its
 * notices, the work that fits her there after the move and her coordinator's note; and the
 * coordinators' table of planned moves per place and month, with the note form beside each member.
 */
import { notFound } from '../../errors.ts';
import { requireActor } from '../../http/env.ts';
import { ErrorSummary, PostForm, SubmitButton, TextField } from '../../web/form-fields.tsx';
import { type FieldErrors, formValues, readForm, validate } from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View } from '../../web/view.ts';
import { JobCard } from '../search/job-card.tsx';
import { ACCESS } from '../shared/access.ts';
import {
  MoveNoteInputSchema,
  MoveNoteParamsSchema,
  type MovePlan,
  type PlannedMoves,
} from './relocation.schemas.ts';

function MovePlanCard(props: { view: View; plan: MovePlan }) {
  const { view, plan } = props;
  const words = view.m.outreach.movePage;
  const id = `move-${plan.area.code}`;
  return (
    <section class="card move-plan" aria-labelledby={id}>
      <h2 id={id}>{plan.area.name}</h2>
      <p class="meta">
        {plan.moveFrom ? words.from(view.m.month(plan.moveFrom)) : words.undated}
        {plan.maxCommuteMinutes !== null && ` ・ ${words.commute(plan.maxCommuteMinutes)}`}
      </p>
      {plan.needsRelocationSupport && <p>{words.support}</p>}
      <h3>{words.note}</h3>
      {plan.note ? (
        <p class="quote">
          {plan.note.text}
          <br />
          <span class="meta">{view.m.outreach.moves.written(view.m.date(plan.note.writtenAt))}</span>
        </p>
      ) : (
        <p class="meta">{words.noNote}</p>
      )}
      <h3>{words.notices}</h3>
      {plan.notices.length === 0 ? (
        <p class="meta">{words.noNotices}</p>
      ) : (
        <ul class="plain">
          {plan.notices.map((notice) => (
            <li>
              <strong>{notice.title}</strong>
              <br />
              {notice.body}
              {notice.link && (
                <>
                  {' '}
                  <a href={notice.link} rel="noopener noreferrer">
                    {notice.link}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <h3>{words.roles}</h3>
      {plan.roles.length === 0 ? (
        <p class="meta">{words.noRoles}</p>
      ) : (
        plan.roles.map((hit) => <JobCard view={view} hit={hit} />)
      )}
      <p>
        <a class="button secondary wide" href={`/jobs?prefCode=${plan.area.prefCode}`}>
          {words.moreRoles}
        </a>
      </p>
    </section>
  );
}

function PlannedMovesTable(props: { view: View; groups: PlannedMoves[]; errors: FieldErrors }) {
  const { view, groups, errors } = props;
  const words = view.m.outreach.moves;
  if (groups.length === 0) return <p class="empty">{words.none}</p>;
  return (
    <>
      {groups.map((group) => (
        <section class="card" aria-label={`${group.area.name} ${group.month ?? words.undated}`}>
          <h2>
            {group.area.name}
            <span class="meta">
              {' '}
              {group.area.prefecture} ・ {group.month ? words.month(group.month) : words.undated}
            </span>
          </h2>
          <ul class="plain move-members">
            {group.members.map((member) => {
              const field = `note.${member.memberId}.${group.area.code}`;
              return (
                <li>
                  <a href={`/coordinator/members/${member.memberId}`}>{member.name}</a>
                  {member.needsRelocationSupport && <span class="badge">{words.needsSupport}</span>}
                  <PostForm
                    view={view}
                    action={`/coordinator/moves/${member.memberId}/${group.area.code}/note`}
                  >
                    <TextField
                      name={field}
                      label={words.note}
                      hint={member.note ? words.written(view.m.date(member.note.writtenAt)) : words.noteHint}
                      multiline
                      maxlength={1000}
                      values={formValues({ [field]: member.note?.text ?? '' })}
                      errors={errors}
                    />
                    <SubmitButton label={words.save} secondary />
                  </PostForm>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

export const relocationPages = newPageRouter()
  .get('/me/moves', requirePage(ACCESS.ownMoves), async (c) => {
    const plans = await c.var.services.relocation.mine(requireActor(c));
    return render(c, (view) => {
      const words = view.m.outreach.movePage;
      return {
        title: words.title,
        body: (
          <>
            <h1>{words.title}</h1>
            <p class="lead">{words.lead}</p>
            {plans.length === 0 ? (
              <p class="empty">
                {words.none} <a href="/me/profile?section=place#section-place">{words.addTarget}</a>
              </p>
            ) : (
              plans.map((plan) => <MovePlanCard view={view} plan={plan} />)
            )}
          </>
        ),
      };
    });
  })
  .get('/coordinator/moves', requirePage(ACCESS.planMoves), async (c) => {
    const groups = await c.var.services.relocation.planned(requireActor(c));
    return render(c, (view) => staffPage(view, groups, {}));
  })
  .post('/coordinator/moves/:id/:areaCode/note', requirePage(ACCESS.planMoves), async (c) => {
    const { id: memberId, areaCode } = c.req.param();
    // A malformed address names no one's move: the same 404 as an unknown one.
    if (!MoveNoteParamsSchema.safeParse({ id: memberId, areaCode }).success) throw notFound('move plan');
    const values = await readForm(c);
    const m = messagesOf(c);
    const field = `note.${memberId}.${areaCode}`;
    const input = validate(MoveNoteInputSchema, { note: values.text(field) ?? '' }, m);
    if (!input.ok) {
      const groups = await c.var.services.relocation.planned(requireActor(c));
      return render(c, (view) => staffPage(view, groups, { [field]: input.errors.note ?? '' }), 422);
    }
    await c.var.services.relocation.writeNote(requireActor(c), memberId, areaCode, input.value.note);
    return redirectWithNotice(c, '/coordinator/moves', m.outreach.moves.saved);
  });

function staffPage(view: View, groups: PlannedMoves[], errors: FieldErrors) {
  const words = view.m.outreach.moves;
  return {
    title: words.title,
    wide: true,
    body: (
      <>
        <h1>{words.title}</h1>
        <p class="lead">{words.lead}</p>
        <ErrorSummary view={view} errors={errors} />
        <PlannedMovesTable view={view} groups={groups} errors={errors} />
      </>
    ),
  };
}
