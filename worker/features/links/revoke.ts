import { refuse } from '../../core/refusals.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import { Audit } from '../audit/index.ts';
import { Links, type FormLink } from './repository.ts';

/**
 * Withdraws a link so nobody can answer with it any more (drafts already started included),
 * with its audit entry in the same batch. An answered link stays answered: its status would
 * otherwise hide that an answer exists.
 */
export async function revokeLink(database: Database, municipality: Municipality, link: FormLink, actor: string, via: 'web' | 'api', now: Date) {
  if (link.submittedAt) refuse('linkAnswered');
  await database.commit([
    new Links(database).mark(link.id, 'revokedAt', now),
    new Audit(database).record({ municipalityId: municipality.id, at: now, personId: actor, action: 'link.revoke', targetType: 'link', targetId: link.id, via }),
  ]);
}
