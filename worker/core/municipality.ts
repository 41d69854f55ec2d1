/** A municipality as the directory records it: its settings and where its data lives. */
export interface Municipality {
  id: string;
  name: string;
  writtenStandard: 'nb' | 'nn';
  /** The smallest group a figure may describe in insight: 5 by default, never below 3. */
  suppressionThreshold: number;
  draftTtlDays: number;
  /** Months answers and their links are kept. */
  responseRetentionMonths: number;
  /** The D1 binding with this municipality's data. */
  database: string;
  /** Whether staff see only their own links and answers, or their unit's too. */
  linkVisibility: 'sender' | 'unit';
  /** Its own contact for children who need help ("the child welfare emergency service, 12 34 56 78"), if any. */
  helpContact: string | null;
  /** How to reach its data protection officer (an address, a phone), for the privacy page, if set. */
  dpoContact: string | null;
}

/** A municipality's privacy page: controller, legal bases, retention, rights and its data protection officer. */
export const privacyPath = (municipalityId: string) => `/privacy/${municipalityId}`;
