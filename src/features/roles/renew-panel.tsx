/**
 * An ad's freshness for its employer, on the role list and the role's page: until when it is
 * listed (or since when it has been out of search), and the one-tap 「掲載を延長する」 form.
 */
import { PostForm } from '../../web/form-fields.tsx';
import type { View } from '../../web/view.ts';
import type { Role } from './role.schemas.ts';

export function RenewPanel(props: { view: View; role: Role; returnTo: string }) {
  const { view, role } = props;
  if (role.status !== 'published' || !role.expiresAt) return null;
  const words = view.m.keeping;
  return (
    <div class={role.expiredAt ? 'renew expired' : 'renew'}>
      <p class={role.expiredAt ? 'degraded' : 'meta'}>
        {role.expiredAt
          ? words.expiredOn(view.m.date(role.expiredAt))
          : words.expiresOn(view.m.date(role.expiresAt))}
      </p>
      <PostForm
        view={view}
        action={`/employer/roles/${encodeURIComponent(role.id)}/renew?next=${encodeURIComponent(props.returnTo)}`}
        class="inline"
      >
        <button type="submit" class="button secondary small">
          {words.renew}
        </button>
      </PostForm>
    </div>
  );
}
