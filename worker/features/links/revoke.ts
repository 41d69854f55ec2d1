import { HTTPException } from 'hono/http-exception';
import type { FormLink, Municipality, Store } from '../../platform/storage/store.ts';

/**
 * Withdraws a link so nobody can answer with it any more (drafts already started included).
 * An answered link stays answered: its status would otherwise hide that an answer exists.
 */
export async function revokeLink(store: Store, municipality: Municipality, link: FormLink, actor: string, via: 'web' | 'api', now: Date) {
  if (link.submittedAt) throw new HTTPException(409, { message: 'linkAnswered' });
  await store.markLink(link.id, 'revokedAt', now);
  await store.audit({ municipalityId: municipality.id, at: now, personId: actor, action: 'link.revoke', targetType: 'link', targetId: link.id, via });
}
