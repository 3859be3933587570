/**
 * The frame of every page: a header with the brand, the reader's navigation and the language
 * switch, the page's content, and — wherever a member may be reading — a quick-exit button.
 * Page titles are plain words ("仕事をさがす"), never anything that tells an onlooker more.
 */
import type { Child } from 'hono/jsx';
import type { UserRole } from '../db/schema.ts';
import { ASSET_PATHS } from './assets.ts';
import { PostForm } from './form-fields.tsx';
import type { View } from './view.ts';

/** Where a quick exit goes: an everyday page, opened in place of ours (no way back with "back"). */
export const QUICK_EXIT_URL = 'https://tenki.jp/';
/** The quick exit's own address: it ends her session on the server, then goes to QUICK_EXIT_URL. */
export const QUICK_EXIT_PATH = '/exit';

/** The trust pages every footer links to (see src/features/trust/trust.pages.tsx). */
const FOOTER_LINKS = [
  { key: 'terms', href: '/terms' },
  { key: 'privacy', href: '/privacy' },
  { key: 'operator', href: '/operator' },
  { key: 'contact', href: '/contact' },
] as const;

type NavKey = keyof View['m']['nav'];

const NAVIGATION: Record<UserRole, { key: NavKey; href: string }[]> = {
  member: [
    { key: 'home', href: '/home' },
    { key: 'jobs', href: '/jobs' },
    { key: 'favourites', href: '/me/favourites' },
    { key: 'matches', href: '/me/matches' },
    { key: 'support', href: '/me/support' },
    { key: 'profile', href: '/me/profile' },
    { key: 'privacy', href: '/me/privacy' },
  ],
  employer: [
    { key: 'roles', href: '/employer/roles' },
    { key: 'introductions', href: '/employer/introductions' },
    { key: 'organisation', href: '/employer/organisation' },
  ],
  coordinator: [
    { key: 'queue', href: '/coordinator/queue' },
    { key: 'followUps', href: '/coordinator/follow-ups' },
    { key: 'mentoring', href: '/coordinator/mentoring' },
    { key: 'notices', href: '/coordinator/notices' },
    { key: 'meetings', href: '/coordinator/meetings' },
    { key: 'prospects', href: '/coordinator/prospects' },
    { key: 'moves', href: '/coordinator/moves' },
    { key: 'organisations', href: '/coordinator/organisations' },
    { key: 'dashboard', href: '/coordinator/dashboard' },
  ],
  admin: [
    { key: 'queue', href: '/coordinator/queue' },
    { key: 'followUps', href: '/coordinator/follow-ups' },
    { key: 'mentoring', href: '/coordinator/mentoring' },
    { key: 'notices', href: '/coordinator/notices' },
    { key: 'meetings', href: '/coordinator/meetings' },
    { key: 'prospects', href: '/coordinator/prospects' },
    { key: 'moves', href: '/coordinator/moves' },
    { key: 'organisations', href: '/coordinator/organisations' },
    { key: 'dashboard', href: '/coordinator/dashboard' },
  ],
};

const isCurrent = (view: View, href: string) => view.path === href || view.path.startsWith(`${href}/`);

/** Anyone who is not staff may be a member reading on a shared phone. */
const mayBeMember = (view: View) => view.actor === undefined || view.actor.role === 'member';

export function Page(props: { view: View; title: string; children: Child; wide?: boolean }) {
  const { view, title } = props;
  const { m } = view;
  const navigation = view.actor ? NAVIGATION[view.actor.role] : [];
  return (
    <html lang={view.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex" />
        <title>{`${title} | ${m.brand}`}</title>
        <link rel="stylesheet" href={ASSET_PATHS.css} />
        <script src={ASSET_PATHS.js} defer />
      </head>
      <body class={mayBeMember(view) ? 'with-quick-exit' : undefined}>
        <a class="skip" href="#main">
          {m.skipToContent}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/">
              {m.brand}
            </a>
            <div class="bar-actions">
              <a
                class="lang"
                href={`/lang?to=${view.lang === 'ja' ? 'en' : 'ja'}&next=${encodeURIComponent(view.path)}`}
                lang={view.lang === 'ja' ? 'en' : 'ja'}
              >
                {m.language.switchTo}
              </a>
              {view.actor && (
                <PostForm view={view} action="/sign-out" class="inline">
                  <button type="submit" class="link-button">
                    {m.nav.signOut}
                  </button>
                </PostForm>
              )}
            </div>
          </div>
          {navigation.length > 0 && (
            <nav class="tabs" aria-label={m.nav.menu}>
              {navigation.map((item) => (
                <a href={item.href} aria-current={isCurrent(view, item.href) ? 'page' : undefined}>
                  {m.nav[item.key]}
                </a>
              ))}
            </nav>
          )}
        </header>
        <main id="main" class={props.wide ? 'wide' : undefined}>
          {view.notice && (
            <p class="notice" role="status">
              {view.notice}
            </p>
          )}
          {view.actor && !view.actor.emailVerified && (
            <div class="notice" role="status">
              <p>{m.account.unverified}</p>
              <PostForm view={view} action="/verification/resend" class="inline">
                <button type="submit" class="link-button">
                  {m.account.resend}
                </button>
              </PostForm>
            </div>
          )}
          {props.children}
        </main>
        <footer class="site-footer">
          <nav aria-label={m.trust.operator}>
            {view.actor && <a href="/account">{m.settings.title}</a>}
            {FOOTER_LINKS.map((link) => (
              <a href={link.href}>{m.trust[link.key]}</a>
            ))}
          </nav>
        </footer>
        {mayBeMember(view) && (
          <a
            class="quick-exit"
            href={QUICK_EXIT_PATH}
            rel="noreferrer"
            data-quick-exit
            title={m.quickExitHint}
          >
            {m.quickExit}
          </a>
        )}
      </body>
    </html>
  );
}
