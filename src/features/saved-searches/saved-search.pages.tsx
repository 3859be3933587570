/**
 * Saved searches on the web: the form under her search results that saves what she is looking at
 * (a name and how often), and her list of saved searches where she opens one, changes its name
 * or frequency, or deletes it. Plain form posts with the anti-forgery token, no JavaScript needed.
 */
import { invalidField } from '../../errors.ts';
import { requireActor } from '../../http/env.ts';
import { PostForm, SelectField, SubmitButton, TextField } from '../../web/form-fields.tsx';
import { formValues, readForm } from '../../web/form-input.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice, type View, viewOf } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import type { SavedSearch } from './saved-search.schemas.ts';
import { queryRecord } from './saved-search.service.ts';

const NO_ERRORS = {};

function frequencyOptions(view: View) {
  const words = view.m.keeping;
  return [
    { value: 'daily', label: words.frequencies.daily },
    { value: 'weekly', label: words.frequencies.weekly },
  ];
}

/** A name for a search she did not name: her words, else the day she saved it. */
function defaultName(query: string, view: View): string {
  const words = queryRecord(query).q;
  const text = Array.isArray(words) ? words.join(' ') : words;
  return (text?.trim() || view.m.date(new Date().toISOString())).slice(0, 100);
}

/** Under her results: save this very search (its canonical query string rides along hidden). */
export function SaveSearchForm(props: { view: View; query: string }) {
  const { view } = props;
  const words = view.m.keeping;
  return (
    <details class="card save-search">
      <summary>{words.saveSearch}</summary>
      <PostForm view={view} action="/me/saved-searches">
        <p class="meta">{words.saveSearchHint}</p>
        <input type="hidden" name="query" value={props.query} />
        <TextField
          name="name"
          label={words.searchName}
          hint={words.searchNameHint}
          maxlength={100}
          values={formValues({ name: defaultName(props.query, view) })}
          errors={NO_ERRORS}
        />
        <SelectField
          name="frequency"
          label={words.frequency}
          options={frequencyOptions(view)}
          values={formValues({ frequency: 'weekly' })}
          errors={NO_ERRORS}
        />
        <SubmitButton label={words.save} />
      </PostForm>
      <p>
        <a href="/me/saved-searches">{words.seeSavedSearches}</a>
      </p>
    </details>
  );
}

function SavedSearchItem(props: { view: View; search: SavedSearch }) {
  const { view, search } = props;
  const words = view.m.keeping;
  const id = encodeURIComponent(search.id);
  return (
    <li class="card">
      <p class="card-title">
        <a href={`/jobs?${search.query}`}>{search.name}</a>
      </p>
      <p class="meta">
        {words.frequencies[search.frequency]}
        {search.lastAlertAt && ` · ${words.lastAlert(view.m.date(search.lastAlertAt))}`}
        {` · ${words.nextAlert(view.m.date(search.nextAlertAt))}`}
      </p>
      <p>
        <a class="button secondary small" href={`/jobs?${search.query}`}>
          {words.open}
        </a>
      </p>
      <details>
        <summary>{words.change}</summary>
        <PostForm view={view} action={`/me/saved-searches/${id}`}>
          <TextField
            name="name"
            label={words.searchName}
            maxlength={100}
            values={formValues({ name: search.name })}
            errors={NO_ERRORS}
          />
          <SelectField
            name="frequency"
            label={words.frequency}
            options={frequencyOptions(view)}
            values={formValues({ frequency: search.frequency })}
            errors={NO_ERRORS}
          />
          <SubmitButton label={words.change} />
        </PostForm>
      </details>
      <PostForm view={view} action={`/me/saved-searches/${id}/delete`} class="inline">
        <SubmitButton label={words.remove} secondary />
      </PostForm>
    </li>
  );
}

export const savedSearchPages = newPageRouter()
  .get('/me/saved-searches', requirePage(ACCESS.savedSearches), async (c) => {
    const searches = await c.var.services.savedSearches.list(requireActor(c));
    return render(c, (view) => ({
      title: view.m.keeping.savedSearches,
      body: (
        <>
          <h1>{view.m.keeping.savedSearches}</h1>
          <p class="meta">{view.m.keeping.savedSearchesHint}</p>
          {searches.length === 0 ? (
            <p class="empty">{view.m.keeping.noSavedSearches}</p>
          ) : (
            <ul class="list">
              {searches.map((search) => (
                <SavedSearchItem view={view} search={search} />
              ))}
            </ul>
          )}
        </>
      ),
    }));
  })
  .post('/me/saved-searches', requirePage(ACCESS.savedSearches), async (c) => {
    const view = viewOf(c);
    const values = await readForm(c);
    // The form always carries the search it was drawn under (perhaps empty: every job).
    const query = values.text('query');
    if (query === undefined) throw invalidField('query', 'the search to save is missing', 'required');
    const frequency = values.text('frequency') === 'daily' ? 'daily' : 'weekly';
    await c.var.services.savedSearches.create(requireActor(c), {
      name: values.text('name')?.trim() || defaultName(query, view),
      query,
      frequency,
    });
    return redirectWithNotice(c, '/me/saved-searches', view.m.keeping.savedNotice);
  })
  .post('/me/saved-searches/:id', requirePage(ACCESS.savedSearches), async (c) => {
    const view = viewOf(c);
    const values = await readForm(c);
    const actor = requireActor(c);
    const id = c.req.param('id');
    const current = (await c.var.services.savedSearches.list(actor)).find((s) => s.id === id);
    await c.var.services.savedSearches.update(actor, id, {
      name: values.text('name')?.trim() || current?.name || defaultName('', view),
      frequency: values.text('frequency') === 'daily' ? 'daily' : 'weekly',
    });
    return redirectWithNotice(c, '/me/saved-searches', view.m.keeping.changedNotice);
  })
  .post('/me/saved-searches/:id/delete', requirePage(ACCESS.savedSearches), async (c) => {
    await c.var.services.savedSearches.remove(requireActor(c), c.req.param('id'));
    return redirectWithNotice(c, '/me/saved-searches', viewOf(c).m.keeping.removedNotice);
  });
