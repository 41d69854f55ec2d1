import type { FormDefinition } from '../../worker/engine/schema.ts';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import type { Ui } from '../ui.ts';

export function ConfirmationPage({ ui, form, owner, reference }: { ui: Ui; form: FormDefinition; owner: string; reference: string }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('done.title')} owner={owner} languages={form.languages}>
      <div class="panel">
        <h1>{t('done.title')}</h1>
        <p>
          {t('done.reference')}
          <br />
          <strong class="reference">{reference}</strong>
        </p>
      </div>
      <h2>{t('done.next')}</h2>
      <Localized ui={ui} text={form.nextSteps} paragraphs />
      <p>{t('done.thanks')}</p>
    </Layout>
  );
}
