import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { QuestionValue as AnswerValue } from '../../worker/engine/answer.ts';
import type { Language } from '../../worker/core/language.ts';
import { kindOf, Question } from '../../worker/engine/questions/index.ts';
import type { Raw } from '../../worker/engine/questions/kind.ts';
import type { Translate } from '../../worker/core/i18n/translate.ts';
import { maskNationalId, nationalIdProblem } from '../../worker/engine/questions/national-id.ts';

const TODAY = '2026-11-24';
const text = (nb: string, nn = nb, en = nb) => ({ nb, nn, en });

/** A question as a form would hold it, with the schema's defaults applied. */
const question = (definition: Record<string, unknown>): Question =>
  v.parse(Question, { id: 'q', label: text('Spørsmål', 'Spørsmål', 'Question'), ...definition });

const validate = (q: Question, raw: Raw, today = TODAY) => kindOf(q).validate(q, raw, today);
const accepted = (value: AnswerValue) => ({ ok: true, value });
const rejected = (key: string, params?: Record<string, string | number>) => ({ ok: false, error: { key, params } });
const empty = { ok: true, value: undefined };

/** Interface texts as their keys, so a summary shows which text it asked for. */
const t: Translate = (key, params) => (params ? `${key} ${JSON.stringify(params)}` : key);
const summary = (q: Question, value: AnswerValue, lang: Language = 'nb') => kindOf(q).cell(q, value, lang, t);
/** A stored answer put back into the page and sent again must give the same answer. */
const resent = (q: Question, value: AnswerValue) => validate(q, kindOf(q).toRaw(q, value));

describe('short and long text', () => {
  const short = question({ type: 'short-text', maxLength: 5 });

  it('trims spaces around the answer', () => {
    expect(validate(short, { '': '  hei \n' })).toEqual(accepted('hei'));
  });

  it('treats an empty or blank field as no answer', () => {
    expect(validate(short, { '': '' })).toEqual(empty);
    expect(validate(short, { '': '   ' })).toEqual(empty);
    expect(validate(short, {})).toEqual(empty);
  });

  it('accepts exactly the maximum length', () => {
    expect(validate(short, { '': 'abcde' })).toEqual(accepted('abcde'));
  });

  it('rejects text over the maximum length, saying the limit and the length', () => {
    expect(validate(short, { '': 'abcdef' })).toEqual(rejected('tooLong', { max: 5, length: 6 }));
  });

  it('counts an emoji as one character', () => {
    const three = question({ type: 'short-text', maxLength: 3 });
    expect(validate(three, { '': '🙂🙂🙂' })).toEqual(accepted('🙂🙂🙂'));
    expect(validate(three, { '': '🙂🙂🙂🙂' })).toEqual(rejected('tooLong', { max: 3, length: 4 }));
  });

  it('counts a Windows line break as one character', () => {
    const long = question({ type: 'long-text', maxLength: 3 });
    expect(validate(long, { '': 'a\r\nb' })).toEqual(accepted('a\nb'));
  });

  it('limits short text to 200 and long text to 2000 characters by default', () => {
    const shortDefault = question({ type: 'short-text' });
    const longDefault = question({ type: 'long-text' });
    expect(validate(shortDefault, { '': 'x'.repeat(200) }).ok).toBe(true);
    expect(validate(shortDefault, { '': 'x'.repeat(201) })).toEqual(rejected('tooLong', { max: 200, length: 201 }));
    expect(validate(longDefault, { '': 'x'.repeat(2000) }).ok).toBe(true);
    expect(validate(longDefault, { '': 'x'.repeat(2001) })).toEqual(rejected('tooLong', { max: 2000, length: 2001 }));
  });

  it('shows a long answer line by line and fills the field in again unchanged', () => {
    const long = question({ type: 'long-text' });
    expect(summary(long, 'første linje\nandre linje')).toEqual(['første linje', 'andre linje']);
    expect(resent(long, 'første linje\nandre linje')).toEqual(accepted('første linje\nandre linje'));
  });
});

describe('single choice', () => {
  const pet = question({
    type: 'single-choice',
    options: [
      { value: 'cat', label: text('Katt', 'Katt', 'Cat') },
      { value: 'dog', label: text('Hund', 'Hund', 'Dog') },
    ],
  });

  it('accepts one of the options', () => {
    expect(validate(pet, { '': 'dog' })).toEqual(accepted('dog'));
  });

  it('rejects a value that is not an option', () => {
    expect(validate(pet, { '': 'hamster' })).toEqual(rejected('unknownOption'));
  });

  it('treats no choice as no answer', () => {
    expect(validate(pet, { '': '' })).toEqual(empty);
  });

  it("shows the chosen option's label in the reader's language and selects it again", () => {
    expect(summary(pet, 'cat', 'en')).toEqual(['Cat']);
    expect(summary(pet, 'cat', 'nb')).toEqual(['Katt']);
    expect(resent(pet, 'cat')).toEqual(accepted('cat'));
  });
});

describe('multiple choice', () => {
  const options = [
    { value: 'parent', label: text('Forelder', 'Forelder', 'Parent') },
    { value: 'teacher', label: text('Lærer', 'Lærar', 'Teacher') },
    { value: 'nurse', label: text('Helsesykepleier', 'Helsesjukepleiar', 'Nurse') },
  ];
  const adults = question({ type: 'multiple-choice', options });

  it('accepts several options', () => {
    expect(validate(adults, { '': ['parent', 'nurse'] })).toEqual(accepted(['parent', 'nurse']));
  });

  it("stores the choices in the form's order, whatever order the browser sent", () => {
    expect(validate(adults, { '': ['nurse', 'parent', 'teacher'] })).toEqual(accepted(['parent', 'teacher', 'nurse']));
  });

  it('stores an option sent twice only once', () => {
    expect(validate(adults, { '': ['teacher', 'teacher'] })).toEqual(accepted(['teacher']));
  });

  it('accepts a single value sent as a plain string', () => {
    expect(validate(adults, { '': 'teacher' })).toEqual(accepted(['teacher']));
  });

  it('rejects a value that is not an option, even next to valid ones', () => {
    expect(validate(adults, { '': ['parent', 'coach'] })).toEqual(rejected('unknownOption'));
  });

  it('treats nothing ticked as no answer', () => {
    expect(validate(adults, { '': [] })).toEqual(empty);
    expect(validate(adults, { '': [''] })).toEqual(empty);
  });

  it('rejects more choices than allowed, saying the limit', () => {
    const two = question({ type: 'multiple-choice', options, maxSelected: 2 });
    expect(validate(two, { '': ['parent', 'teacher'] })).toEqual(accepted(['parent', 'teacher']));
    expect(validate(two, { '': ['parent', 'teacher', 'nurse'] })).toEqual(rejected('tooManyChoices', { max: 2 }));
  });

  it('does not count a duplicate towards the limit', () => {
    const one = question({ type: 'multiple-choice', options, maxSelected: 1 });
    expect(validate(one, { '': ['nurse', 'nurse'] })).toEqual(accepted(['nurse']));
  });

  it('shows every chosen label and ticks the same boxes again', () => {
    expect(summary(adults, ['parent', 'nurse'], 'nn')).toEqual(['Forelder', 'Helsesjukepleiar']);
    expect(resent(adults, ['parent', 'nurse'])).toEqual(accepted(['parent', 'nurse']));
  });
});

describe('smiley scale', () => {
  const three = question({ type: 'smiley-scale', points: 3, labels: [text('Dårlig'), text('Passe'), text('Bra')] });
  const five = question({
    type: 'smiley-scale',
    points: 5,
    labels: [text('Veldig dårlig'), text('Dårlig'), text('Passe'), text('Bra'), text('Veldig bra')],
  });

  it('accepts every point on a three-point scale', () => {
    for (const point of ['1', '2', '3']) expect(validate(three, { '': point })).toEqual(accepted(point));
  });

  it('rejects point 4 on a three-point scale', () => {
    expect(validate(three, { '': '4' })).toEqual(rejected('unknownOption'));
  });

  it('accepts every point on a five-point scale and nothing outside it', () => {
    for (const point of ['1', '2', '3', '4', '5']) expect(validate(five, { '': point })).toEqual(accepted(point));
    for (const outside of ['0', '6', '-1', '2.5', '03', 'glad']) expect(validate(five, { '': outside })).toEqual(rejected('unknownOption'));
  });

  it('treats no choice as no answer', () => {
    expect(validate(three, { '': '' })).toEqual(empty);
  });

  it('shows the label of the chosen point in words, with no emoji face', () => {
    expect(summary(three, '3')).toEqual(['Bra']);
    expect(summary(five, '1')).toEqual(['Veldig dårlig']);
    expect(resent(five, '4')).toEqual(accepted('4'));
  });

  it('cannot be defined with fewer labels than points', () => {
    expect(v.safeParse(Question, { id: 'q', label: text('Q'), type: 'smiley-scale', points: 5, labels: [text('A')] }).success).toBe(false);
  });
});

describe('yes/no', () => {
  const withDontKnow = question({ type: 'yes-no' });
  const withoutDontKnow = question({ type: 'yes-no', dontKnow: false });

  it("offers yes, no and don't know by default", () => {
    for (const answer of ['yes', 'no', 'dont-know']) expect(validate(withDontKnow, { '': answer })).toEqual(accepted(answer));
  });

  it("rejects don't know when the question does not offer it", () => {
    expect(validate(withoutDontKnow, { '': 'dont-know' })).toEqual(rejected('unknownOption'));
    expect(validate(withoutDontKnow, { '': 'no' })).toEqual(accepted('no'));
  });

  it('rejects anything else', () => {
    expect(validate(withDontKnow, { '': 'maybe' })).toEqual(rejected('unknownOption'));
  });

  it('shows the answer in words and selects it again', () => {
    expect(summary(withDontKnow, 'dont-know')).toEqual(['answers.dont-know']);
    expect(resent(withDontKnow, 'no')).toEqual(accepted('no'));
  });
});

describe('date', () => {
  const date = question({ type: 'date' });
  const sent = (day: string, month: string, year: string) => ({ day, month, year });

  it('turns day, month and year into an ISO date', () => {
    expect(validate(date, sent('5', '3', '2020'))).toEqual(accepted('2020-03-05'));
    expect(validate(date, sent('05', '03', '2020'))).toEqual(accepted('2020-03-05'));
    expect(validate(date, sent(' 5 ', '3', '2020'))).toEqual(accepted('2020-03-05'));
  });

  it('rejects a day the month does not have', () => {
    expect(validate(date, sent('31', '02', '2024'))).toEqual(rejected('dateInvalid'));
    expect(validate(date, sent('31', '4', '2024'))).toEqual(rejected('dateInvalid'));
    expect(validate(date, sent('1', '13', '2024'))).toEqual(rejected('dateInvalid'));
    expect(validate(date, sent('0', '1', '2024'))).toEqual(rejected('dateInvalid'));
  });

  it('knows leap years', () => {
    expect(validate(date, sent('29', '2', '2024'))).toEqual(accepted('2024-02-29'));
    expect(validate(date, sent('29', '2', '2023'))).toEqual(rejected('dateInvalid'));
  });

  it('rejects a two-digit year and parts that are not numbers', () => {
    expect(validate(date, sent('1', '1', '24'))).toEqual(rejected('dateInvalid'));
    expect(validate(date, sent('første', '1', '2024'))).toEqual(rejected('dateInvalid'));
  });

  it('says the date is incomplete when a part is missing', () => {
    expect(validate(date, sent('1', '', '2024'))).toEqual(rejected('dateIncomplete'));
    expect(validate(date, sent('', '5', '2024'))).toEqual(rejected('dateIncomplete'));
    expect(validate(date, sent('1', '5', ''))).toEqual(rejected('dateIncomplete'));
  });

  it('treats three empty fields as no answer', () => {
    expect(validate(date, sent('', '', ''))).toEqual(empty);
  });

  it('rejects a date before a fixed minimum, showing the minimum the Norwegian way', () => {
    const from2020 = question({ type: 'date', min: '2020-01-01' });
    expect(validate(from2020, sent('31', '12', '2019'))).toEqual(rejected('dateTooEarly', { min: '01.01.2020' }));
    expect(validate(from2020, sent('1', '1', '2020'))).toEqual(accepted('2020-01-01'));
  });

  it('rejects a date after a fixed maximum', () => {
    const until2030 = question({ type: 'date', max: '2030-06-30' });
    expect(validate(until2030, sent('1', '7', '2030'))).toEqual(rejected('dateTooLate', { max: '30.06.2030' }));
    expect(validate(until2030, sent('30', '6', '2030'))).toEqual(accepted('2030-06-30'));
  });

  it("resolves 'today' as a minimum to the day the answer is checked", () => {
    const future = question({ type: 'date', min: 'today' });
    expect(validate(future, sent('23', '11', '2026'), '2026-11-24')).toEqual(rejected('dateTooEarly', { min: '24.11.2026' }));
    expect(validate(future, sent('24', '11', '2026'), '2026-11-24')).toEqual(accepted('2026-11-24'));
    expect(validate(future, sent('23', '11', '2026'), '2026-01-01')).toEqual(accepted('2026-11-23'));
  });

  it("resolves 'today' as a maximum, so a birth date cannot be in the future", () => {
    const past = question({ type: 'date', max: 'today' });
    expect(validate(past, sent('25', '11', '2026'), '2026-11-24')).toEqual(rejected('dateTooLate', { max: '24.11.2026' }));
    expect(validate(past, sent('24', '11', '2026'), '2026-11-24')).toEqual(accepted('2026-11-24'));
  });

  it('shows the date as DD.MM.YYYY and fills the three fields in again', () => {
    expect(summary(date, '2020-03-05')).toEqual(['05.03.2020']);
    expect(kindOf(date).toRaw(date, '2020-03-05')).toEqual({ day: '5', month: '3', year: '2020' });
    expect(resent(date, '2020-03-05')).toEqual(accepted('2020-03-05'));
  });
});

describe('number', () => {
  const whole = question({ type: 'number' });
  const decimal = question({ type: 'number', integer: false });

  it('accepts a decimal comma when decimals are allowed', () => {
    expect(validate(decimal, { '': '1,5' })).toEqual(accepted(1.5));
    expect(validate(decimal, { '': '1.5' })).toEqual(accepted(1.5));
  });

  it('asks for a whole number by default', () => {
    expect(validate(whole, { '': '1,5' })).toEqual(rejected('notAWholeNumber'));
    expect(validate(whole, { '': '12' })).toEqual(accepted(12));
  });

  it('accepts negative numbers and spaces between digit groups', () => {
    expect(validate(whole, { '': '-3' })).toEqual(accepted(-3));
    expect(validate(whole, { '': '1 000' })).toEqual(accepted(1000));
    expect(validate(whole, { '': '1\u00a0000' })).toEqual(accepted(1000));
  });

  it('rejects text that is not a number', () => {
    for (const input of ['abc', '1,2,3', '1e3', '12kr', '--1', ',5']) expect(validate(decimal, { '': input })).toEqual(rejected('notANumber'));
  });

  it('treats an empty field as no answer', () => {
    expect(validate(whole, { '': ' ' })).toEqual(empty);
  });

  it('shows a saved number back with a decimal comma and never in exponent form', () => {
    const small = validate(decimal, { '': '0,000001' });
    expect(small).toEqual(accepted(0.000001));
    const raw = kindOf(decimal).toRaw(decimal, 0.000001);
    expect(raw).toEqual({ '': '0,000001' });
    expect(validate(decimal, raw)).toEqual(small);
    expect(kindOf(decimal).cell(decimal, 0.000001, 'nb', (key) => key)).toEqual(['0,000001']);
  });

  it('rejects numbers too long to store exactly', () => {
    expect(validate(whole, { '': '1000000000000000000000' })).toEqual(rejected('notANumber'));
    expect(validate(decimal, { '': '0,0000001' })).toEqual(rejected('notANumber'));
  });

  it('rejects numbers outside the limits, saying the limit', () => {
    const guardians = question({ type: 'number', min: 1, max: 2 });
    expect(validate(guardians, { '': '0' })).toEqual(rejected('numberTooSmall', { min: 1 }));
    expect(validate(guardians, { '': '3' })).toEqual(rejected('numberTooLarge', { max: 2 }));
    expect(validate(guardians, { '': '1' })).toEqual(accepted(1));
    expect(validate(guardians, { '': '2' })).toEqual(accepted(2));
  });

  it('shows and refills a decimal with a comma, followed by its unit', () => {
    const height = question({ type: 'number', integer: false, unit: text('meter', 'meter', 'metres') });
    expect(summary(height, 1.5, 'en')).toEqual(['1,5 metres']);
    expect(kindOf(height).toRaw(height, 1.5)).toEqual({ '': '1,5' });
    expect(resent(height, 1.5)).toEqual(accepted(1.5));
  });
});

/* ---------------------------------------------------------------------------------------------
 * National identity numbers. The check digits below are computed independently of the product
 * code, straight from the published rule for fødselsnummer and D-numbers.
 * ------------------------------------------------------------------------------------------- */

const WEIGHTS_1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const WEIGHTS_2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

const weightedSum = (digits: readonly number[], weights: readonly number[]) =>
  weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? Number.NaN), 0);

/** A check digit: 11 − (sum mod 11), where 11 becomes 0 and 10 means the number cannot be issued. */
const checkDigit = (sum: number): number | undefined => {
  const digit = 11 - (sum % 11);
  return digit === 11 ? 0 : digit === 10 ? undefined : digit;
};

const two = (value: number) => String(value).padStart(2, '0');

/** Builds the 11 digits, or undefined when that individual number has no valid check digits. */
function nationalId(day: number, month: number, year: number, individual: number): string | undefined {
  const start = `${two(day)}${two(month)}${two(year)}${String(individual).padStart(3, '0')}`;
  const digits = [...start].map(Number);
  const k1 = checkDigit(weightedSum(digits, WEIGHTS_1));
  if (k1 === undefined) return undefined;
  const k2 = checkDigit(weightedSum([...digits, k1], WEIGHTS_2));
  if (k2 === undefined) return undefined;
  return `${start}${k1}${k2}`;
}

/** The first issuable number on a date, counting individual numbers up from `from`. */
function firstNationalId(day: number, month: number, year: number, from = 100): string {
  for (let individual = from; individual < 1000; individual++) {
    const id = nationalId(day, month, year, individual);
    if (id) return id;
  }
  throw new Error('no valid individual number');
}

/**
 * A number whose first weighted sum (check digit included) is `remainder` mod 11 instead of 0:
 * allowed for numbers issued from 2032, when the first check digit may take four values.
 */
function relaxedNationalId(remainder: number): string {
  for (let individual = 100; individual < 1000; individual++) {
    const start = `241115${String(individual).padStart(3, '0')}`;
    const digits = [...start].map(Number);
    const k1 = (((remainder - weightedSum(digits, WEIGHTS_1)) % 11) + 11) % 11;
    if (k1 > 9) continue;
    const k2 = checkDigit(weightedSum([...digits, k1], WEIGHTS_2));
    if (k2 === undefined) continue;
    return `${start}${k1}${k2}`;
  }
  throw new Error('no such number');
}

const validNationalIds = fc
  .record({
    day: fc.integer({ min: 1, max: 28 }),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.integer({ min: 0, max: 99 }),
    individual: fc.integer({ min: 0, max: 999 }),
    dNumber: fc.boolean(),
  })
  .map(({ day, month, year, individual, dNumber }) => nationalId(dNumber ? day + 40 : day, month, year, individual))
  .filter((id): id is string => id !== undefined);

const withDigitChanged = (id: string, position: number, step: number) =>
  `${id.slice(0, position)}${(Number(id[position]) + step) % 10}${id.slice(position + 1)}`;

describe('national identity number', () => {
  const birthNumber = firstNationalId(24, 11, 15);
  const dNumber = firstNationalId(24 + 40, 11, 15);

  it('the test helpers build numbers of the right shape', () => {
    expect(birthNumber).toMatch(/^241115\d{5}$/);
    expect(dNumber).toMatch(/^641115\d{5}$/);
  });

  it('accepts a valid fødselsnummer', () => {
    expect(nationalIdProblem(birthNumber, TODAY)).toBeUndefined();
  });

  it('accepts a valid D-number, where 40 is added to the day', () => {
    expect(nationalIdProblem(dNumber, TODAY)).toBeUndefined();
  });

  it('rejects a number that is not 11 digits long', () => {
    expect(nationalIdProblem(birthNumber.slice(0, 10), TODAY)).toEqual({ key: 'nationalIdLength' });
    expect(nationalIdProblem(`${birthNumber}0`, TODAY)).toEqual({ key: 'nationalIdLength' });
    expect(nationalIdProblem('', TODAY)).toEqual({ key: 'nationalIdLength' });
  });

  it('rejects a number with anything other than digits', () => {
    expect(nationalIdProblem(`${birthNumber.slice(0, 10)}x`, TODAY)).toEqual({ key: 'nationalIdLength' });
    expect(nationalIdProblem(`${birthNumber.slice(0, 6)} ${birthNumber.slice(7)}`, TODAY)).toEqual({ key: 'nationalIdLength' });
  });

  it('rejects month 13 even when the check digits add up', () => {
    const month13 = firstNationalId(1, 13, 15);
    expect(nationalIdProblem(month13, TODAY)).toEqual({ key: 'nationalIdDate' });
  });

  it('rejects day 0, day 32 and a D-number with day 32', () => {
    for (const day of [0, 32, 72]) expect(nationalIdProblem(firstNationalId(day, 5, 15), TODAY)).toEqual({ key: 'nationalIdDate' });
  });

  it('rejects a valid number with one digit changed', () => {
    expect(nationalIdProblem(withDigitChanged(birthNumber, 10, 1), TODAY)).toEqual({ key: 'nationalIdChecksum' });
  });

  it('accepts every number built by the published rule (property)', () => {
    fc.assert(fc.property(validNationalIds, (id) => nationalIdProblem(id, TODAY) === undefined));
  });

  it('rejects every valid number with any single digit changed (property)', () => {
    fc.assert(
      fc.property(validNationalIds, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (id, position, step) => {
        const key = nationalIdProblem(withDigitChanged(id, position, step), TODAY)?.key;
        return key === 'nationalIdChecksum' || key === 'nationalIdDate';
      }),
    );
  });

  it('rejects a changed check digit as a checksum error (property)', () => {
    fc.assert(
      fc.property(validNationalIds, fc.constantFrom(9, 10), fc.integer({ min: 1, max: 9 }), (id, position, step) => {
        expect(nationalIdProblem(withDigitChanged(id, position, step), TODAY)).toEqual({ key: 'nationalIdChecksum' });
      }),
    );
  });

  describe('the relaxed first check digit for numbers issued from 2032', () => {
    for (const remainder of [1, 2, 3]) {
      const relaxed = relaxedNationalId(remainder);

      it(`rejects a first check sum of ${remainder} mod 11 before 2032`, () => {
        expect(nationalIdProblem(relaxed, '2026-11-24')).toEqual({ key: 'nationalIdChecksum' });
        expect(nationalIdProblem(relaxed, '2031-12-31')).toEqual({ key: 'nationalIdChecksum' });
      });

      it(`accepts a first check sum of ${remainder} mod 11 from 2032`, () => {
        expect(nationalIdProblem(relaxed, '2032-06-01')).toBeUndefined();
        expect(nationalIdProblem(relaxed, '2032-01-01')).toBeUndefined();
      });
    }

    it('still rejects a first check sum of 4 mod 11 from 2032', () => {
      expect(nationalIdProblem(relaxedNationalId(4), '2032-06-01')).toEqual({ key: 'nationalIdChecksum' });
    });

    it('still checks the second check digit from 2032', () => {
      expect(nationalIdProblem(withDigitChanged(relaxedNationalId(2), 10, 1), '2032-06-01')).toEqual({ key: 'nationalIdChecksum' });
    });
  });

  it('shows only the first six digits when masked', () => {
    const masked = maskNationalId(birthNumber);
    expect(masked.startsWith(birthNumber.slice(0, 6))).toBe(true);
    expect(masked).not.toContain(birthNumber.slice(6));
    expect(masked.replace(/\D/g, '')).toBe(birthNumber.slice(0, 6));
  });

  describe('as a question', () => {
    const idQuestion = question({ type: 'national-id' });

    it('accepts a valid number typed with spaces, dots or dashes and stores only the digits', () => {
      const spaced = `${birthNumber.slice(0, 6)} ${birthNumber.slice(6)}`;
      expect(validate(idQuestion, { '': spaced })).toEqual(accepted(birthNumber));
      expect(validate(idQuestion, { '': `${birthNumber.slice(0, 2)}.${birthNumber.slice(2, 4)}.${birthNumber.slice(4, 6)}-${birthNumber.slice(6)}` })).toEqual(
        accepted(birthNumber),
      );
    });

    it('reports the problem with an invalid number', () => {
      expect(validate(idQuestion, { '': '123' })).toEqual(rejected('nationalIdLength'));
      expect(validate(idQuestion, { '': withDigitChanged(birthNumber, 9, 3) })).toEqual(rejected('nationalIdChecksum'));
    });

    it('uses the day the answer is checked for the 2032 rule', () => {
      expect(validate(idQuestion, { '': relaxedNationalId(1) }, '2026-11-24')).toEqual(rejected('nationalIdChecksum'));
      expect(validate(idQuestion, { '': relaxedNationalId(1) }, '2032-06-01')).toEqual(accepted(relaxedNationalId(1)));
    });

    it('treats an empty field as no answer', () => {
      expect(validate(idQuestion, { '': '' })).toEqual(empty);
    });

    it('never shows the full number in the summary', () => {
      const lines = summary(idQuestion, birthNumber);
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(birthNumber);
      expect(lines.join('\n')).not.toContain(birthNumber.slice(6));
    });

    it('never puts the saved number back into the page', () => {
      expect(kindOf(idQuestion).toRaw(idQuestion, birthNumber)).toEqual({});
    });
  });
});

describe('agency table', () => {
  const agencies = question({
    type: 'agency-table',
    agencies: [
      { value: 'school', label: text('Skole', 'Skule', 'School') },
      { value: 'gp', label: text('Fastlege', 'Fastlege', 'GP') },
      { value: 'nav', label: text('NAV') },
    ],
  });

  it('accepts a decision for every agency as one record', () => {
    expect(validate(agencies, { school: 'approve', gp: 'decline', nav: 'approve' })).toEqual(
      accepted({ school: 'approve', gp: 'decline', nav: 'approve' }),
    );
  });

  it('refuses a half-filled table and names the first agency left out', () => {
    expect(validate(agencies, { school: 'approve', gp: '', nav: 'decline' })).toEqual(rejected('agencyMissing', { agency: 'gp' }));
    expect(validate(agencies, { school: 'approve' })).toEqual(rejected('agencyMissing', { agency: 'gp' }));
  });

  it('rejects a decision other than approve or decline', () => {
    expect(validate(agencies, { school: 'approve', gp: 'maybe', nav: 'approve' })).toEqual(rejected('unknownOption'));
  });

  it('treats an untouched table as no answer', () => {
    expect(validate(agencies, {})).toEqual(empty);
    expect(validate(agencies, { school: '', gp: '', nav: '' })).toEqual(empty);
  });

  it('shows each agency with its decision and fills the table in again', () => {
    const decisions = { school: 'approve', gp: 'decline', nav: 'approve' };
    expect(summary(agencies, decisions, 'nn')).toEqual(['Skule: answers.approve', 'Fastlege: answers.decline', 'NAV: answers.approve']);
    expect(resent(agencies, decisions)).toEqual(accepted(decisions));
  });
});

describe('signature', () => {
  const signature = question({ type: 'signature', confirmation: text('Jeg samtykker', 'Eg samtykkjer', 'I consent') });

  it('accepts a typed name with the confirmation ticked', () => {
    expect(validate(signature, { name: ' Kari Nordmann ', confirm: 'yes' })).toEqual(accepted({ name: 'Kari Nordmann', confirmed: true }));
  });

  it('asks for the confirmation when only a name is given', () => {
    expect(validate(signature, { name: 'Kari Nordmann', confirm: '' })).toEqual(rejected('signatureConfirm'));
  });

  it('asks for the name when only the confirmation is ticked', () => {
    expect(validate(signature, { name: '  ', confirm: 'yes' })).toEqual(rejected('signatureName'));
  });

  it('treats neither as no answer', () => {
    expect(validate(signature, { name: '', confirm: '' })).toEqual(empty);
  });

  it('rejects a name longer than 200 characters', () => {
    expect(validate(signature, { name: 'å'.repeat(201), confirm: 'yes' })).toEqual(rejected('tooLong', { max: 200, length: 201 }));
  });

  it('shows who signed and fills name and confirmation in again', () => {
    const signed = { name: 'Kari Nordmann', confirmed: true as const };
    expect(summary(signature, signed)).toEqual(['answers.signedBy {"name":"Kari Nordmann"}']);
    expect(resent(signature, signed)).toEqual(accepted(signed));
  });
});

describe('information block', () => {
  const info = question({ type: 'info', body: text('Les dette.') });

  it('has nothing to answer, whatever is sent', () => {
    expect(kindOf(info).fields(info)).toEqual([]);
    expect(validate(info, {})).toEqual(empty);
    expect(validate(info, { '': 'noe' })).toEqual(empty);
  });
});
