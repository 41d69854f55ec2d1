import * as v from 'valibot';

/** Marks a question the respondent chose not to answer ("I don't want to answer"). */
export const Declined = v.strictObject({ declined: v.literal(true) });

export const Signed = v.strictObject({ name: v.string(), confirmed: v.literal(true) });

/** Every shape a stored answer can have; drafts and responses are checked against it when read. */
export const AnswerValue = v.union([
  v.string(),
  v.number(),
  v.array(v.string()),
  Declined,
  Signed,
  v.record(v.string(), v.string()),
]);
export type AnswerValue = v.InferOutput<typeof AnswerValue>;

export const Answers = v.record(v.string(), AnswerValue);
export type Answers = v.InferOutput<typeof Answers>;

export const DECLINED: v.InferOutput<typeof Declined> = { declined: true };

export const isDeclined = (value: AnswerValue | undefined): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { declined?: unknown }).declined === true;
