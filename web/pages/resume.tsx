import type { FormDefinition } from '../../worker/engine/schema.ts';
import { BackLink } from '../components/back-link.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';
import { ErrorMessage } from '../components/error-message.tsx';

export interface ResumePageProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  base: string;
  value?: string;
  error?: string;
}

export function ResumePage({ ui, form, owner, base, value, error }: ResumePageProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('resume.title')} owner={owner} languages={form.languages} hasError={!!error}>
      <BackLink ui={ui} href={base} />
      <ErrorSummary ui={ui} errors={error ? [{ href: '#resume-code', text: error }] : []} />
      <h1>{t('resume.title')}</h1>
      <form method="post" action={`${base}/resume`} novalidate>
        <div class={error ? 'question question--error' : 'question'}>
          <label class="label" for="resume-code">
            {t('resume.label')}
          </label>
          <div class="hint" id="resume-code-hint">
            {t('resume.hint')}
          </div>
          <ErrorMessage ui={ui} id="resume-code-error" error={error} />
          <input
            class="input input--w11"
            type="text"
            id="resume-code"
            name="code"
            value={value}
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            aria-describedby={error ? 'resume-code-hint resume-code-error' : 'resume-code-hint'}
            aria-invalid={error ? 'true' : undefined}
          />
        </div>
        <button class="button" type="submit">
          {t('resume.submit')}
        </button>
      </form>
    </Layout>
  );
}
