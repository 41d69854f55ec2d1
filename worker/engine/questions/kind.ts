import * as v from 'valibot';
import type { QuestionValue } from '../answer.ts';
import type { Translate } from '../../core/i18n/translate.ts';
import { Id, Text, type Language } from '../../core/language.ts';
import { PROTECTIVE_FACTORS, THEMES } from '../../core/vocabulary.ts';

const Condition = v.union([
  v.strictObject({ question: Id, equals: v.string() }),
  v.strictObject({ question: Id, oneOf: v.pipe(v.array(v.string()), v.minLength(1)) }),
  v.strictObject({ question: Id, not: v.string() }),
]);
export const ShowIf = v.union([Condition, v.pipe(v.array(Condition), v.minLength(1))]);

/** Our own small pictures (inline SVG, each with a text alternative) for forms for young children. */
export const PICTURES = ['home', 'school', 'way', 'adult', 'friend', 'ear', 'sun', 'star', 'cloud', 'worry', 'speech', 'thought', 'path', 'people'] as const;
export type Picture = (typeof PICTURES)[number];

/** Fields every question type shares. */
export const base = {
  id: Id,
  label: Text,
  hint: v.optional(Text),
  /** Longer help, shown behind a "help with this question" disclosure. */
  help: v.optional(Text),
  /** What read-aloud speaks; defaults to the label, hint and options. */
  readAloud: v.optional(Text),
  required: v.optional(v.boolean(), false),
  /** Overrides the form's `allowDecline` for this question. */
  allowDecline: v.optional(v.boolean()),
  showIf: v.optional(ShowIf),
  /** The user-insight theme the question belongs to; every survey question needs one. */
  theme: v.optional(v.picklist(THEMES)),
  /** A protective factor it speaks to, where one fits. */
  factor: v.optional(v.picklist(PROTECTIVE_FACTORS)),
  /** A picture shown beside the label, for those who do not read yet. */
  picture: v.optional(v.picklist(PICTURES)),
  /**
   * Answers that signal the respondent may not be safe or is being hurt: a response with one
   * of them is flagged, for staff to see first, and its receipt gives the help line prominently.
   */
  flagAnswers: v.optional(v.pipe(v.array(v.string()), v.minLength(1))),
  /** Item ids of another form this question draws on: an assessment element names the child's-voice items shown beside it. */
  drawsOn: v.optional(v.array(Id)),
};

export const Option = v.strictObject({ value: Id, label: Text });
export type Option = v.InferOutput<typeof Option>;

/** What a browser sent for one question, by field suffix ('' is the question's own name). */
export type Raw = Record<string, string | string[]>;

/** A message key in the locale files' `errors` section, with its placeholders. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export type Outcome = { ok: true; value: QuestionValue | undefined } | { ok: false; error: FieldError };

/** One column of a tabular export: a stable key (a field name), its heading and its text. */
export interface Column {
  key: string;
  heading: string;
  text: string;
}

export interface Field {
  suffix: string;
  multiple?: boolean;
}

/**
 * One question type's behaviour: which fields it reads, how it validates, how an answer
 * is shown back. Its view lives in `web/questions/` under the same name.
 */
export interface QuestionKind<Q> {
  fields(question: Q): Field[];
  /** How "I don't want to answer" is offered: as one more option, or as a checkbox. */
  decline: 'option' | 'checkbox' | 'never';
  /** Message key used when a required question is left empty. */
  requiredError: string;
  /** Parses what was sent; an empty answer is `{ ok: true, value: undefined }`. */
  validate(question: Q, raw: Raw, today: string): Outcome;
  /** Turns a stored answer back into field values, to fill the page in again. */
  toRaw(question: Q, value: QuestionValue): Raw;
  /** The answer as display text, a line each: what the check page, staff page, PDF and API show. */
  cell(question: Q, value: QuestionValue, lang: Language, t: Translate): string[];
  /**
   * For tabular export, when one column is not enough: the columns this question always has
   * (the same whatever the answer) and their text for this answer. Without it, one column.
   */
  columns?(question: Q, value: QuestionValue | undefined, lang: Language, t: Translate): Column[];
  /** The answer for other systems, when it differs from what is stored (masked, or typed). */
  json?(question: Q, value: QuestionValue): unknown;
  /** Values counted when responses are aggregated; free text and identifiers give none. */
  countable?(question: Q, value: QuestionValue): string[];
  /** For choice-like kinds: every value an answer can take (what conditions may compare with). */
  answers?(question: Q): readonly string[];
  /** For scales: where on the scale the answer lies ("2 of 5"), for staff reading it. */
  position?(question: Q, value: QuestionValue): ScalePosition | undefined;
}

/** A point on a scale, counted from 1 (the lowest) to `of`. */
export interface ScalePosition {
  point: number;
  of: number;
}

export const ok = (value: QuestionValue | undefined): Outcome => ({ ok: true, value });
export const fail = (key: string, params?: FieldError['params']): Outcome => ({ ok: false, error: { key, params } });

export const single = (raw: Raw, suffix = ''): string => {
  const value = raw[suffix];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/** For kinds whose answer is one string: the field value to show again, and the value to count. */
export const stringRaw = (_question: unknown, value: QuestionValue): Raw => ({ '': typeof value === 'string' ? value : '' });
export const stringCount = (_question: unknown, value: QuestionValue): string[] => (typeof value === 'string' ? [value] : []);

/** A kind answered by picking one of a fixed set of values (radios), given that set and how to show an answer. */
export function pickOneKind<Q>(answers: (question: Q) => readonly string[], cell: QuestionKind<Q>['cell']): QuestionKind<Q> {
  return {
    fields: () => [{ suffix: '' }],
    decline: 'option',
    requiredError: 'requiredChoice',
    answers,
    validate(question, raw) {
      const value = single(raw);
      if (value === '') return ok(undefined);
      return answers(question).includes(value) ? ok(value) : fail('unknownOption');
    },
    toRaw: stringRaw,
    cell,
    countable: stringCount,
  };
}
