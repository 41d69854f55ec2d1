import { compiledForms } from '../generated/forms.ts';
import type { CompiledForm } from '../engine/schema.ts';

/** Every current form sent to a child or guardian, as staff pages offer it (staff's own forms, such as the assessment, are not sent). */
export const formChoices = Object.values(compiledForms).filter(({ definition }) => definition.audience !== 'staff').map(({ definition }) => ({ id: definition.id, title: definition.title, linkable: !definition.anonymous }));

/** The current version of a form, as built from `forms/`. */
export const currentForm = (formId: string): CompiledForm | undefined =>
  Object.hasOwn(compiledForms, formId) ? compiledForms[formId] : undefined;
