import * as v from 'valibot';
import { fieldName } from '../paths.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { base, fail, ok, Option, pickOneKind, type QuestionKind } from './kind.ts';

const options = v.pipe(v.array(Option), v.minLength(2, 'a choice needs at least two options'));

export const singleChoiceDefinition = v.strictObject({ ...base, type: v.literal('single-choice'), options });
export const multipleChoiceDefinition = v.strictObject({
  ...base,
  type: v.literal('multiple-choice'),
  options,
  maxSelected: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

type SingleChoice = v.InferOutput<typeof singleChoiceDefinition>;
type MultipleChoice = v.InferOutput<typeof multipleChoiceDefinition>;

const labelOf = (question: SingleChoice | MultipleChoice, value: string, lang: Parameters<typeof pickText>[1]) => {
  const option = question.options.find((candidate) => candidate.value === value);
  return option ? pickText(option.label, lang) : value;
};

export const singleChoiceKind = pickOneKind<SingleChoice>(
  (question) => question.options.map((option) => option.value),
  (question, value, lang) => (typeof value === 'string' ? [labelOf(question, value, lang)] : []),
);

export const multipleChoiceKind: QuestionKind<MultipleChoice> = {
  fields: () => [{ suffix: '', multiple: true }],
  decline: 'checkbox',
  requiredError: 'requiredChoices',
  validate(question, raw) {
    const sent = raw[''];
    const values = [...new Set((Array.isArray(sent) ? sent : sent ? [sent] : []).filter((value) => value !== ''))];
    if (values.length === 0) return ok(undefined);
    if (values.some((value) => !question.options.some((option) => option.value === value))) return fail('unknownOption');
    if (question.maxSelected !== undefined && values.length > question.maxSelected) {
      return fail('tooManyChoices', { max: question.maxSelected });
    }
    // Keep the form's order, whatever order the browser sent.
    return ok(question.options.map((option) => option.value).filter((value) => values.includes(value)));
  },
  toRaw: (_question, value) => ({ '': Array.isArray(value) ? value : [] }),
  cell: (question, value, lang) => (Array.isArray(value) ? value.map((item) => labelOf(question, item, lang)) : []),
  // One column per option, so a spreadsheet can count each choice.
  columns: (question, value, lang, t) =>
    question.options.map((option) => ({
      key: fieldName({ question: question.id, part: option.value }),
      heading: `${pickText(question.label, lang)}: ${pickText(option.label, lang)}`,
      text: Array.isArray(value) && value.includes(option.value) ? t('answers.yes') : '',
    })),
  countable: (_question, value) => (Array.isArray(value) ? value : []),
  answers: (question) => question.options.map((option) => option.value),
};
