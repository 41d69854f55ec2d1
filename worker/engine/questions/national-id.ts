import * as v from 'valibot';
import { base, fail, ok, single, type FieldError, type QuestionKind } from './kind.ts';

export const nationalIdDefinition = v.strictObject({ ...base, type: v.literal('national-id') });
type NationalIdQuestion = v.InferOutput<typeof nationalIdDefinition>;

const FIRST = [3, 7, 6, 1, 8, 9, 4, 5, 2, 1];
const SECOND = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
/** Numbers issued from 2032 may use any of four first check digits. */
const RELAXED_FROM = '2032-01-01';

const weighted = (digits: number[], weights: number[]) =>
  weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;

/**
 * Checks a Norwegian national identity number (fødselsnummer) or D-number: 11 digits,
 * a plausible date of birth, and both mod-11 check digits. Returns the problem, or undefined.
 */
export function nationalIdProblem(input: string, today: string): FieldError | undefined {
  if (!/^\d{11}$/.test(input)) return { key: 'nationalIdLength' };
  const digits = [...input].map(Number);
  const day = Number(input.slice(0, 2));
  const month = Number(input.slice(2, 4));
  // A D-number adds 4 to the first digit of the day.
  const birthDay = day > 40 ? day - 40 : day;
  if (birthDay < 1 || birthDay > 31 || month < 1 || month > 12) return { key: 'nationalIdDate' };
  // With the check digit included, the first sum is 0 mod 11 (or 0–3 for numbers from 2032).
  const first = weighted(digits, FIRST);
  const firstValid = today >= RELAXED_FROM ? first <= 3 : first === 0;
  if (!firstValid || weighted(digits, SECOND) !== 0) return { key: 'nationalIdChecksum' };
  return undefined;
}

/** Shows only the date-of-birth part; the full number is never echoed back. */
export const maskNationalId = (value: string) => `${value.slice(0, 6)} *****`;

export const nationalIdKind: QuestionKind<NationalIdQuestion> & { masked: true } = {
  masked: true,
  fields: () => [{ suffix: '' }],
  decline: 'never',
  requiredError: 'requiredNationalId',
  validate(_question, raw, today) {
    const value = single(raw).replace(/[\s.-]/g, '');
    if (value === '') return ok(undefined);
    const problem = nationalIdProblem(value, today);
    return problem ? fail(problem.key) : ok(value);
  },
  // A saved number is never put back into the page; the view shows it masked instead.
  toRaw: () => ({}),
  cell: (_question, value) => (typeof value === 'string' ? [maskNationalId(value)] : []),
};
