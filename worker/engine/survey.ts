/**
 * User-insight surveys: anonymous forms for the audiences a round asks. Their answers are
 * counted one value per question, so only kinds with one answer (or free text, which is
 * curated) fit, and every question carries the theme its results are reported under.
 */
import { GROUP_AUDIENCE } from '../core/vocabulary.ts';
import type { FormDefinition } from './schema.ts';
import type { Question } from './questions/index.ts';

const SURVEY_AUDIENCES: readonly string[] = Object.values(GROUP_AUDIENCE);

export const isSurvey = (form: Pick<FormDefinition, 'anonymous' | 'audience'>) => form.anonymous && SURVEY_AUDIENCES.includes(form.audience);

/** Kinds counted as one option per respondent. */
export const COUNTED_KINDS = ['smiley-scale', 'single-choice', 'yes-no'] as const;
/** Kinds whose answers go to the quote queue, never into the figures. */
export const FREE_TEXT_KINDS = ['short-text', 'long-text'] as const;

export const isCounted = (question: Question) => (COUNTED_KINDS as readonly string[]).includes(question.type);
export const isFreeText = (question: Question) => (FREE_TEXT_KINDS as readonly string[]).includes(question.type);

/** What a survey question must be, or undefined when it is fine. */
export function surveyProblem(question: Question): string | undefined {
  if (question.type === 'info') return undefined;
  if (!isCounted(question) && !isFreeText(question)) return `a survey question must be ${[...COUNTED_KINDS, ...FREE_TEXT_KINDS].join(', ')} or info; "${question.id}" is ${question.type}`;
  if (!question.theme) return `a survey question needs a theme; "${question.id}" has none`;
  return undefined;
}
