import type { ComponentChildren } from 'preact';
import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';

/** The staff workspace frame: who is signed in, a way home and a way out. */
export function StaffLayout({ ui, title, name, hasError, children }: { ui: Ui; title: string; name: string; hasError?: boolean; children: ComponentChildren }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={title} owner="medvirk" languages={['nb', 'nn', 'en']} hasError={hasError}>
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
