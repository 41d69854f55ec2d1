/**
 * Who a form may be sent to, from what the form declares (`audience`, `ages`): a form for
 * guardians (a consent, the guardian's view) only to a guardian, never to a child; a form for
 * children to the child (or, `other`, an adult who answers together with the child), and a
 * version for an age band only for a child of that age. The new-link page offers only these,
 * and `NewLinkInput` refuses anything else.
 */
import type { FormDefinition } from '../../engine/schema.ts';
import { RESPONDENTS, type Respondent } from '../../core/vocabulary.ts';

const forChildren = (form: FormDefinition) => form.audience === 'child' || form.audience === 'youth';

export function respondentsFor(form: FormDefinition): readonly Respondent[] {
  if (forChildren(form)) return ['child', 'other'];
  if (form.audience === 'guardian') return ['guardian'];
  return RESPONDENTS;
}

/** The ages of the child a form is for, when the sender must give the child's age to send it. */
export const agesFor = (form: FormDefinition) => (forChildren(form) ? form.ages : undefined);

/** The child's age as the sender gave it: whole years, or undefined when left empty. */
export const parseAge = (value: string | number | undefined) => {
  const text = String(value ?? '').trim();
  return /^\d{1,2}$/.test(text) ? Number(text) : text === '' ? undefined : NaN;
};

/** Whether a child of this age (as given) may get the form: within its ages, when it has any. */
export function ageFits(form: FormDefinition, age: number | undefined): boolean {
  const ages = agesFor(form);
  return !ages || (age !== undefined && age >= ages.min && age <= ages.max);
}
