import type { FormDefinition } from '../../engine/schema.ts';
import { currentForm } from '../../platform/forms.ts';
import type { Database } from '../../platform/storage/database.ts';
import { FormVersions } from './repository.ts';

/** A form as it was at `version`: the current build if it matches, else the stored copy. */
export async function formAt(database: Database, formId: string, version: string): Promise<FormDefinition | undefined> {
  const current = currentForm(formId);
  if (current?.version === version) return current.definition;
  return new FormVersions(database).at(formId, version);
}
