import type { FormDefinition } from '../../worker/engine/schema.ts';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { localized, type Ui } from '../ui.ts';

export interface StartPageProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  base: string;
  /** The open draft of this form this device holds, if any, and whether anything is answered yet. */
  draft?: { started: boolean };
  /** For a form sent with a personal link: who sent it. */
  sentBy?: { municipality: string; unit?: string };
  questionCount: number;
}

export function StartPage({ ui, form, owner, base, draft, sentBy, questionCount }: StartPageProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={localized(ui, form.title).text} owner={owner} languages={form.languages}>
      <h1>
        <Localized ui={ui} text={form.title} />
      </h1>
      {sentBy && <p class="lead">{sentBy.unit ? t('start.sentByUnit', sentBy) : t('start.sentBy', sentBy)}</p>}
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
          {draft?.started ? t('start.continue') : t('start.start')}
        </button>
      </form>
      {draft?.started && (
        <form method="post" action={`${base}/forget`}>
          <p>{t('start.notYou')}</p>
          <button class="button button--secondary" type="submit">
            {t('start.startAgain')}
          </button>
        </form>
      )}
      <p>
        <a href={`${base}/resume`}>{t('start.haveCode')}</a>
      </p>
    </Layout>
  );
}
