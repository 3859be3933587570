/**
 * Favourites on the web: keeping and putting away from any card or job page (form posts that
 * come back to the same page), and her list of kept roles, where a role that closed or expired
 * stays with a plain word on why and when.
 */
import { requireActor } from '../../http/env.ts';
import { PostForm } from '../../web/form-fields.tsx';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { onSitePath, redirectWithNotice, type View, viewOf } from '../../web/view.ts';
import { JobCard } from '../search/job-card.tsx';
import { ACCESS } from '../shared/access.ts';
import type { Favourite } from './favourite.schemas.ts';
import type { CardMarks } from './favourite.service.ts';
import { returnPathOf } from './keep-button.tsx';

function EndedFavourite(props: { view: View; favourite: Favourite; returnTo: string }) {
  const { view, favourite } = props;
  const words = view.m.keeping;
  return (
    <article class="card infeasible">
      <p>
        <span class="badge warn">{words.states[favourite.state]}</span>
        {favourite.interested && <span class="badge state">{words.interested}</span>}
      </p>
      <h3 class="card-title">{favourite.title}</h3>
      <p class="meta">
        {favourite.organisationName}
        {favourite.endedAt && ` · ${words.endedOn(view.m.date(favourite.endedAt))}`}
        {` · ${words.keptOn(view.m.date(favourite.keptAt))}`}
      </p>
      <PostForm
        view={view}
        action={`/me/favourites/${encodeURIComponent(favourite.roleId)}/remove?next=${encodeURIComponent(props.returnTo)}`}
        class="inline"
      >
        <button type="submit" class="button secondary small">
          {words.unkeep}
        </button>
      </PostForm>
    </article>
  );
}

export const favouritePages = newPageRouter()
  .get('/me/favourites', requirePage(ACCESS.favourites), async (c) => {
    const actor = requireActor(c);
    const { items } = await c.var.services.favourites.list(actor);
    // Every card's marks at once: all of these are kept; 応募済み comes with the list.
    const marks: CardMarks = {
      kept: new Set(items.map((f) => f.roleId)),
      interested: new Set(items.filter((f) => f.interested).map((f) => f.roleId)),
    };
    const returnTo = returnPathOf(c.req.url);
    return render(c, (view) => ({
      title: view.m.keeping.favourites,
      body: (
        <>
          <h1>{view.m.keeping.favourites}</h1>
          <p class="meta">{view.m.keeping.favouritesHint}</p>
          <p>
            <a href="/me/saved-searches">{view.m.keeping.seeSavedSearches}</a>
          </p>
          {items.length === 0 ? (
            <p class="empty">{view.m.keeping.noFavourites}</p>
          ) : (
            items.map((favourite) =>
              favourite.role ? (
                <JobCard view={view} hit={{ role: favourite.role }} keeping={{ marks, returnTo }} />
              ) : (
                <EndedFavourite view={view} favourite={favourite} returnTo={returnTo} />
              ),
            )
          )}
        </>
      ),
    }));
  })
  .post('/me/favourites/:id', requirePage(ACCESS.favourites), async (c) => {
    await c.var.services.favourites.keep(requireActor(c), c.req.param('id'));
    return redirectWithNotice(
      c,
      onSitePath(c.req.query('next')) ?? '/me/favourites',
      viewOf(c).m.keeping.keptNotice,
    );
  })
  .post('/me/favourites/:id/remove', requirePage(ACCESS.favourites), async (c) => {
    await c.var.services.favourites.unkeep(requireActor(c), c.req.param('id'));
    return redirectWithNotice(
      c,
      onSitePath(c.req.query('next')) ?? '/me/favourites',
      viewOf(c).m.keeping.unkeptNotice,
    );
  });
