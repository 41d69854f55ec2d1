/**
 * A response (or a draft) as one neutral document: sections (pages) → rows → answers → cells.
 * The check page, the staff's reading page, the PDF and the API all render this, so they
 * cannot disagree about what was answered.
 */
import { isDeclined, type QuestionValue } from './answer.ts';
import { isAnswerable, type Journey } from './journey.ts';
import type { AnswerPath } from './paths.ts';
import { kindOf, type Question } from './questions/index.ts';
import type { Column, ScalePosition } from './questions/kind.ts';
import type { Page } from './schema.ts';
import type { Translate } from '../core/i18n/translate.ts';
import { pickText } from '../core/i18n/pick.ts';
import type { Language } from '../core/language.ts';

export type AnswerState = 'answered' | 'declined' | 'empty';

export interface DocumentAnswer {
  question: Question;
  path: AnswerPath;
  state: AnswerState;
  /** Display text, a line each; none unless answered. */
  cell: string[];
  /** The same answer for a table: one column, or several (one per option, say). */
  columns: Column[];
  /** The answer for other systems; undefined unless answered. */
  json: unknown;
  /** On a scale, where the answer lies; undefined for other kinds or unless answered. */
  position?: ScalePosition;
}

export interface DocumentRow {
  /** The row's number on a repeatable page, counted from 1; none on other pages. */
  number?: number;
  answers: DocumentAnswer[];
}

export interface DocumentSection {
  page: Page;
  /** One row on an ordinary page; on a repeatable page one per item added (perhaps none). */
  rows: DocumentRow[];
}

function answerOf(question: Question, value: QuestionValue | undefined, path: AnswerPath, lang: Language, t: Translate): DocumentAnswer {
  const kind = kindOf(question);
  const state: AnswerState = value === undefined ? 'empty' : isDeclined(value) ? 'declined' : 'answered';
  const given = state === 'answered' ? value : undefined;
  const cell = given === undefined ? [] : kind.cell(question, given, lang, t);
  const stateText = state === 'declined' ? t('check.declined') : '';
  const columns = (kind.columns?.(question, given, lang, t) ?? [{ key: question.id, heading: pickText(question.label, lang), text: cell.join('\n') }]).map(
    (column) => (state === 'answered' ? column : { ...column, text: stateText }),
  );
  const position = given === undefined ? undefined : kind.position?.(question, given);
  return { question, path, state, cell, columns, json: given === undefined ? undefined : (kind.json?.(question, given) ?? given), ...(position && { position }) };
}

/** The document of everything the person could see, in form order; pages with nothing to answer are left out. */
export function responseDocument(journey: Journey, lang: Language, t: Translate): DocumentSection[] {
  return journey.pages
    .filter((page) => page.questions.some(isAnswerable))
    .map((page) => {
      if (!page.repeat) {
        const answers = journey
          .questions(page)
          .filter(isAnswerable)
          .map((question) => answerOf(question, journey.valueOf(question), { question: question.id }, lang, t));
        return { page, rows: [{ answers }] };
      }
      const rows = journey.rows(page).map((_, index) => ({
        number: index + 1,
        answers: journey
          .questions(page, index + 1)
          .filter(isAnswerable)
          .map((question) => answerOf(question, journey.valueOf(question, index + 1), { question: question.id, row: index + 1 }, lang, t)),
      }));
      return { page, rows };
    });
}
