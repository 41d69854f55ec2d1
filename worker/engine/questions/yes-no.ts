import * as v from 'valibot';
import { base, pickOneKind } from './kind.ts';

export const YES_NO_VALUES = ['yes', 'no', 'dont-know'] as const;

export const yesNoDefinition = v.strictObject({
  ...base,
  type: v.literal('yes-no'),
  /** Offer "don't know" as a third answer. */
  dontKnow: v.optional(v.boolean(), true),
});
type YesNo = v.InferOutput<typeof yesNoDefinition>;

export const yesNoKind = pickOneKind<YesNo>(
  (question) => (question.dontKnow ? YES_NO_VALUES : YES_NO_VALUES.slice(0, 2)),
  (_question, value, _lang, t) => (typeof value === 'string' ? [t(`answers.${value}`)] : []),
);
