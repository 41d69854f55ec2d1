/**
 * The way through a form for one set of answers, worked out once: which pages and questions
 * the person sees, where each page leads, what is still missing and where they continue.
 * Every page, the check page, the start page and the outputs read it instead of recomputing.
 */
import { questionValue, rowsOf, type Answers, type QuestionValue, type Row } from './answer.ts';
import { conditionHolds, isShown, type ShowIf } from './condition.ts';
import { kindOf, type Question } from './questions/index.ts';
import type { FormDefinition, Page } from './schema.ts';

/** A required answer not given: a question (on a row of a repeatable page), or rows below the minimum. */
export interface Missing {
  page: Page;
  row?: number;
  question?: Question;
}

export interface Journey {
  /** The answers with everything hidden by an earlier answer (or not in the form) removed. */
  answers: Answers;
  /** The pages the person sees, in order. */
  pages: readonly Page[];
  page(id: string): Page | undefined;
  isVisible(page: Page): boolean;
  /** The questions shown on a page; on a repeatable page, on one row (counted from 1). */
  questions(page: Page, row?: number): Question[];
  /** A repeatable page's rows, as kept. */
  rows(page: Page): Row[];
  /** A question's kept answer; on a repeatable page, on one row. */
  valueOf(question: Question, row?: number): QuestionValue | undefined;
  /** The context a row's conditions are evaluated in: the answers outside rows, and the row's own. */
  rowContext(page: Page, row: number): Answers;
  next(page: Page): Page | undefined;
  previous(page: Page): Page | undefined;
  /** Pages with at least one answer and nothing required missing. */
  completed: ReadonlySet<Page>;
  /** Required questions (and row minimums) the person can see but has not answered, in form order. */
  missing: readonly Missing[];
  /**
   * Where someone coming back continues: after the last page they answered anything on, or
   * earlier if a required answer was left. Undefined means the check-your-answers page.
   */
  continueAt: Page | undefined;
  /** A page is reached when it is shown and nothing required is missing on a page before it. */
  mayVisit(page: Page): boolean;
  /**
   * The pages the progress line counts: every page the answers so far do not rule out. A
   * conditional page counts while the question it depends on may still be answered, so the
   * count changes only when an answer decides it, never by moving on or resuming.
   */
  counted: readonly Page[];
  /** "Page n of N": n among the counted pages. A repeatable page is one step however many rows. */
  progress(page: Page): { current: number; total: number };
  /** The questions that take an answer on the counted pages (a repeatable page's once), as the start page tells. */
  questionCount: number;
}

/** Questions that take an answer (an information block takes none). */
export const isAnswerable = (question: Question) => kindOf(question).fields(question).length > 0;


/** The answers of one row, keeping only questions its conditions show. */
function pruneRow(page: Page, row: Row, outside: Answers): Row {
  const kept: Row = {};
  for (const question of page.questions) {
    const value = row[question.id];
    if (value !== undefined && isShown(question.showIf, { ...outside, ...kept })) kept[question.id] = value;
  }
  return kept;
}

/** Replays the form in order, so a question hidden by an earlier answer never counts later on. */
function prune(form: FormDefinition, answers: Answers): { kept: Answers; pages: Page[] } {
  const kept: Answers = {};
  const pages: Page[] = [];
  for (const page of form.pages) {
    if (!isShown(page.showIf, kept)) continue;
    pages.push(page);
    if (page.repeat) {
      const outside = { ...kept };
      const rows = rowsOf(answers[page.id]).map((row) => pruneRow(page, row, outside));
      if (rows.length) kept[page.id] = rows.slice(0, page.repeat.max);
      continue;
    }
    for (const question of page.questions) {
      const value = answers[question.id];
      if (value !== undefined && isShown(question.showIf, kept)) kept[question.id] = value;
    }
  }
  return { kept, pages };
}

/**
 * The pages and questions not ruled out yet. A condition on an unanswered question still may
 * hold while that question may be answered: it is on a counted page after the last page with
 * an answer. A question on a page already passed that was left empty matches nothing, as in
 * `isShown`. Conditions only look back (checkForm), so one pass in form order decides it.
 */
function countable(form: FormDefinition, kept: Answers, lastAnswered: Page | undefined): { counted: Page[]; questions: number } {
  const passed = lastAnswered ? form.pages.indexOf(lastAnswered) : -1;
  const counted: Page[] = [];
  const pageOf = new Map<string, number>();
  const mayHold = (showIf: ShowIf | undefined) =>
    (showIf === undefined ? [] : Array.isArray(showIf) ? showIf : [showIf]).every((condition) =>
      kept[condition.question] !== undefined ? conditionHolds(condition, kept) : (pageOf.get(condition.question) ?? -1) > passed,
    );
  let questions = 0;
  form.pages.forEach((page, index) => {
    if (!mayHold(page.showIf)) return;
    counted.push(page);
    for (const question of page.questions) {
      if (!page.repeat) pageOf.set(question.id, index);
      if (isAnswerable(question) && (page.repeat || mayHold(question.showIf))) questions++;
    }
  });
  return { counted, questions };
}

export function journeyOf(form: FormDefinition, answers: Answers): Journey {
  const { kept, pages } = prune(form, answers);
  const at = (page: Page) => pages.indexOf(page);
  const rowPage = new Map(form.pages.flatMap((page) => (page.repeat ? page.questions.map((question) => [question.id, page.id] as const) : [])));
  const rows = (page: Page) => (page.repeat ? rowsOf(kept[page.id]) : []);
  const rowContext = (page: Page, row: number): Answers => ({ ...kept, ...rows(page)[row - 1] });
  const valueOf = (question: Question, row?: number): QuestionValue | undefined =>
    row ? rowsOf(kept[rowPage.get(question.id) ?? ''])[row - 1]?.[question.id] : questionValue(kept[question.id]);
  const questions = (page: Page, row?: number) => {
    const context = page.repeat && row ? rowContext(page, row) : kept;
    return page.questions.filter((question) => isShown(question.showIf, context));
  };
  const unanswered = (page: Page, row?: number) => {
    return questions(page, row).filter((question) => question.required && isAnswerable(question) && valueOf(question, row) === undefined);
  };

  const missing: Missing[] = pages.flatMap((page): Missing[] => {
    if (!page.repeat) return unanswered(page).map((question) => ({ page, question }));
    const few: Missing[] = rows(page).length < page.repeat.min ? [{ page }] : [];
    return [...few, ...rows(page).flatMap((_, index) => unanswered(page, index + 1).map((question) => ({ page, row: index + 1, question })))];
  });
  const answered = (page: Page) => (page.repeat ? rows(page).length > 0 : page.questions.some((question) => kept[question.id] !== undefined));
  const incomplete = new Set(missing.map((item) => item.page));
  const completed = new Set(pages.filter((page) => answered(page) && !incomplete.has(page)));

  const lastAnswered = pages.map(answered).lastIndexOf(true);
  const firstMissing = missing[0] && at(missing[0].page);
  const continueIndex = firstMissing !== undefined ? Math.min(firstMissing, lastAnswered + 1) : lastAnswered + 1;
  const { counted, questions: questionCount } = countable(form, kept, pages[lastAnswered]);

  return {
    answers: kept,
    pages,
    page: (id) => form.pages.find((page) => page.id === id),
    isVisible: (page) => at(page) >= 0,
    questions,
    rows,
    rowContext,
    valueOf,
    next: (page) => form.pages.slice(form.pages.indexOf(page) + 1).find((later) => at(later) >= 0),
    previous: (page) => form.pages.slice(0, Math.max(form.pages.indexOf(page), 0)).reverse().find((earlier) => at(earlier) >= 0),
    completed,
    missing,
    continueAt: pages[continueIndex],
    mayVisit: (page) => at(page) >= 0 && (firstMissing === undefined || firstMissing >= at(page)),
    counted,
    progress: (page) => ({ current: Math.max(counted.indexOf(page), 0) + 1, total: counted.length }),
    questionCount,
  };
}
