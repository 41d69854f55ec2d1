import * as v from 'valibot';

/** Marks a question the respondent chose not to answer ("I don't want to answer"). */
export const Declined = v.strictObject({ declined: v.literal(true) });

export const Signed = v.strictObject({ name: v.string(), confirmed: v.literal(true) });

/** What one question's answer can be. */
export const QuestionValue = v.union([v.string(), v.number(), v.array(v.string()), Declined, Signed, v.record(v.string(), v.string())]);
export type QuestionValue = v.InferOutput<typeof QuestionValue>;

/** One row of a repeatable page: its questions' answers by question id. */
export const Row = v.record(v.string(), QuestionValue);
export type Row = v.InferOutput<typeof Row>;

/**
 * Every shape a stored top-level answer can have; drafts and responses are checked against it
 * when read. A repeatable page keeps all its rows under the page's id, as a list.
 */
export const AnswerValue = v.union([QuestionValue, v.array(Row)]);
export type AnswerValue = v.InferOutput<typeof AnswerValue>;

export const Answers = v.record(v.string(), AnswerValue);
export type Answers = v.InferOutput<typeof Answers>;

export const DECLINED: v.InferOutput<typeof Declined> = { declined: true };

export const isDeclined = (value: AnswerValue | undefined): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { declined?: unknown }).declined === true;

/** The rows stored for a repeatable page; anything else there counts as none. */
export const rowsOf = (value: AnswerValue | undefined): Row[] =>
  Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null) : [];

/** A top-level answer as one question's answer; a list of rows is none. */
export const questionValue = (value: AnswerValue | undefined): QuestionValue | undefined =>
  Array.isArray(value) && value.some((item) => typeof item !== 'string') ? undefined : (value as QuestionValue | undefined);
