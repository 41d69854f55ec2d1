import { compiledForms } from '../generated/forms.ts';
import { FormVersions } from '../features/respond/index.ts';
import type { Database } from './storage/database.ts';
import type { CompiledForm, FormDefinition } from '../engine/schema.ts';

/** Every current form as staff pages offer it. */
export const formChoices = Object.values(compiledForms).map(({ definition }) => ({ id: definition.id, title: definition.title, linkable: !definition.anonymous }));

/** The current version of a form, as built from `forms/`. */
export const currentForm = (formId: string): CompiledForm | undefined =>
  Object.hasOwn(compiledForms, formId) ? compiledForms[formId] : undefined;

/** A form as it was at `version`: the current build if it matches, else the stored copy. */
export async function formAt(database: Database, formId: string, version: string): Promise<FormDefinition | undefined> {
  const current = currentForm(formId);
  if (current?.version === version) return current.definition;
  return new FormVersions(database).at(formId, version);
}
