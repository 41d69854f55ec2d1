import type { FormDefinition } from '../../worker/engine/schema.ts';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { ReadAloud, spoken } from '../components/read-aloud.tsx';
import { EMERGENCY_PHONE, HELP_PHONE, WithPhone } from '../components/respondent-chrome.tsx';
import { localized, type Ui } from '../ui.ts';

export interface ConfirmationProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  reference: string;
  /** Answered at a public address of a form only a personal link brings to anyone: nobody reads it. */
  demo?: boolean;
  /** Some answer signals that the respondent may not be safe: the help line comes first. */
  flagged?: boolean;
}

export function ConfirmationPage({ ui, form, owner, reference, demo, flagged }: ConfirmationProps) {
  const { t } = ui;
  const next = demo ? t('childsVoice.demoNextSteps') : localized(ui, form.nextSteps).text;
  const help = flagged ? [t('childsVoice.flaggedTitle'), t('childsVoice.flaggedBody', { phone: HELP_PHONE }), t('childsVoice.emergency', { phone: EMERGENCY_PHONE })] : [];
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
      <ReadAloud ui={ui} label={t('childsVoice.readPage')} text={spoken([t('done.title'), ...help, t('done.next'), next, t('done.thanks')])} />
      {flagged && (
        <section class="help-panel" aria-labelledby="help-title">
          <h2 id="help-title">{t('childsVoice.flaggedTitle')}</h2>
          <p>
            <WithPhone text={t('childsVoice.flaggedBody')} phone={HELP_PHONE} />
          </p>
          <p>
            <WithPhone text={t('childsVoice.emergency')} phone={EMERGENCY_PHONE} />
          </p>
        </section>
      )}
      <h2>{t('done.next')}</h2>
      {demo ? <p>{next}</p> : <Localized ui={ui} text={form.nextSteps} paragraphs />}
      <p>{t('done.thanks')}</p>
    </Layout>
  );
}
