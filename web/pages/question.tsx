import type { FormDefinition, Page } from '../../worker/engine/schema.ts';
import type { Raw } from '../../worker/engine/questions/kind.ts';
import type { Question } from '../../worker/engine/questions/index.ts';
import { SNAPSHOT_FIELD } from '../../worker/engine/paths.ts';
import { BackLink } from '../components/back-link.tsx';
import { PageError } from '../components/page-error.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { anchorOf, QuestionView } from '../questions/index.tsx';
import { localized, type Ui } from '../ui.ts';
import { PageActions } from '../components/page-actions.tsx';

export interface QuestionPageProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  page: Page;
  /** On a row of a repeatable page: which row ("Child 2"). */
  caption?: string;
  /** Questions shown on this page; those depending on this page's own answers are marked. */
  questions: { question: Question; raw: Raw; error?: string; decline?: 'option' | 'checkbox'; savedMask?: string; dependsOnPage: boolean }[];
  action: string;
  backHref: string;
  progress: { current: number; total: number };
  /** A problem with the whole page, such as storage being down, shown above the questions. */
  pageError?: string;
  /** The draft as this page shows it, sealed: saving the page then needs no read first. */
  snapshot?: string;
}

export function QuestionPage({ ui, form, owner, page, caption, questions, action, backHref, progress, pageError, snapshot }: QuestionPageProps) {
  const { t } = ui;
  const errors = questions.filter((item) => item.error).map((item) => ({ href: `#${anchorOf(item.question)}`, text: item.error ?? '' }));
  // A page with one question uses that question as its heading, as GOV.UK does.
  const single = questions.length === 1 && !page.intro;
  return (
    <Layout ui={ui} title={localized(ui, page.title).text} owner={owner} languages={form.languages} hasError={errors.length > 0 || !!pageError}>
      <BackLink ui={ui} href={backHref} />
      <PageError message={pageError} />
      <ErrorSummary ui={ui} errors={errors} />
      <p class="progress" id="progress">
        {t('page.progress', progress)}
      </p>
      <progress class="progress-bar" max={progress.total} value={progress.current} aria-labelledby="progress" />
      {caption && <p class="caption">{caption}</p>}
      {!single && (
        <>
          <h1>
            <Localized ui={ui} text={page.title} />
          </h1>
          {page.intro && <Localized ui={ui} text={page.intro} paragraphs />}
        </>
      )}
      <form method="post" action={action} novalidate data-autosave data-follow>
        {snapshot && <input type="hidden" name={SNAPSHOT_FIELD} value={snapshot} />}
        {questions.map(({ question, dependsOnPage, ...state }) => (
          <div class={state.error ? 'question question--error' : 'question'} data-show-if={dependsOnPage ? JSON.stringify(question.showIf) : undefined}>
            {dependsOnPage && <p class="conditional-note">{t('question.conditional')}</p>}
            <QuestionView ui={ui} question={question} isHeading={single} {...state} />
          </div>
        ))}
        <PageActions ui={ui} />
        <p class="autosave-status" role="status" data-saved-text={t('page.autosaved')} />
      </form>
    </Layout>
  );
}
