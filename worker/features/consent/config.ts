/** The age rule and the consent's default lifetime; a municipality may later set its own. */
export const CONSENT_RULES = {
  /** From this age the child's own view is recorded beside the guardians'. */
  childViewFromAge: 12,
  /** From this age a health service needs the child's own consent. */
  childConsentForHealthFromAge: 16,
  /** A consent lapses this many days after it was started, unless a signer set an earlier end. */
  lifetimeDays: 365,
  /** Staff are reminded this many days before a consent lapses. */
  remindDaysBefore: 30,
} as const;
