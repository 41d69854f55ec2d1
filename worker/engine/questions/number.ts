import * as v from 'valibot';
import { Text } from '../../core/language.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { base, fail, ok, single, type QuestionKind } from './kind.ts';

export const numberDefinition = v.strictObject({
  ...base,
  type: v.literal('number'),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  integer: v.optional(v.boolean(), true),
  /** Shown after the field, for example "years". */
  unit: v.optional(Text),
});
type NumberQuestion = v.InferOutput<typeof numberDefinition>;

/** A number as Norwegians write it: decimal comma, no exponent. */
const written = (value: number) => value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 6 }).replace('.', ',');

export const numberKind: QuestionKind<NumberQuestion> = {
  fields: () => [{ suffix: '' }],
  decline: 'checkbox',
  requiredError: 'requiredNumber',
  validate(question, raw) {
    // Norwegian keyboards write decimals with a comma and group digits with spaces.
    const text = single(raw).replace(/[\s\u00a0]/g, '').replace(',', '.');
    if (text === '') return ok(undefined);
    // At most 15 digits before and 6 after the decimal point: exact in a double, never written with an exponent.
    if (!/^-?\d{1,15}(\.\d{1,6})?$/.test(text)) return fail('notANumber');
    const value = Number(text);
    if (question.integer && !Number.isInteger(value)) return fail('notAWholeNumber');
    if (question.min !== undefined && value < question.min) return fail('numberTooSmall', { min: question.min });
    if (question.max !== undefined && value > question.max) return fail('numberTooLarge', { max: question.max });
    return ok(value);
  },
  toRaw: (_question, value) => ({ '': typeof value === 'number' ? written(value) : '' }),
  cell: (question, value, lang) =>
    typeof value === 'number' ? [[written(value), question.unit ? pickText(question.unit, lang) : ''].join(' ').trim()] : [],
  countable: (_question, value) => (typeof value === 'number' ? [String(value)] : []),
};
