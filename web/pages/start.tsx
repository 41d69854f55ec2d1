import type { FormDefinition } from '../../worker/engine/schema.ts';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { localized, type Ui } from '../ui.ts';

export interface StartPageProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  base: string;
  /** The person has an open draft of this form on this device. */
  hasDraft: boolean;
  questionCount: number;
}

export function StartPage({ ui, form, owner, base, hasDraft, questionCount }: StartPageProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={localized(ui, form.title).text} owner={owner} languages={form.languages}>
      <h1>
        <Localized ui={ui} text={form.title} />
      </h1>
      <Localized ui={ui} text={form.description} paragraphs />
      <ul class="facts">
        <li>{t('start.questions', { count: questionCount })}</li>
        {form.estimatedMinutes && <li>{t('start.minutes', { minutes: form.estimatedMinutes })}</li>}
        {form.allowDecline && <li>{t('start.declineAllowed')}</li>}
        {form.anonymous && <li>{t('start.anonymous')}</li>}
        <li>{t('start.saved')}</li>
      </ul>
      <form method="post" action={`${base}/start`}>
        <button class="button button--start" type="submit">
          {hasDraft ? t('start.continue') : t('start.start')}
        </button>
      </form>
      <p>
        <a href={`${base}/resume`}>{t('start.haveCode')}</a>
      </p>
    </Layout>
  );
}
