import * as v from 'valibot';
import { base, fail, ok, type QuestionKind, single, stringCount, stringRaw } from './kind.ts';

export const YES_NO_VALUES = ['yes', 'no', 'dont-know'] as const;

export const yesNoDefinition = v.strictObject({
  ...base,
  type: v.literal('yes-no'),
  /** Offer "don't know" as a third answer. */
  dontKnow: v.optional(v.boolean(), true),
});
type YesNo = v.InferOutput<typeof yesNoDefinition>;

export const yesNoKind: QuestionKind<YesNo> = {
  fields: () => [{ suffix: '' }],
  decline: 'option',
  requiredError: 'requiredChoice',
  validate(question, raw) {
    const value = single(raw);
    if (value === '') return ok(undefined);
    const allowed: readonly string[] = question.dontKnow ? YES_NO_VALUES : YES_NO_VALUES.slice(0, 2);
    return allowed.includes(value) ? ok(value) : fail('unknownOption');
  },
  toRaw: stringRaw,
  summary: (_question, value, _lang, t) => (typeof value === 'string' ? [t(`answers.${value}`)] : []),
  countable: stringCount,
};
