import type { RefusalCode } from '../../core/refusals.ts';
import type { LinkStatus } from '../../core/vocabulary.ts';
import type { FormLink } from './repository.ts';

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

export type LinkRefusal = Extract<RefusalCode, 'linkRevoked' | 'linkUsed' | 'linkExpired'>;

/**
 * Why the link cannot be used to answer now, or undefined when it can: the one rule for
 * opening a link, answering it together with staff, and every request of a draft it started.
 * A single-use link takes one answer: only the draft that gave it (its submission id) may still
 * reach its receipt.
 */
export function linkRefusal(link: FormLink, now: Date, submissionId?: string): LinkRefusal | undefined {
  if (link.revokedAt) return 'linkRevoked';
  if (link.singleUse && link.responseId && link.responseId !== submissionId) return 'linkUsed';
  if (link.expiresAt <= now) return 'linkExpired';
  return undefined;
}
