import { compiledForms } from '../generated/forms.ts';
import type { CompiledForm, FormDefinition } from '../engine/schema.ts';

/**
 * Whether a personal link may point to the form: not an anonymous one (a link ties the answer
 * to a case reference and a sender), not staff's own, not one answered through a feature of its own.
 */
export const isLinkable = (definition: FormDefinition) => !definition.anonymous && !definition.ownJourney && definition.audience !== 'staff';

/** Every current form sent to a child or guardian, as staff pages offer it (staff's own forms, such as the assessment, are not sent). */
export const formChoices = Object.values(compiledForms).filter(({ definition }) => definition.audience !== 'staff').map(({ definition }) => ({ id: definition.id, title: definition.title, linkable: isLinkable(definition) }));

/** The current version of a form, as built from `forms/`. */
export const currentForm = (formId: string): CompiledForm | undefined =>
  Object.hasOwn(compiledForms, formId) ? compiledForms[formId] : undefined;
