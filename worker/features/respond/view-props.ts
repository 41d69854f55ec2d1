/** Builds the props of the journey's pages from the form, the draft and what was just sent. */
import type { Context } from 'hono';
import type { RespondEnv } from './env.ts';
import { isDeclined, type Answers } from '../../engine/answer.ts';
import { isShown } from '../../engine/condition.ts';
import { missingRequired, pageBefore, pruneHidden, visiblePages, visibleQuestions } from '../../engine/flow.ts';
import { DECLINE_OPTION, offersDecline, type PageInput } from '../../engine/page-input.ts';
import type { FormDefinition, Page } from '../../engine/schema.ts';
import { isMasked, kindOf, type Question } from '../../engine/questions/index.ts';
import type { Raw } from '../../engine/questions/kind.ts';
import type { CheckAnswersProps } from '../../../web/pages/check-answers.tsx';
import type { QuestionPageProps } from '../../../web/pages/question.tsx';
import { anchorOf } from '../../../web/questions/index.tsx';
import { localized, type Ui } from '../../../web/ui.ts';

const conditionTargets = (question: Question) =>
  (Array.isArray(question.showIf) ? question.showIf : question.showIf ? [question.showIf] : []).map((condition) => condition.question);

/** Fills a question in again from its saved answer, including "I don't want to answer". */
function savedRaw(question: Question, answers: Answers): Raw {
  const value = answers[question.id];
  if (value === undefined) return {};
  if (isDeclined(value)) return { '': DECLINE_OPTION, declined: 'yes' };
  return kindOf(question).toRaw(question, value);
}

export function questionPageProps(c: Context<RespondEnv>, page: Page, answers: Answers, input?: PageInput, pageError?: string): QuestionPageProps {
  const { form, base, municipality } = c.var.journey;
  const { ui } = c.var;
  const onPage = new Set(page.questions.map((question) => question.id));
  const pages = visiblePages(form, answers);
  const previous = pageBefore(form, answers, page.id);
  const questions = page.questions
    .map((question) => ({ question, dependsOnPage: conditionTargets(question).some((id) => onPage.has(id)) }))
    // A question that depends on this page's own answers is always sent; the island hides it live.
    .filter(({ question, dependsOnPage }) => dependsOnPage || isShown(question.showIf, answers))
    .map(({ question, dependsOnPage }) => {
      const kind = kindOf(question);
      const error = input?.errors.find((item) => item.question.id === question.id)?.error;
      const saved = answers[question.id];
      return {
        question,
        dependsOnPage,
        raw: input?.raw[question.id] ?? savedRaw(question, answers),
        error: error && ui.t(`errors.${error.key}`, error.params),
        decline: offersDecline(form, question) && kind.decline !== 'never' ? kind.decline : undefined,
        savedMask: isMasked(question) && saved !== undefined && !isDeclined(saved) ? kind.summary(question, saved, ui.lang, ui.t)[0] : undefined,
      };
    });
  return {
    ui,
    form,
    owner: municipality.name,
    page,
    questions,
    action: `${base}/p/${page.id}`,
    backHref: previous ? `${base}/p/${previous.id}` : base,
    progress: { current: Math.max(pages.findIndex((item) => item.id === page.id), 0) + 1, total: pages.length },
    pageError,
  };
}

/** The answers grouped by page, as the check page and the staff's reading page show them. */
export function answerSections(form: FormDefinition, answers: Answers, ui: Ui) {
  const kept = pruneHidden(form, answers);
  return visiblePages(form, kept)
    .map((page) => ({
      page,
      rows: visibleQuestions(page, kept)
        .filter((question) => kindOf(question).fields(question).length > 0)
        .map((question) => {
          const value = kept[question.id];
          const state = value === undefined ? ('empty' as const) : isDeclined(value) ? ('declined' as const) : ('answered' as const);
          return { question, state, lines: state === 'answered' && value !== undefined ? kindOf(question).summary(question, value, ui.lang, ui.t) : [] };
        }),
    }))
    // Pages with nothing to answer (information only) have no rows, and no heading either.
    .filter((section) => section.rows.length > 0);
}

export function checkAnswersProps(c: Context<RespondEnv>, answers: Answers, options: { showMissing?: boolean; pageError?: string } = {}): CheckAnswersProps {
  const { form, base, municipality } = c.var.journey;
  const { ui } = c.var;
  const kept = pruneHidden(form, answers);
  const pages = visiblePages(form, kept);
  const last = pages.at(-1);
  return {
    ui,
    form,
    owner: municipality.name,
    base,
    backHref: last ? `${base}/p/${last.id}` : base,
    sections: answerSections(form, answers, ui),
    errors: options.showMissing
      ? missingRequired(form, kept).map(({ page, question }) => ({
          href: `${base}/p/${page.id}#${anchorOf(question)}`,
          text: ui.t('errors.missingOnCheck', { question: localized(ui, question.label).text }),
        }))
      : [],
    pageError: options.pageError,
  };
}
