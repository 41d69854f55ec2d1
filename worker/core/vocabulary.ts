/** The product's fixed vocabularies and constants, in one place for storage, rules and pages. */

export const DAY_MS = 86_400_000;

/** Roles a person can hold in a municipality. */
export const ROLES = ['staff', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Kinds of municipal unit (school, kindergarten, …). */
export const UNIT_KINDS = ['school', 'kindergarten', 'health-station', 'child-welfare', 'ppt', 'nav', 'culture', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Who a personal form link is for. */
export const RESPONDENTS = ['child', 'guardian', 'other'] as const;
export type Respondent = (typeof RESPONDENTS)[number];

/** How long a personal link may work, in days. */
export const EXPIRY_DAYS = [7, 14, 30, 60] as const;

/** Roles of the adult who helps a child answer; the response records the role, never the name. */
export const HELPER_ROLES = ['teacher', 'kindergarten', 'health-nurse', 'ppt', 'child-welfare', 'nav', 'coordinator', 'other'] as const;
export type HelperRole = (typeof HELPER_ROLES)[number];
export const isHelperRole = (value: string): value is HelperRole => (HELPER_ROLES as readonly string[]).includes(value);

/** A personal link's status, as staff see it. */
export const LINK_STATUSES = ['created', 'sent', 'opened', 'in-progress', 'submitted', 'expired', 'revoked'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/**
 * Themes of the user-insight surveys: section 8.4 of the local plan asks children, youth and
 * guardians about the first four, and staff about the next four. `background` marks the
 * questions results are broken down by (grade, gender); `local` the round's own questions.
 * Their texts are `insight.themes.<theme>` in the locale files.
 */
export const THEMES = [
  'school-quality',
  'upbringing',
  'friendship',
  'help',
  'collaboration',
  'service-quality',
  'work-conditions',
  'professional-development',
  'background',
  'local',
] as const;
export type Theme = (typeof THEMES)[number];

/** Protective factors a survey question may speak to (texts: `insight.factors.<factor>`). */
export const PROTECTIVE_FACTORS = ['one-friend', 'leisure-interest', 'positive-self-image', 'trusted-adult', 'feeling-safe', 'social-belonging', 'good-parenting'] as const;
export type ProtectiveFactor = (typeof PROTECTIVE_FACTORS)[number];

/** Who a user-insight round asks, each answering the survey form of its audience. */
export const INSIGHT_GROUPS = ['children', 'youth', 'guardians', 'staff'] as const;
export type InsightGroup = (typeof INSIGHT_GROUPS)[number];
export const GROUP_AUDIENCE = { children: 'child', youth: 'youth', guardians: 'guardian', staff: 'staff' } as const satisfies Record<InsightGroup, string>;

/**
 * Every action the audit log records. Each has a sentence in every staff language
 * (`admin.audit.sentences.<action>`); the CSV export keeps the code itself.
 */
export const AUDIT_ACTIONS = [
  'link.create',
  'link.revoke',
  'link.assist',
  'response.view',
  'response.download',
  'response.review',
  'consent.start',
  'consent.link',
  'consent.sign',
  'consent.countersign',
  'consent.withdraw',
  'consent.check',
  'consent.view',
  'consent.services',
  'assessment.create',
  'assessment.save',
  'assessment.complete',
  'assessment.revise',
  'assessment.feedback',
  'assessment.view',
  'assessment.download',
  'meeting.create',
  'meeting.save',
  'meeting.view',
  'round.create',
  'round.invited',
  'round.close',
  'round.results',
  'round.download',
  'round.document',
  'quote.approve',
  'quote.reject',
  'membership.set',
  'membership.remove',
  'answers.grant',
  'answers.revoke',
  'unit.add',
  'unit.change',
  'settings.change',
  'caseSettings.change',
  'token.issue',
  'token.revoke',
  'audit.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
