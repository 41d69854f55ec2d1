import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';

/** Development only: the e-mail that would have been sent. */
export function OutboxPage({ ui, mails }: { ui: Ui; mails: { id: number; to: string; subject: string; body: string; createdAt: Date }[] }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('dev.outbox.title')}>
      <h1>{t('dev.outbox.title')}</h1>
      <p>{t('dev.outbox.intro')}</p>
      {mails.length === 0 && <p>{t('dev.outbox.empty')}</p>}
      {mails.map((mail) => (
        <section class="mail">
          <h2>{mail.subject}</h2>
          <p>{t('dev.outbox.to', { to: mail.to })}</p>
          <pre class="mail-body">{mail.body}</pre>
        </section>
      ))}
    </Layout>
  );
}
