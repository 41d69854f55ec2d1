import * as v from 'valibot';
import { base, fail, ok, type QuestionKind, single, stringRaw } from './kind.ts';

const maxLength = (fallback: number) =>
  v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000)), fallback);

export const shortTextDefinition = v.strictObject({
  ...base,
  type: v.literal('short-text'),
  maxLength: maxLength(200),
  /** An HTML autocomplete token, where the answer is something a browser may know. */
  autocomplete: v.optional(v.picklist(['name', 'given-name', 'family-name', 'email', 'tel', 'off'])),
});
export const longTextDefinition = v.strictObject({ ...base, type: v.literal('long-text'), maxLength: maxLength(2000) });

type TextQuestion = v.InferOutput<typeof shortTextDefinition> | v.InferOutput<typeof longTextDefinition>;

/** Short and long text differ only in their view and default limit. */
export const textKind: QuestionKind<TextQuestion> = {
  fields: () => [{ suffix: '' }],
  decline: 'checkbox',
  requiredError: 'requiredText',
  validate(question, raw) {
    const text = single(raw).replace(/\r\n/g, '\n');
    if (text === '') return ok(undefined);
    const length = [...text].length;
    if (length > question.maxLength) return fail('tooLong', { max: question.maxLength, length });
    return ok(text);
  },
  toRaw: stringRaw,
  cell: (_question, value) => (typeof value === 'string' ? value.split('\n') : []),
};
