import type { ComponentChildren } from 'preact';
import { assets } from '../generated/assets.ts';
import { LANGUAGE_INFO, type Language } from '../../worker/core/language.ts';
import { AssistedBanner, HelpLine, QuickExit } from './respondent-chrome.tsx';
import type { Ui } from '../ui.ts';

export interface LayoutProps {
  ui: Ui;
  title: string;
  /** Shown in the header: whose service this is. */
  owner?: string;
  /** Languages this page can be shown in; a link for each keeps the person where they are. */
  languages?: readonly Language[];
  /** The address of this page, where it differs from the request's (a page shown after a POST). */
  here?: string;
  /** True where the page has an error, so the title says so first (as screen readers read it). */
  hasError?: boolean;
  /** The privacy page of the municipality the page speaks for; by default the respondent's, or the general one. */
  privacyHref?: string;
  children: ComponentChildren;
}

export function Layout({ ui, title, owner, languages = [], here = '', hasError, privacyHref, children }: LayoutProps) {
  const { t, lang } = ui;
  return (
    <html lang={lang} dir={LANGUAGE_INFO[lang].dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${hasError ? `${t('layout.errorPrefix')} ` : ''}${title} – ${owner ?? 'medvirk'}`}</title>
        {/* Inline, so the first question shows without a second round trip; allowed by its CSP hash. */}
        <style dangerouslySetInnerHTML={{ __html: assets.css.body }} />
        <script src={assets.js.path} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('layout.skip')}
        </a>
        <header class="header">
          <span class="owner">{owner ?? 'medvirk'}</span>
          <QuickExit ui={ui} />
          {languages.length > 1 && (
            <nav aria-label={t('layout.languages')}>
              <ul class="languages">
                {languages.map((code) => (
                  <li>
                    <a href={`${here}?lang=${code}`} hreflang={code} lang={code} aria-current={code === lang ? 'true' : undefined}>
                      {LANGUAGE_INFO[code].name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </header>
        <AssistedBanner ui={ui} />
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="footer">
          <HelpLine ui={ui} />
          <a href="/accessibility">{t('layout.accessibility')}</a> · <a href={privacyHref ?? ui.respondent?.privacyHref ?? '/privacy'}>{t('layout.privacy')}</a>
        </footer>
      </body>
    </html>
  );
}
