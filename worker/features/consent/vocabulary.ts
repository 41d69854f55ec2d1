/** The words of the consent log and the register, shared by the state, the tables and the pages. */

export const EVENT_KINDS = ['requested', 'signed', 'declined', 'limited', 'withdrawn', 'expired'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What one signer answers for one service. */
export const DECISIONS = ['approve', 'decline', 'not-relevant'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Who signs: a guardian with parental responsibility, or the child. */
export const SIGNER_ROLES = ['guardian', 'child'] as const;
export type SignerRole = (typeof SIGNER_ROLES)[number];

/**
 * Which services a signer's answer decides: every service (a guardian), only health services
 * (a child from 16), or none, the child's view being recorded only (from 12).
 */
export const SIGNER_SCOPES = ['all', 'health', 'view'] as const;
export type SignerScope = (typeof SIGNER_SCOPES)[number];

/** A service's state in the register. */
export const SERVICE_STATES = ['approved', 'pending', 'declined', 'not-relevant', 'withdrawn'] as const;
export type ServiceState = (typeof SERVICE_STATES)[number];

/** The answer to "may service X share now?", and why. */
export const ANSWERS = ['yes', 'partly', 'no'] as const;
export type ShareAnswer = (typeof ANSWERS)[number];
export const REASONS = [
  'approved',
  'limitedSubject',
  'pending',
  'declined',
  'notRelevant',
  'withdrawn',
  'expired',
  'outsidePeriod',
  'notInConsent',
  'noConsent',
] as const;
export type ShareReason = (typeof REASONS)[number];
