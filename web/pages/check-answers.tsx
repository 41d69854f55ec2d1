import type { FormDefinition, Page } from '../../worker/forms/schema.ts';
import type { Question } from '../../worker/questions/index.ts';
import { BackLink } from '../components/back-link.tsx';
import { ErrorSummary, type SummaryError } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { anchorOf } from '../questions/index.tsx';
import type { Ui } from '../ui.ts';

export interface CheckAnswersProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  base: string;
  backHref: string;
  sections: { page: Page; rows: { question: Question; lines: string[]; state: 'answered' | 'declined' | 'empty' }[] }[];
  errors: SummaryError[];
  pageError?: string;
}

export function CheckAnswersPage({ ui, form, owner, base, backHref, sections, errors, pageError }: CheckAnswersProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('check.title')} owner={owner} languages={form.languages} here={`${base}/check`} hasError={errors.length > 0 || !!pageError}>
      <BackLink ui={ui} href={backHref} />
      {pageError && (
        <div class="notice notice--warning" role="alert">
          {pageError}
        </div>
      )}
      <ErrorSummary ui={ui} errors={errors} />
      <h1>{t('check.title')}</h1>
      {sections.map(({ page, rows }) => (
        <section>
          <h2>
            <Localized ui={ui} text={page.title} />
          </h2>
          <dl class="summary">
            {rows.map(({ question, lines, state }) => (
              <div class="summary-row">
                <dt>
                  <Localized ui={ui} text={question.label} />
                </dt>
                <dd>
                  {state === 'answered' ? lines.map((line) => <span class="line">{line}</span>) : <em>{t(state === 'declined' ? 'check.declined' : 'check.empty')}</em>}
                </dd>
                <dd class="summary-action">
                  <a href={`${base}/p/${page.id}#${anchorOf(question)}`}>
                    {t('check.change')}
                    <span class="visually-hidden">
                      {' '}
                      <Localized ui={ui} text={question.label} />
                    </span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <h2>{t('check.sendTitle')}</h2>
      <p>{t('check.sendText')}</p>
      <form method="post" action={`${base}/submit`}>
        <button class="button" type="submit" data-prevent-double>
          {t('check.send')}
        </button>
      </form>
    </Layout>
  );
}
