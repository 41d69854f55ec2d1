import * as v from 'valibot';
import { base, fail, ok, single, type QuestionKind, type Raw } from './kind.ts';

/** A limit: a calendar date, or "today" (resolved when the answer is checked). */
const Limit = v.union([v.literal('today'), v.pipe(v.string(), v.isoDate())]);

export const dateDefinition = v.strictObject({ ...base, type: v.literal('date'), min: v.optional(Limit), max: v.optional(Limit) });
type DateQuestion = v.InferOutput<typeof dateDefinition>;

const PARTS = ['day', 'month', 'year'] as const;
/** YYYY-MM-DD as Norwegians write it: DD.MM.YYYY. */
const display = (iso: string) => iso.split('-').reverse().join('.');
const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Day, month and year fields, the GOV.UK way: works on every phone, unlike `type=date`. */
export const dateKind: QuestionKind<DateQuestion> = {
  fields: () => PARTS.map((suffix) => ({ suffix })),
  decline: 'checkbox',
  requiredError: 'requiredDate',
  validate(question, raw, today) {
    const [day, month, year] = PARTS.map((part) => single(raw, part));
    if (!day && !month && !year) return ok(undefined);
    const missing = PARTS.filter((_, index) => ![day, month, year][index]);
    if (missing.length > 0) return fail('dateIncomplete');
    if (![day, month, year].every((part) => /^\d+$/.test(part ?? '')) || (year ?? '').length !== 4) return fail('dateInvalid');
    const [d, m, y] = [Number(day), Number(month), Number(year)];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return fail('dateInvalid');
    const iso = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
    const resolve = (limit: string) => (limit === 'today' ? today : limit);
    if (question.min && iso < resolve(question.min)) return fail('dateTooEarly', { min: display(resolve(question.min)) });
    if (question.max && iso > resolve(question.max)) return fail('dateTooLate', { max: display(resolve(question.max)) });
    return ok(iso);
  },
  toRaw(_question, value): Raw {
    if (typeof value !== 'string') return {};
    const [year = '', month = '', day = ''] = value.split('-');
    return { day: String(Number(day)), month: String(Number(month)), year };
  },
  cell: (_question, value) => (typeof value === 'string' ? [display(value)] : []),
};
