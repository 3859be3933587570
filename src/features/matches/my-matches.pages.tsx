/**
 * Her matches and where each stands, in words rather than state names; she can withdraw from any
 * that is still open, take up or hide a suggestion.
 */
import { requireActor } from '../../http/env.ts';
import { PostForm, SubmitButton, TextField } from '../../web/form.tsx';
import { noValues, readForm } from '../../web/forms.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View, viewOf } from '../../web/view.ts';
import { japanDay } from '../shared/japan-time.ts';
import type { MatchView } from './match.schemas.ts';
import { canAct } from './match-lifecycle.ts';

function MatchCard(props: { view: View; match: MatchView }) {
  const { view, match } = props;
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
        <details>
          <summary>{words.withdraw}</summary>
          <PostForm view={view} action={`/me/matches/${match.id}/withdraw`}>
            <TextField
              name="reason"
              label={words.withdrawReason}
              maxlength={1000}
              values={noValues}
              errors={{}}
            />
            <SubmitButton label={words.withdraw} secondary />
          </PostForm>
        </details>
      )}
    </li>
  );
}

export const myMatchPages = newPageRouter()
  .use('/me/matches', requirePage('member'))
  .use('/me/matches/*', requirePage('member'))
  .get('/me/matches', async (c) => {
    const matches = await c.var.services.matches.mine(requireActor(c));
    return render(c, (view) => ({
      title: view.m.member.matches.title,
      body: (
        <>
          <h1>{view.m.member.matches.title}</h1>
          {matches.length === 0 ? (
            <p class="empty">{view.m.member.matches.none}</p>
          ) : (
            <ul class="list">
              {matches.map((match) => (
                <MatchCard view={view} match={match} />
              ))}
            </ul>
          )}
        </>
      ),
    }));
  })
  .post('/me/matches/:id/withdraw', async (c) => {
    const reason = ((await readForm(c)).text('reason') ?? '').trim().slice(0, 1000);
    await c.var.services.matches.withdraw(requireActor(c), c.req.param('id'), reason);
    return redirectWithNotice(c, '/me/matches', viewOf(c).m.member.matches.withdrawn);
  })
  .post('/me/matches/:id/dismiss', async (c) => {
    await c.var.services.matches.dismiss(requireActor(c), c.req.param('id'));
    return redirectWithNotice(c, '/me/matches', viewOf(c).m.member.matches.dismissed);
  });
