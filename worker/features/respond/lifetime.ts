import type { Municipality } from '../../core/municipality.ts';
import { DAY_MS } from '../../core/vocabulary.ts';

/** How long a submitted draft keeps the receipt reference for a repeated submit. */
export const RECEIPT_KEPT_MS = DAY_MS;

/**
 * Until when a draft is kept from now: the municipality's draft period, renewed by every save,
 * but never past the expiry of the personal link it came from.
 */
export function draftExpiry(municipality: Municipality, now: Date, linkExpiresAt?: Date): Date {
  const kept = now.getTime() + municipality.draftTtlDays * DAY_MS;
  return new Date(linkExpiresAt ? Math.min(kept, linkExpiresAt.getTime()) : kept);
}
