/** Which pages and questions a respondent sees, in which order, given their answers so far. */
import { kindOf, type Question } from './questions/index.ts';
import type { Answers } from './answer.ts';
import { isShown } from './condition.ts';
import type { FormDefinition, Page } from './schema.ts';

/** Replays the form in order, so a question hidden by an earlier answer never counts later on. */
export function pruneHidden(form: FormDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const page of form.pages) {
    if (!isShown(page.showIf, kept)) continue;
    for (const question of page.questions) {
      const value = answers[question.id];
      if (value !== undefined && isShown(question.showIf, kept)) kept[question.id] = value;
    }
  }
  return kept;
}

export function visiblePages(form: FormDefinition, answers: Answers): Page[] {
  const kept = pruneHidden(form, answers);
  return form.pages.filter((page) => isShown(page.showIf, kept));
}

export function visibleQuestions(page: Page, answers: Answers): Question[] {
  return page.questions.filter((question) => isShown(question.showIf, answers));
}

export const findPage = (form: FormDefinition, pageId: string) => form.pages.find((page) => page.id === pageId);

/** The next page to show after `pageId`, or undefined when the respondent is done. */
export function pageAfter(form: FormDefinition, answers: Answers, pageId: string): Page | undefined {
  const index = form.pages.findIndex((page) => page.id === pageId);
  const kept = pruneHidden(form, answers);
  return form.pages.slice(index + 1).find((page) => isShown(page.showIf, kept));
}

export function pageBefore(form: FormDefinition, answers: Answers, pageId: string): Page | undefined {
  const index = form.pages.findIndex((page) => page.id === pageId);
  const kept = pruneHidden(form, answers);
  return form.pages.slice(0, Math.max(index, 0)).reverse().find((page) => isShown(page.showIf, kept));
}

export interface Missing {
  page: Page;
  question: Question;
}

/** Required questions the respondent can see but has not answered, in form order. */
export function missingRequired(form: FormDefinition, answers: Answers): Missing[] {
  const kept = pruneHidden(form, answers);
  return visiblePages(form, kept).flatMap((page) =>
    visibleQuestions(page, kept)
      .filter((question) => question.required && kept[question.id] === undefined && kindOf(question).fields(question).length > 0)
      .map((question) => ({ page, question })),
  );
}

/**
 * Where someone coming back continues: after the last page they answered anything on, or
 * earlier if a required question was left. Undefined means the check-your-answers page.
 */
export function continuePage(form: FormDefinition, answers: Answers): Page | undefined {
  const pages = visiblePages(form, answers);
  const touched = pages.map((page) => page.questions.some((question) => answers[question.id] !== undefined)).lastIndexOf(true);
  const next = pages[touched + 1];
  const missing = missingRequired(form, answers)[0]?.page;
  if (missing && (!next || pages.indexOf(missing) < pages.indexOf(next))) return missing;
  return next;
}
