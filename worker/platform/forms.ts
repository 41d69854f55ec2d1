import { compiledForms } from '../generated/forms.ts';
import type { CompiledForm } from '../engine/schema.ts';

/** Every current form as staff pages offer it. */
export const formChoices = Object.values(compiledForms).map(({ definition }) => ({ id: definition.id, title: definition.title, linkable: !definition.anonymous }));

/** The current version of a form, as built from `forms/`. */
export const currentForm = (formId: string): CompiledForm | undefined =>
  Object.hasOwn(compiledForms, formId) ? compiledForms[formId] : undefined;
