/** A case's responses and assessments as the API gives them: state and times, and one assessment's document. */
import type { Assessment, AssessmentVersion } from '../assessment/index.ts';
import type { ResponseSummary } from '../respond/index.ts';
import type { DocumentSection } from '../../engine/output.ts';
import { localized, type Ui } from '../../../web/ui.ts';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export const caseResponseJson = (response: ResponseSummary, reviewedAt: Date | undefined) => ({
  id: response.id,
  reference: response.reference,
  linkId: response.linkId,
  formId: response.formId,
  language: response.language,
  submittedAt: iso(response.submittedAt),
  assisted: response.assisted,
  flagged: response.flagged,
  reviewedAt: iso(reviewedAt ?? null),
});

export const assessmentJson = (assessment: Assessment) => ({
  id: assessment.id,
  caseReference: assessment.caseReference,
  status: assessment.status,
  version: assessment.version,
  responseId: assessment.responseId,
  createdAt: iso(assessment.createdAt),
  updatedAt: iso(assessment.updatedAt),
  completedAt: iso(assessment.completedAt),
  feedbackVersion: assessment.feedbackVersion,
  feedbackSentAt: iso(assessment.feedbackSentAt),
});

/** One assessment with its current document, labelled in the reader's language, and every version's summary. */
export const assessmentDocumentJson = (assessment: Assessment, sections: DocumentSection[], versions: AssessmentVersion[], ui: Ui) => ({
  ...assessmentJson(assessment),
  document: sections.flatMap(({ page, rows }) =>
    rows.flatMap(({ answers }) => answers.map(({ question, state, cell }) => ({ questionId: question.id, step: page.id, label: localized(ui, question.label).text, state, answer: cell }))),
  ),
  versions: versions.map((version) => ({ number: version.number, status: version.status, savedBy: version.savedBy, savedAt: iso(version.savedAt), changes: version.changes })),
});
