/**
 * The page a firm opens from its invitation link (`/join/:token`): what joining means, and — signed
 * in as an employer with a registered organisation — accepting it, which links the firm to the
 * prospect its coordinator has been following.
 */
import { requireActor } from '../../http/env.ts';
import { PostForm, SubmitButton } from '../../web/form-fields.tsx';
import { messagesOf } from '../../web/i18n.ts';
import { newPageRouter, render, requirePage } from '../../web/pages.tsx';
import { redirectWithNotice } from '../../web/view.ts';
import { ACCESS, admits } from '../shared/access.ts';

export const invitationPages = newPageRouter()
  .get('/join/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await c.var.services.prospects.invitation(token);
    const actor = c.var.actor;
    return render(
      c,
      (view) => {
        const w = view.m.outreach.join;
        if (!invitation)
          return {
            title: w.invalidTitle,
            body: (
              <>
                <h1>{w.invalidTitle}</h1>
                <p>{w.invalid}</p>
              </>
            ),
          };
        const here = `/join/${encodeURIComponent(token)}`;
        return {
          title: w.title(invitation.company),
          body: (
            <>
              <h1>{w.title(invitation.company)}</h1>
              <p class="lead">{w.lead}</p>
              {!actor ? (
                <>
                  <ol>
                    {w.steps.map((step) => (
                      <li>{step}</li>
                    ))}
                  </ol>
                  <p>
                    <a class="button" href="/sign-up">
                      {w.signUp}
                    </a>{' '}
                    <a class="button secondary" href={`/sign-in?next=${encodeURIComponent(here)}`}>
                      {w.signIn}
                    </a>
                  </p>
                </>
              ) : !admits(ACCESS.acceptInvitation, actor) ? (
                <p>{w.onlyEmployers}</p>
              ) : !actor.organisationId ? (
                <>
                  <p>{w.needOrganisation}</p>
                  <a class="button" href="/employer/organisation">
                    {w.registerOrganisation}
                  </a>
                </>
              ) : (
                <PostForm view={view} action={here}>
                  <SubmitButton label={w.accept} />
                </PostForm>
              )}
            </>
          ),
        };
      },
      invitation ? 200 : 404,
    );
  })
  .post('/join/:token', requirePage(ACCESS.acceptInvitation), async (c) => {
    const accepted = await c.var.services.prospects.acceptInvitation(requireActor(c), c.req.param('token'));
    return redirectWithNotice(c, '/employer/roles', messagesOf(c).outreach.join.accepted(accepted.company));
  });
