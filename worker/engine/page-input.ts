/** Reads one submitted page: validates each visible question and merges valid answers. */
import { isMasked, kindOf, type Question } from './questions/index.ts';
import type { FieldError, Raw } from './questions/kind.ts';
import * as v from 'valibot';
import { DECLINED, QuestionValue, type Answers, type Row } from './answer.ts';
import { isShown } from './condition.ts';
import { DECLINED_PART, fieldName, SNAPSHOT_FIELD } from './paths.ts';
import type { FormDefinition, Page } from './schema.ts';

/** The value a "I don't want to answer" radio option sends. */
export const DECLINE_OPTION = '~declined';
/** Form fields that steer the journey rather than answer a question. */
export const CONTROL_FIELDS = ['_action', SNAPSHOT_FIELD] as const;
/** The "add another?" answer on a repeatable page's list of rows. */
export const ANOTHER_FIELD = 'another';

/** Submitted fields: every name with all its values, as a browser sends them. */
export type FormBody = ReadonlyMap<string, string[]>;

const partName = (question: Question, part: string) => fieldName({ question: question.id, part });

export function offersDecline(form: FormDefinition, question: Question): boolean {
  return kindOf(question).decline !== 'never' && (question.allowDecline ?? form.allowDecline);
}

/**
 * Field names the page does not have: a tampered or stale form, refused before anything is read.
 * A repeatable page's list of rows has only the "add another?" question.
 */
export function unknownFields(form: FormDefinition, page: Page, body: FormBody, list = false): string[] {
  const known = new Set<string>(CONTROL_FIELDS);
  if (list) known.add(ANOTHER_FIELD);
  for (const question of list ? [] : page.questions) {
    for (const field of kindOf(question).fields(question)) known.add(partName(question, field.suffix));
    if (offersDecline(form, question) && kindOf(question).decline === 'checkbox') known.add(partName(question, DECLINED_PART));
  }
  return [...body.keys()].filter((name) => !known.has(name));
}

export interface QuestionError {
  question: Question;
  error: FieldError;
}

export interface PageInput {
  answers: Answers;
  /** What was sent, per question, to fill the page in again after an error. */
  raw: Record<string, Raw>;
  errors: QuestionError[];
}

/**
 * `strict` checks required questions and reports every problem; `lenient` (background
 * saving, "save and come back later") keeps what is valid and silently skips the rest.
 */
export function readPage(
  form: FormDefinition,
  page: Page,
  saved: Answers,
  body: FormBody,
  today: string,
  mode: 'strict' | 'lenient',
): PageInput {
  const answers: Answers = { ...saved };
  const raw: Record<string, Raw> = {};
  const errors: QuestionError[] = [];
  for (const question of page.questions) {
    const kind = kindOf(question);
    const fields = kind.fields(question);
    if (fields.length === 0) continue;
    // Later questions on the page may depend on earlier ones, so evaluate with what is merged so far.
    if (!isShown(question.showIf, answers)) {
      delete answers[question.id];
      continue;
    }
    const sent: Raw = {};
    for (const field of fields) {
      const values = body.get(partName(question, field.suffix)) ?? [];
      sent[field.suffix] = field.multiple ? values : (values[0] ?? '');
    }
    const declined =
      offersDecline(form, question) &&
      (kind.decline === 'option' ? sent[''] === DECLINE_OPTION : body.get(partName(question, DECLINED_PART))?.[0] === 'yes');
    if (declined) sent[DECLINED_PART] = 'yes';
    raw[question.id] = sent;
    if (declined) {
      answers[question.id] = DECLINED;
      continue;
    }
    const outcome = kind.validate(question, sent, today);
    if (!outcome.ok) {
      if (mode === 'strict') errors.push({ question, error: outcome.error });
      continue;
    }
    if (outcome.value !== undefined) {
      answers[question.id] = outcome.value;
    } else if (isMasked(question) && saved[question.id] !== undefined) {
      // A masked answer is never sent back to the page; an empty field keeps it.
    } else if (question.required && mode === 'strict') {
      // Where declining is allowed, the message says how, so declining never looks like a mistake.
      errors.push({ question, error: { key: offersDecline(form, question) ? 'requiredOrDecline' : kind.requiredError } });
    } else {
      delete answers[question.id];
    }
  }
  return { answers, raw, errors };
}

/** A row of a repeatable page out of the answers `readPage` merged it into. */
export function rowOf(page: Page, answers: Answers): Row {
  const row: Row = {};
  for (const question of page.questions) {
    const value = answers[question.id];
    if (v.is(QuestionValue, value)) row[question.id] = value;
  }
  return row;
}
