/** What the adults tell the child after the assessment, shown through the child's own link: short, plain, in the child's language. */
import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';

export function FeedbackPage({ ui, owner, text }: { ui: Ui; owner: string; text: string }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('assessment.feedback.title')} owner={owner}>
      <h1>{t('assessment.feedback.title')}</h1>
      <p>{t('assessment.feedback.intro', { municipality: owner })}</p>
      <div class="feedback">
        {text.split(/\n{2,}/).map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </div>
      <p>{t('assessment.feedback.outro')}</p>
    </Layout>
  );
}
