import type { FormDefinition } from '../../worker/engine/schema.ts';
import type { DocumentSection } from '../../worker/engine/output.ts';
import { pagePath } from '../../worker/engine/paths.ts';
import { AnswerList } from '../components/answer-list.tsx';
import { BackLink } from '../components/back-link.tsx';
import { PageError } from '../components/page-error.tsx';
import { ErrorSummary, type SummaryError } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { anchorOf } from '../questions/index.tsx';
import type { Ui } from '../ui.ts';

export interface CheckAnswersProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  base: string;
  backHref: string;
  sections: DocumentSection[];
  errors: SummaryError[];
  pageError?: string;
}

export function CheckAnswersPage({ ui, form, owner, base, backHref, sections, errors, pageError }: CheckAnswersProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('check.title')} owner={owner} languages={form.languages} here={`${base}/check`} hasError={errors.length > 0 || !!pageError}>
      <BackLink ui={ui} href={backHref} />
      <PageError message={pageError} />
      <ErrorSummary ui={ui} errors={errors} />
      <h1>{t('check.title')}</h1>
      <AnswerList ui={ui} sections={sections} changeHref={(page, answer) => `${pagePath(base, page.id, answer.path.row)}#${anchorOf(answer.question)}`} listHref={(page) => pagePath(base, page.id)} />
      <h2>{t('check.sendTitle')}</h2>
      <p>{t('check.sendText')}</p>
      <form method="post" action={`${base}/submit`} data-follow>
        <button class="button" type="submit" data-prevent-double>
          {t('check.send')}
        </button>
      </form>
    </Layout>
  );
}
