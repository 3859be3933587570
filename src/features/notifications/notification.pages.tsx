/**
 * What changed for her (or for the employer) since the last visit, at the top of the page she
 * lands on: an introduction decided, an outcome recorded, a new introduction. Each is put away
 * with one tap, which returns her to the same page.
 */
import { requireActor } from '../../http/env.ts';
import { PostForm, SubmitButton } from '../../web/form-fields.tsx';
import { newPageRouter, requirePage } from '../../web/pages.tsx';
import { onSitePath, type View } from '../../web/view.ts';
import { ACCESS } from '../shared/access.ts';
import type { Notification } from './notification.service.ts';

/** Unread notifications with a "read" button each; nothing at all when there are none. */
export function NotificationPanel(props: { view: View; items: Notification[]; returnTo: string }) {
  const { view, items } = props;
  if (items.length === 0) return null;
  const words = view.m.notifications;
  return (
    <section class="card news" aria-labelledby="news">
      <h2 id="news">{words.heading}</h2>
      <ul class="list">
        {items.map((item) => (
          <li>
            <p class="card-title">{item.title}</p>
            <p>{item.body}</p>
            <p class="meta">{view.m.dateTime(item.createdAt)}</p>
            <PostForm
              view={view}
              action={`/notifications/${encodeURIComponent(item.id)}/read?next=${encodeURIComponent(props.returnTo)}`}
              class="inline"
            >
              <SubmitButton label={words.markRead} secondary />
            </PostForm>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const notificationPages = newPageRouter().post(
  '/notifications/:id/read',
  requirePage(ACCESS.notifications),
  async (c) => {
    // Someone else's id is a 404 from the service, like an unknown one.
    await c.var.services.notifications.markRead(requireActor(c), c.req.param('id'));
    return c.redirect(onSitePath(c.req.query('next')) ?? '/', 303);
  },
);
