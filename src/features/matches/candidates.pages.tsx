/**
 * A role's candidates for a coordinator: the members who fit, best first, each with her score and
 * the strongest reasons; apart from them the members who miss by a small margin, with exactly what
 * is missing, so the coordinator can ask the member or the employer; and what left the others out.
 * The list is never empty without a word: the summary sentence always says how many fit and why not.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/env.ts';
import { requireActor } from '../../http/env.ts';
import { langOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import type { View } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import { constraintLabel } from './explanations.ts';
import type { CandidateList } from './match.schemas.ts';
import { candidatesPath } from './match-review.view.tsx';

const PAGE_SIZE = 20;
const REASONS_SHOWN = 3;

type Candidate = CandidateList['items'][number];

function MemberLink(props: { candidate: Candidate }) {
  const { member } = props.candidate;
  return (
    <a href={`/coordinator/members/${encodeURIComponent(member.userId)}`}>
      {member.familyName} {member.givenName}
    </a>
  );
}

function FittingCandidate(props: { view: View; candidate: Candidate }) {
  const { view, candidate } = props;
  const match = candidate.match;
  return (
    <li class="card">
      <h3 class="card-title">
        <MemberLink candidate={candidate} />
      </h3>
      <p class="meta">{candidate.member.area.name}</p>
      {match && (
        <>
          <p class="score">{view.m.coordinator.candidates.score(Math.round(match.score * 100))}</p>
          <ul class="reasons">
            {match.reasons.slice(0, REASONS_SHOWN).map((r) => (
              <li class={r.tone}>{r.text}</li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

function NearMiss(props: { candidate: Candidate }) {
  const { candidate } = props;
  const missed = candidate.infeasible;
  return (
    <li class="card">
      <h3 class="card-title">
        <MemberLink candidate={candidate} />
      </h3>
      <p class="meta">{candidate.member.area.name}</p>
      {missed && (
        <ul class="reasons">
          {missed.violations.map((v) => (
            <li class="negative">{v.text}</li>
          ))}
          {missed.margins.map((m) => (
            <li class="neutral">{m.text}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function CandidatesPage(props: { view: View; roleId: string; roleTitle: string; list: CandidateList }) {
  const { view, list } = props;
  const words = view.m.coordinator.candidates;
  const excluded = Object.entries(list.excluded)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const from = list.offset + 1;
  const to = list.offset + list.items.length;
  const page = (offset: number) => `${candidatesPath(props.roleId)}${offset > 0 ? `?offset=${offset}` : ''}`;
  return (
    <>
      <p class="meta">
        <a href="/coordinator/queue">← {view.m.coordinator.match.backToQueue}</a>
      </p>
      <h1>{words.title(props.roleTitle)}</h1>
      <p>{list.summary}</p>
      <section aria-labelledby="fitting">
        <h2 id="fitting">{words.fitting(list.feasibleCount)}</h2>
        {list.items.length === 0 ? (
          <p class="empty">{words.none}</p>
        ) : (
          <ol class="plain-list">
            {list.items.map((candidate) => (
              <FittingCandidate view={view} candidate={candidate} />
            ))}
          </ol>
        )}
        {list.total > list.limit && (
          <nav class="pager" aria-label={view.m.pagination.of(from, to, list.total)}>
            {list.offset > 0 ? (
              <a href={page(Math.max(0, list.offset - list.limit))}>{view.m.pagination.previous}</a>
            ) : (
              <span />
            )}
            <span class="meta">{view.m.pagination.of(from, to, list.total)}</span>
            {to < list.total ? (
              <a href={page(list.offset + list.limit)}>{view.m.pagination.next}</a>
            ) : (
              <span />
            )}
          </nav>
        )}
      </section>
      <section aria-labelledby="near-misses">
        <h2 id="near-misses">{words.nearMisses(list.nearMissCount)}</h2>
        <p class="hint">{words.nearMissesHint}</p>
        {list.nearMissCount > list.nearMisses.length && (
          <p class="meta">{words.closestNearMisses(list.nearMisses.length)}</p>
        )}
        {list.nearMisses.length === 0 ? (
          <p class="empty">{words.noNearMisses}</p>
        ) : (
          <ul class="plain-list">
            {list.nearMisses.map((candidate) => (
              <NearMiss candidate={candidate} />
            ))}
          </ul>
        )}
      </section>
      {excluded.length > 0 && (
        <section class="card" aria-labelledby="excluded">
          <h2 id="excluded">{words.excluded}</h2>
          <ul>
            {excluded.map(([code, n]) => (
              <li>{words.excludedCount(constraintLabel(code, view.lang), n)}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** The page offset from the query: a bad value is the first page, as a link someone shortened would be. */
const OffsetSchema = z.coerce.number().int().min(0).max(10_000).catch(0);

export const candidatePages = newPageRouter().get(
  '/coordinator/roles/:id/candidates',
  requirePage(ACCESS.reviewMatches),
  async (c: Context<AppEnv>) => {
    const actor = requireActor(c);
    const roleId = c.req.param('id') as string;
    const lang = langOf(c);
    const role = await c.var.services.roles.get(actor, roleId);
    const list = await c.var.services.candidates.forRole(actor, roleId, {
      lang,
      limit: PAGE_SIZE,
      offset: OffsetSchema.parse(c.req.query('offset') ?? 0),
    });
    return render(c, (view) => ({
      title: view.m.coordinator.candidates.title(role.title),
      wide: true,
      body: <CandidatesPage view={view} roleId={roleId} roleTitle={role.title} list={list} />,
    }));
  },
);
