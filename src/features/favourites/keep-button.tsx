/**
 * The marks on a job card or page for a member: 「応募済み」 when she already said she is
 * interested, and the one-tap keep / stop-keeping button. The button is a plain form POST (with
 * the anti-forgery token), so it works without JavaScript, and returns her to the same page.
 */
import { PostForm } from '../../web/form-fields.tsx';
import type { View } from '../../web/view.ts';
import type { CardMarks } from './favourite.service.ts';

/** What a page hands its cards: the marks of all of them (one query) and where to come back to. */
export interface CardKeeping {
  marks: CardMarks;
  returnTo: string;
}

/** The current page as a path to come back to (its query kept). */
export function returnPathOf(url: string): string {
  const { pathname, search } = new URL(url);
  return pathname + search;
}

export function InterestedBadge(props: { view: View; roleId: string; keeping: CardKeeping | undefined }) {
  if (!props.keeping?.marks.interested.has(props.roleId)) return null;
  return <span class="badge state">{props.view.m.keeping.interested}</span>;
}

export function KeepButton(props: { view: View; roleId: string; keeping: CardKeeping | undefined }) {
  const { view, roleId, keeping } = props;
  if (view.actor?.role !== 'member' || !keeping) return null;
  const kept = keeping.marks.kept.has(roleId);
  const next = `?next=${encodeURIComponent(keeping.returnTo)}`;
  const id = encodeURIComponent(roleId);
  return (
    <PostForm
      view={view}
      action={kept ? `/me/favourites/${id}/remove${next}` : `/me/favourites/${id}${next}`}
      class="inline keep"
    >
      <button type="submit" class="button secondary small" aria-pressed={kept ? 'true' : 'false'}>
        {kept ? view.m.keeping.unkeep : view.m.keeping.keep}
      </button>
    </PostForm>
  );
}
