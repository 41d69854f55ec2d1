import type { ComponentChildren } from 'preact';
import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';

/** The staff workspace frame: who is signed in, a way home and a way out. */
export interface StaffLayoutProps {
  ui: Ui;
  title: string;
  name: string;
  hasError?: boolean;
  /** The page's own address when it answers a POST, so language links lead back to it. */
  here?: string;
  /** False where switching language would lose something shown only once. */
  languageLinks?: boolean;
  children: ComponentChildren;
}

export function StaffLayout({ ui, title, name, hasError, here, languageLinks = true, children }: StaffLayoutProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={title} owner="medvirk" languages={languageLinks ? ['nb', 'nn', 'en'] : []} here={here} hasError={hasError}>
      <div class="staff-bar">
        <a href="/staff">{t('staff.home.title')}</a>
        <span>{t('staff.signedInAs', { name })}</span>
        <form method="post" action="/staff/sign-out">
          <button class="button button--secondary button--small" type="submit">
            {t('staff.signOut')}
          </button>
        </form>
      </div>
      {children}
    </Layout>
  );
}
