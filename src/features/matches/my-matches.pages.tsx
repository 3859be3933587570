/**
 * Her matches and where each stands, in words rather than state names; she can withdraw from any
 * that is still open, take up or hide a suggestion.
 */
import type { Context } from 'hono';
import { type AppEnv, requireActor } from '../../http/env.ts';
import { PostForm, SubmitButton, TextField } from '../../web/form-fields.tsx';
import { type FieldErrors, type FormValues, noValues, readForm, validate } from '../../web/form-input.ts';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View, viewOf } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import { japanDay } from '../shared/japan-time.ts';
import { type MatchView, WithdrawInputSchema } from './match.schemas.ts';
import { canAct } from './match-lifecycle.ts';

/** A withdrawal that came back with a problem: which match, what she typed, and what is wrong. */
interface WithdrawForm {
  matchId: string;
  values: FormValues;
  errors: FieldErrors;
}

function MatchCard(props: {
  view: View;
  match: MatchView;
  withdraw: WithdrawForm | undefined;
  typicalWaitDays: number | null;
}) {
  const { view, match } = props;
  const posted = props.withdraw?.matchId === match.id ? props.withdraw : undefined;
  const words = view.m.member.matches;
  const since = view.m.dayOfYear(japanDay(match.interestedAt ?? match.createdAt));
  return (
    <li class="card">
      <h2 class="card-title">
        <a href={`/jobs/${match.roleId}`}>{match.roleTitle}</a>
      </h2>
      <p class="meta">{match.organisationName}</p>
      <p>
        <span class="badge state">{view.m.matchStates[match.state]}</span>{' '}
        <span class="meta">{words.since(since)}</span>
      </p>
      <p>{words.explain[match.state]}</p>
      {(match.state === 'interested' || match.state === 'under_review') && (
        <p class="meta">
          {props.typicalWaitDays === null ? words.nextSteps : words.typicalWait(props.typicalWaitDays)}
        </p>
      )}
      <div class="actions">
        {match.state === 'suggested' && (
          <PostForm view={view} action={`/jobs/${match.roleId}/interest`} class="inline">
            <SubmitButton label={words.accept} />
          </PostForm>
        )}
        {canAct('dismiss', match.state, 'member') && (
          <PostForm view={view} action={`/me/matches/${match.id}/dismiss`} class="inline">
            <SubmitButton label={words.dismiss} secondary />
          </PostForm>
        )}
      </div>
      {canAct('withdraw', match.state, 'member') && (
        <details open={posted !== undefined}>
          <summary>{words.withdraw}</summary>
          <PostForm view={view} action={`/me/matches/${match.id}/withdraw`}>
            <TextField
              name="reason"
              label={words.withdrawReason}
              maxlength={1000}
              values={posted?.values ?? noValues}
              errors={posted?.errors ?? {}}
            />
            <SubmitButton label={words.withdraw} secondary />
          </PostForm>
        </details>
      )}
    </li>
  );
}

export const myMatchPages = newPageRouter()
  .use('/me/matches', requirePage(ACCESS.ownMatches))
  .use('/me/matches/*', requirePage(ACCESS.ownMatches))
  .get('/me/matches', async (c) => showMatches(c))
  .post('/me/matches/:id/withdraw', async (c) => {
    const values = await readForm(c);
    const input = validate(WithdrawInputSchema, { reason: values.text('reason') ?? '' }, messagesOf(c));
    if (!input.ok) return showMatches(c, { matchId: c.req.param('id'), values, errors: input.errors }, 422);
    await c.var.services.matches.withdraw(requireActor(c), c.req.param('id'), input.value.reason);
    return redirectWithNotice(c, '/me/matches', viewOf(c).m.member.matches.withdrawn);
  })
  .post('/me/matches/:id/dismiss', async (c) => {
    await c.var.services.matches.dismiss(requireActor(c), c.req.param('id'));
    return redirectWithNotice(c, '/me/matches', viewOf(c).m.member.matches.dismissed);
  });

async function showMatches(c: Context<AppEnv>, withdraw?: WithdrawForm, status: 200 | 422 = 200) {
  const [matches, typicalWaitDays] = await Promise.all([
    c.var.services.matches.mine(requireActor(c)),
    c.var.services.dashboard.typicalWaitDays(),
  ]);
  return render(
    c,
    (view) => ({
      title: view.m.member.matches.title,
      body: (
        <>
          <h1>{view.m.member.matches.title}</h1>
          {matches.length === 0 ? (
            <p class="empty">{view.m.member.matches.none}</p>
          ) : (
            <ul class="list">
              {matches.map((match) => (
                <MatchCard view={view} match={match} withdraw={withdraw} typicalWaitDays={typicalWaitDays} />
              ))}
            </ul>
          )}
        </>
      ),
    }),
    status,
  );
}
