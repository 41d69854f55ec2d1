import type { FormDefinition } from '../../worker/engine/schema.ts';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { ReadAloud, spoken } from '../components/read-aloud.tsx';
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
  /** Opened at a public address of a form whose answers only a personal link brings to anyone. */
  demo?: boolean;
}

export function StartPage({ ui, form, owner, base, draft, sentBy, questionCount, demo }: StartPageProps) {
  const { t } = ui;
  const sender = sentBy && (sentBy.unit ? t('start.sentByUnit', sentBy) : t('start.sentBy', sentBy));
  const facts = [
    t('start.questions', { count: questionCount }),
    form.estimatedMinutes ? t('start.minutes', { minutes: form.estimatedMinutes }) : undefined,
    form.allowDecline ? t('start.declineAllowed') : undefined,
    form.anonymous ? t('start.anonymous') : undefined,
    t('start.saved'),
  ];
  return (
    <Layout ui={ui} title={localized(ui, form.title).text} owner={owner} languages={form.languages}>
      <h1>
        <Localized ui={ui} text={form.title} />
      </h1>
      <ReadAloud ui={ui} label={t('childsVoice.readPage')} text={spoken([localized(ui, form.title).text, sender, demo ? t('childsVoice.demoNotice') : undefined, localized(ui, form.description).text, ...facts])} />
      {demo && <p class="notice notice--demo">{t('childsVoice.demoNotice')}</p>}
      {sender && <p class="lead">{sender}</p>}
      <Localized ui={ui} text={form.description} paragraphs />
      <ul class="facts">
        {facts.filter(Boolean).map((fact) => (
          <li>{fact}</li>
        ))}
      </ul>
      <form method="post" action={`${base}/start`} data-follow>
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
