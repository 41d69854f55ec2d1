import { refuse } from '../../core/refusals.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { FormDefinition } from '../../engine/schema.ts';
import type { Database } from '../../platform/storage/database.ts';
import type { Keyring } from '../../core/sealed.ts';
import { Audit } from '../audit/index.ts';
import { Links, type FormLink } from '../links/index.ts';
import { formAt } from './form-at.ts';
import { Responses, type StoredResponse } from './repository.ts';

export interface Reader {
  /** A person's id, or `token:<id>` for a case-management system. */
  actor: string;
  via: 'web' | 'api';
  action: 'response.view' | 'response.download';
  /** Whether this reader may see answers that came through the link (the visibility rule). */
  maySee: (link: FormLink) => boolean;
}

/**
 * The one way an identifiable answer is read, for the staff pages and the API alike: only
 * through a link of this municipality that the reader may see (404 otherwise, so another
 * unit's answer is not even confirmed to exist), at the form version it was given on, and
 * audited before it is shown.
 */
export async function readResponse(database: Database, keyring: Keyring, municipality: Municipality, responseId: string, reader: Reader, now: Date): Promise<{ response: StoredResponse; link: FormLink; form: FormDefinition }> {
  const response = await new Responses(database, keyring).byId(responseId);
  const link = response?.linkId ? await new Links(database).byId(response.linkId) : undefined;
  if (!response || !link || response.municipalityId !== municipality.id || link.municipalityId !== municipality.id || !reader.maySee(link)) refuse('notFound');
  const form = await formAt(database, response.formId, response.formVersion);
  if (!form) refuse('formVersionGone');
  await database.commit([new Audit(database).record({ municipalityId: municipality.id, at: now, personId: reader.actor, action: reader.action, targetType: 'response', targetId: response.id, via: reader.via })]);
  return { response, link, form };
}
