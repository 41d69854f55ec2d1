import * as v from 'valibot';
import { Question } from './questions/index.ts';
import { ShowIf } from './questions/kind.ts';
import { Id, LANGUAGES, Text } from '../core/language.ts';

export const AUDIENCES = ['child', 'youth', 'guardian', 'staff', 'other'] as const;

const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(50));

/**
 * A page answered once per item (a child, a sibling, an agency contact): the respondent adds,
 * changes and removes rows, between `min` and `max` of them. `itemName` names one row.
 */
export const Repeat = v.pipe(
  v.strictObject({ min: v.optional(count, 0), max: v.pipe(count, v.minValue(1)), itemName: Text }),
  v.check((repeat) => repeat.min <= repeat.max, 'repeat.min must not be above repeat.max'),
);
export type Repeat = v.InferOutput<typeof Repeat>;

export const Page = v.strictObject({
  id: Id,
  title: Text,
  intro: v.optional(Text),
  showIf: v.optional(ShowIf),
  repeat: v.optional(Repeat),
  questions: v.pipe(v.array(Question), v.minLength(1, 'a page needs at least one question')),
});
export type Page = v.InferOutput<typeof Page>;

export const FormDefinition = v.strictObject({
  id: Id,
  title: Text,
  /** Shown on the start page: what the form is for and what happens to the answers. */
  description: Text,
  audience: v.picklist(AUDIENCES),
  ages: v.optional(
    v.pipe(
      v.strictObject({ min: v.pipe(v.number(), v.integer(), v.minValue(0)), max: v.pipe(v.number(), v.integer(), v.maxValue(120)) }),
      v.check((ages) => ages.min <= ages.max, 'ages.min must not be above ages.max'),
    ),
  ),
  /** Anonymous forms store no exact time and keep no link from the browser to the response. */
  anonymous: v.optional(v.boolean(), false),
  /** Offer "I don't want to answer" on every question (questions may opt out). */
  allowDecline: v.optional(v.boolean(), false),
  languages: v.pipe(v.array(v.picklist(LANGUAGES)), v.minLength(1)),
  estimatedMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Shown on the confirmation page: what happens to answers that came through a personal link. */
  nextSteps: Text,
  /**
   * Nobody reads this form's answers unless they came through a personal link: at a public
   * address it is a demo, and its start page and receipt say so instead of `nextSteps`.
   */
  publicDemo: v.optional(v.boolean(), false),
  /** Made from a form family (forms/<family>/family.json): the family's id. */
  family: v.optional(Id),
  /**
   * Answered only through a feature of its own, never through an ordinary personal link: the
   * consent is signed through the links its register makes, whose answers are a consent.
   */
  ownJourney: v.optional(v.boolean(), false),
  pages: v.pipe(v.array(Page), v.minLength(1, 'a form needs at least one page')),
});
export type FormDefinition = v.InferOutput<typeof FormDefinition>;

/** A checked form with the version derived from its content. */
export interface CompiledForm {
  version: string;
  definition: FormDefinition;
}
