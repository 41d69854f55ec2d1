import * as v from 'valibot';
import { agencyTableDefinition, agencyTableKind } from './agency-table.ts';
import { multipleChoiceDefinition, multipleChoiceKind, singleChoiceDefinition, singleChoiceKind } from './choice.ts';
import { dateDefinition, dateKind } from './date.ts';
import { infoDefinition, infoKind } from './info.ts';
import type { QuestionKind } from './kind.ts';
import { nationalIdDefinition, nationalIdKind } from './national-id.ts';
import { numberDefinition, numberKind } from './number.ts';
import { signatureDefinition, signatureKind } from './signature.ts';
import { smileyScaleDefinition, smileyScaleKind } from './smiley-scale.ts';
import { longTextDefinition, shortTextDefinition, textKind } from './text.ts';
import { yesNoDefinition, yesNoKind } from './yes-no.ts';

export const Question = v.variant('type', [
  shortTextDefinition,
  longTextDefinition,
  singleChoiceDefinition,
  multipleChoiceDefinition,
  smileyScaleDefinition,
  yesNoDefinition,
  dateDefinition,
  numberDefinition,
  nationalIdDefinition,
  agencyTableDefinition,
  signatureDefinition,
  infoDefinition,
]);
export type Question = v.InferOutput<typeof Question>;
export type QuestionType = Question['type'];

const KINDS: { [T in QuestionType]: QuestionKind<Extract<Question, { type: T }>> } = {
  'short-text': textKind,
  'long-text': textKind,
  'single-choice': singleChoiceKind,
  'multiple-choice': multipleChoiceKind,
  'smiley-scale': smileyScaleKind,
  'yes-no': yesNoKind,
  date: dateKind,
  number: numberKind,
  'national-id': nationalIdKind,
  'agency-table': agencyTableKind,
  signature: signatureKind,
  info: infoKind,
};

/** The behaviour of a question's type. */
export const kindOf = <Q extends Question>(question: Q) => KINDS[question.type] as unknown as QuestionKind<Q>;

/** Whether the saved answer is kept out of the page (and shown masked) when it is shown again. */
export const isMasked = (question: Question) => 'masked' in KINDS[question.type];
