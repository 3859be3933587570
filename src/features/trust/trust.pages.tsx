/**
 * The pages that say who runs the service and on what terms: 利用規約, プライバシーポリシー,
 * 運営者情報 (with the placement licence number from configuration) and お問い合わせ. Every
 * page's footer links to them, and sign-up asks her to agree to the first two.
 */
import type { AppConfig } from '../../deps.ts';
import { newPageRouter, render } from '../../web/pages.tsx';
import { POLICY_VERSION } from './policy.ts';

/** The footer links, in order (shared with the layout). */
export const TRUST_LINKS = [
  { key: 'terms', href: '/terms' },
  { key: 'privacy', href: '/privacy' },
  { key: 'operator', href: '/operator' },
  { key: 'contact', href: '/contact' },
] as const;

export function trustPages(config: AppConfig) {
  const { operator } = config;
  return newPageRouter()
    .get('/terms', (c) =>
      render(c, ({ m }) => ({
        title: m.trust.terms,
        body: (
          <section class="card">
            <h1>{m.trust.terms}</h1>
            <ol>
              {m.trust.termsBody.map((line) => (
                <li>{line}</li>
              ))}
            </ol>
            <p class="meta">{m.trust.policyVersion(POLICY_VERSION)}</p>
          </section>
        ),
      })),
    )
    .get('/privacy', (c) =>
      render(c, ({ m }) => ({
        title: m.trust.privacy,
        body: (
          <section class="card">
            <h1>{m.trust.privacy}</h1>
            <ol>
              {m.trust.privacyBody.map((line) => (
                <li>{line}</li>
              ))}
            </ol>
            <p class="meta">{m.trust.policyVersion(POLICY_VERSION)}</p>
          </section>
        ),
      })),
    )
    .get('/operator', (c) =>
      render(c, ({ m }) => ({
        title: m.trust.operator,
        body: (
          <section class="card">
            <h1>{m.trust.operator}</h1>
            <dl>
              <dt>{m.trust.operatorName}</dt>
              <dd>{operator.name}</dd>
              <dt>{m.trust.licence}</dt>
              <dd>{operator.licence}</dd>
              {operator.address && (
                <>
                  <dt>{m.trust.address}</dt>
                  <dd>{operator.address}</dd>
                </>
              )}
              <dt>{m.trust.contactEmail}</dt>
              <dd>
                <a href={`mailto:${operator.contactEmail}`}>{operator.contactEmail}</a>
              </dd>
            </dl>
          </section>
        ),
      })),
    )
    .get('/contact', (c) =>
      render(c, ({ m }) => ({
        title: m.trust.contact,
        body: (
          <section class="card">
            <h1>{m.trust.contact}</h1>
            <p>{m.trust.contactBody}</p>
            <p>
              <a href={`mailto:${operator.contactEmail}`}>{operator.contactEmail}</a>
            </p>
          </section>
        ),
      })),
    );
}
