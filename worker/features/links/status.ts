import type { LinkStatus } from '../../core/vocabulary.ts';
import type { FormLink } from '../../platform/storage/store.ts';


/** A link's status, from its timestamps: a revoked link stays revoked, an answered one answered. */
export function linkStatus(link: FormLink, now: Date): LinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.submittedAt) return 'submitted';
  if (link.expiresAt <= now) return 'expired';
  if (link.startedAt) return 'in-progress';
  if (link.openedAt) return 'opened';
  if (link.sentAt) return 'sent';
  return 'created';
}

/** Whether the link may still be opened to answer: not revoked, not expired, not a used single-use link. */
export const linkUsable = (link: FormLink, now: Date) => !link.revokedAt && link.expiresAt > now && !(link.singleUse && link.submittedAt);
