/** One page of a staff document (an assessment step, a part of a meeting record), in the staff layout with the form engine's question views. */
import type { Page } from '../../worker/engine/schema.ts';
import type { Question } from '../../worker/engine/questions/index.ts';
import type { Raw } from '../../worker/engine/questions/kind.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Localized } from '../components/localized.tsx';
import { PageError } from '../components/page-error.tsx';
import { anchorOf, QuestionView } from '../questions/index.tsx';
import { localized, type Ui } from '../ui.ts';
import { StaffLayout } from '../staff/staff-layout.tsx';
import { StepNav, type Step } from './step-nav.tsx';

/** What the child answered to one item a question draws on. */
export interface Beside {
  label: string;
  lines: string[];
}

export interface DocumentPageProps {
  ui: Ui;
  name: string;
  /** The document's title and the case it belongs to. */
  title: string;
  caseReference: string;
  summaryHref: string;
  steps: Step[];
  page: Page;
  /** On a row of a repeatable page: "Measure 2". */
  caption?: string;
  questions: { question: Question; raw: Raw; error?: string; beside?: Beside[] }[];
  action: string;
  pageError?: string;
}

export function DocumentPage({ ui, name, title, caseReference, summaryHref, steps, page, caption, questions, action, pageError }: DocumentPageProps) {
  const { t } = ui;
  const errors = questions.filter((item) => item.error).map((item) => ({ href: `#${anchorOf(item.question)}`, text: item.error ?? '' }));
  return (
    <StaffLayout ui={ui} title={`${localized(ui, page.title).text} – ${title}`} name={name} hasError={errors.length > 0 || !!pageError}>
      <a class="back" href={summaryHref}>
        {title} {caseReference}
      </a>
      <StepNav ui={ui} steps={steps} />
      <PageError message={pageError} />
      <ErrorSummary ui={ui} errors={errors} />
      {caption && <p class="caption">{caption}</p>}
      <h1>
        <Localized ui={ui} text={page.title} />
      </h1>
      {page.intro && <Localized ui={ui} text={page.intro} paragraphs />}
      <form method="post" action={action} novalidate>
        {questions.map(({ question, beside, ...state }) => (
          <div class={beside ? 'element' : undefined}>
            <div class={state.error ? 'question question--error' : 'question'}>
              <QuestionView ui={ui} question={question} {...state} />
            </div>
            {beside && (
              <div class="child-answers">
                <h2 class="child-answers__title">
                  {t('assessment.childSaidTitle')}
                  <span class="visually-hidden">: {localized(ui, question.label).text}</span>
                </h2>
                {beside.length === 0 ? (
                  <p>{t('assessment.childSaidNone')}</p>
                ) : (
                  <dl>
                    {beside.map((item) => (
                      <>
                        <dt>{item.label}</dt>
                        <dd>{item.lines.length ? item.lines.map((line) => <span class="line">{line}</span>) : <em>{t('check.empty')}</em>}</dd>
                      </>
                    ))}
                  </dl>
                )}
              </div>
            )}
          </div>
        ))}
        <div class="actions">
          <button class="button" type="submit" name="_action" value="continue">
            {t('assessment.saveContinue')}
          </button>
          <button class="button button--secondary" type="submit" name="_action" value="stay">
            {t('assessment.saveDraft')}
          </button>
        </div>
      </form>
    </StaffLayout>
  );
}
