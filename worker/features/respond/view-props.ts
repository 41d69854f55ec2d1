/** Builds the props of the journey's pages from the journey value and what was just sent. */
import type { Context } from 'hono';
import type { RespondEnv } from './env.ts';
import { DECLINED_PART, pagePath } from '../../engine/paths.ts';
import { isDeclined, type Answers, type QuestionValue } from '../../engine/answer.ts';
import { isShown } from '../../engine/condition.ts';
import type { Journey } from '../../engine/journey.ts';
import { responseDocument } from '../../engine/output.ts';
import { DECLINE_OPTION, offersDecline, type PageInput } from '../../engine/page-input.ts';
import type { Page } from '../../engine/schema.ts';
import { isMasked, kindOf, type Question } from '../../engine/questions/index.ts';
import type { Raw } from '../../engine/questions/kind.ts';
import type { CheckAnswersProps } from '../../../web/pages/check-answers.tsx';
import type { QuestionPageProps } from '../../../web/pages/question.tsx';
import type { RepeatListProps } from '../../../web/pages/repeat-list.tsx';
import { rowTitle } from '../../../web/components/answer-list.tsx';
import { anchorOf } from '../../../web/questions/index.tsx';
import { localized } from '../../../web/ui.ts';

const conditionTargets = (question: Question) =>
  (Array.isArray(question.showIf) ? question.showIf : question.showIf ? [question.showIf] : []).map((condition) => condition.question);

/** Fills a question in again from its saved answer, including "I don't want to answer". */
function savedRaw(question: Question, value: QuestionValue | undefined): Raw {
  if (value === undefined) return {};
  if (isDeclined(value)) return { '': DECLINE_OPTION, [DECLINED_PART]: 'yes' };
  return kindOf(question).toRaw(question, value);
}

export interface QuestionPageOptions {
  /** The row of a repeatable page, counted from 1 (one past the last for a new row). */
  row?: number;
  /** What was just sent and the answers it gave, to show the page again after an error. */
  input?: PageInput;
  pageError?: string;
}

export function questionPageProps(c: Context<RespondEnv>, journey: Journey, page: Page, { row, input, pageError }: QuestionPageOptions = {}): QuestionPageProps {
  const { form, base, municipality } = c.var.journey;
  const { ui } = c.var;
  const onPage = new Set(page.questions.map((question) => question.id));
  // Conditions look at what was just sent, else at the saved answers (a row's, on a repeatable page).
  const context: Answers = input?.answers ?? (row ? journey.rowContext(page, row) : journey.answers);
  const previous = journey.previous(page);
  const questions = page.questions
    .map((question) => ({ question, dependsOnPage: conditionTargets(question).some((id) => onPage.has(id)) }))
    // A question that depends on this page's own answers is always sent; the island hides it live.
    .filter(({ question, dependsOnPage }) => dependsOnPage || isShown(question.showIf, context))
    .map(({ question, dependsOnPage }) => {
      const kind = kindOf(question);
      const error = input?.errors.find((item) => item.question.id === question.id)?.error;
      const saved = journey.valueOf(question, row);
      return {
        question,
        dependsOnPage,
        raw: input?.raw[question.id] ?? savedRaw(question, saved),
        error: error && ui.t(`errors.${error.key}`, error.params),
        decline: offersDecline(form, question) && kind.decline !== 'never' ? kind.decline : undefined,
        savedMask: isMasked(question) && saved !== undefined && !isDeclined(saved) ? kind.cell(question, saved, ui.lang, ui.t)[0] : undefined,
      };
    });
  return {
    ui,
    form,
    owner: municipality.name,
    page,
    caption: row ? rowTitle(ui, page, row) : undefined,
    questions,
    action: pagePath(base, page.id, row),
    // A row goes back to its list; the list's first row, with none saved yet, to the page before.
    backHref: row && journey.rows(page).length > 0 ? pagePath(base, page.id) : previous ? pagePath(base, previous.id) : base,
    progress: journey.progress(page),
    pageError,
  };
}

/** A repeatable page's list of rows, each with change and remove, and "add another?". */
export function repeatListProps(c: Context<RespondEnv>, journey: Journey, page: Page, error?: string): RepeatListProps {
  const { form, base, municipality } = c.var.journey;
  const { ui } = c.var;
  const previous = journey.previous(page);
  const section = responseDocument(journey, ui.lang, ui.t).find((item) => item.page === page);
  const rows = (section?.rows ?? []).map((row) => ({
    title: rowTitle(ui, page, row.number ?? 0),
    // The first answer given names the row in the list ("Ola, 7 years").
    summary: row.answers.find((answer) => answer.state === 'answered')?.cell[0] ?? '',
    changeHref: pagePath(base, page.id, row.number),
    removeAction: `${pagePath(base, page.id, row.number)}/remove`,
  }));
  return {
    ui,
    form,
    owner: municipality.name,
    page,
    rows,
    canAdd: rows.length < (page.repeat?.max ?? 0),
    action: pagePath(base, page.id),
    backHref: previous ? pagePath(base, previous.id) : base,
    progress: journey.progress(page),
    error,
  };
}

export function checkAnswersProps(c: Context<RespondEnv>, journey: Journey, options: { showMissing?: boolean; pageError?: string } = {}): CheckAnswersProps {
  const { form, base, municipality } = c.var.journey;
  const { ui } = c.var;
  const last = journey.pages.at(-1);
  return {
    ui,
    form,
    owner: municipality.name,
    base,
    backHref: last ? pagePath(base, last.id) : base,
    sections: responseDocument(journey, ui.lang, ui.t),
    errors: options.showMissing
      ? journey.missing.map(({ page, row, question }) =>
          question
            ? { href: `${pagePath(base, page.id, row)}#${anchorOf(question)}`, text: ui.t('errors.missingOnCheck', { question: localized(ui, question.label).text }) }
            : { href: pagePath(base, page.id), text: ui.t('errors.tooFewRows', { min: page.repeat?.min ?? 0, page: localized(ui, page.title).text }) },
        )
      : [],
    pageError: options.pageError,
  };
}
