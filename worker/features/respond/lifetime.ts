import type { Municipality } from '../../core/municipality.ts';
import { DAY_MS } from '../../core/vocabulary.ts';

/** How long a submitted draft keeps the receipt reference for a repeated submit. */
export const RECEIPT_KEPT_MS = DAY_MS;

/**
 * How long a device keeps hold of a personal link's draft without a save: a shared tablet
 * stops offering one child's answers to the next person soon after, and the link itself
 * opens the draft again.
 */
export const LINK_DEVICE_HOLD_MS = 60 * 60_000;

/** Until when this device's cookie opens the draft: the draft's expiry, or an hour from now for a personal link's. */
export const deviceHoldUntil = (expiresAt: Date, now: Date, fromLink: boolean) => (fromLink ? new Date(Math.min(expiresAt.getTime(), now.getTime() + LINK_DEVICE_HOLD_MS)) : expiresAt);

/**
 * Until when a draft is kept from now: the municipality's draft period, renewed by every save,
 * but never past the expiry of the personal link it came from.
 */
export function draftExpiry(municipality: Municipality, now: Date, linkExpiresAt?: Date): Date {
  const kept = now.getTime() + municipality.draftTtlDays * DAY_MS;
  return new Date(linkExpiresAt ? Math.min(kept, linkExpiresAt.getTime()) : kept);
}
