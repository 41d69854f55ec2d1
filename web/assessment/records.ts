/** What the assessment and case pages read of the records they are given: plain data. */
export interface AssessmentView {
  id: string;
  caseReference: string;
  status: 'draft' | 'completed';
  version: number;
  linkId: string | null;
  responseId: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
  feedbackVersion: number | null;
  feedbackSentAt: Date | null;
}

export interface VersionView {
  number: number;
  status: 'draft' | 'completed';
  savedAt: Date;
  /** The saver's name, as the municipality knows them. */
  savedBy: string;
  changes: { field: string; change: 'added' | 'changed' | 'removed' }[];
}

export interface MeetingView {
  id: string;
  caseReference: string;
  responseId: string | null;
  assessmentId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * How a meeting record's versions name its references among the changed fields: not ids a form
 * may use (those start with a letter), so they never stand for a question.
 */
export const REFERENCE_FIELDS = { response: '@response', assessment: '@assessment' } as const;
