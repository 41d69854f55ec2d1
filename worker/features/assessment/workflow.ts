/**
 * The life of a best-interests assessment: started for a case, saved as versions while a
 * draft, completed only with the feedback to the child, revised into a new version once
 * completed (never edited), and its feedback sent to the child. Each step is one batch with
 * its audit entry (and its message).
 */
import type { AuditAction } from '../../core/vocabulary.ts';
import type { Answers } from '../../engine/answer.ts';
import type { Keyring } from '../../core/sealed.ts';
import { refuse } from '../../core/refusals.ts';
import type { Municipality } from '../../core/municipality.ts';
import { compiledForms } from '../../generated/forms.ts';
import { translator } from '../../core/i18n/translate.ts';
import { isLanguage } from '../../core/language.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { Audit } from '../audit/index.ts';
import { changesBetween } from './changes.ts';
import { Assessments, type Assessment } from './repository.ts';
import { openAnswers, sealAnswers, versionContext } from './sealed-document.ts';
import { codePath, genuinePath } from '../links/index.ts';

export const ASSESSMENT_FORM = 'barnets-beste';
/** The question whose answer the child is given; an assessment is not completed without it. */
export const FEEDBACK_QUESTION = 'feedback-to-child';

export const assessmentForm = () => compiledForms[ASSESSMENT_FORM]!.definition;

export interface Author {
  id: string;
  unitId: string | null;
}

const audit = (database: Database, assessment: Pick<Assessment, 'id' | 'municipalityId'>, who: string, action: AuditAction, at: Date): Statement =>
  new Audit(database).record({ municipalityId: assessment.municipalityId, at, personId: who, action, targetType: 'assessment', targetId: assessment.id, via: 'web' });

export async function startAssessment(database: Database, keyring: Keyring, municipality: Municipality, author: Author, caseReference: string, from: { responseId: string; linkId: string } | undefined, now: Date): Promise<Assessment> {
  const assessment: Assessment = {
    id: crypto.randomUUID(),
    municipalityId: municipality.id,
    caseReference,
    createdBy: author.id,
    unitId: author.unitId,
    responseId: from?.responseId ?? null,
    linkId: from?.linkId ?? null,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    completedAt: null,
    feedbackVersion: null,
    feedbackSentAt: null,
  };
  const document = await sealAnswers(keyring, {}, versionContext(assessment.id, 1));
  await database.commit([
    ...new Assessments(database).create(assessment, { number: 1, status: 'draft', document, changes: [], savedBy: author.id, savedAt: now }),
    audit(database, assessment, author.id, 'assessment.create', now),
  ]);
  return assessment;
}

/** The current version's answers. */
export async function currentAnswers(database: Database, keyring: Keyring, assessment: Assessment): Promise<Answers> {
  const version = await new Assessments(database).version(assessment.id, assessment.version);
  if (!version) refuse('notFound');
  return openAnswers(keyring, version.document, versionContext(assessment.id, version.number));
}

/** Stores the next version; a save that lost a race with another one is refused, not merged. */
async function nextVersion(database: Database, keyring: Keyring, assessment: Assessment, answers: Answers, status: 'draft' | 'completed', changes: ReturnType<typeof changesBetween>, who: string, action: AuditAction, now: Date) {
  const number = assessment.version + 1;
  const document = await sealAnswers(keyring, answers, versionContext(assessment.id, number));
  try {
    await database.commit([...new Assessments(database).next(assessment, { number, status, document, changes, savedBy: who, savedAt: now }), audit(database, assessment, who, action, now)]);
  } catch {
    refuse('documentChanged');
  }
}

/** A draft's new answers as a version, when anything changed; a completed assessment is refused. */
export async function saveAssessment(database: Database, keyring: Keyring, assessment: Assessment, before: Answers, after: Answers, who: string, now: Date) {
  if (assessment.status !== 'draft') refuse('assessmentCompleted');
  const changes = changesBetween(before, after);
  if (changes.length) await nextVersion(database, keyring, assessment, after, 'draft', changes, who, 'assessment.save', now);
}

export const hasFeedback = (answers: Answers) => typeof answers[FEEDBACK_QUESTION] === 'string' && (answers[FEEDBACK_QUESTION] as string).trim() !== '';

/** Completes a draft as a version of its own; false (nothing stored) without the feedback to the child. */
export async function completeAssessment(database: Database, keyring: Keyring, assessment: Assessment, answers: Answers, who: string, now: Date): Promise<boolean> {
  if (assessment.status !== 'draft') refuse('assessmentCompleted');
  if (!hasFeedback(answers)) return false;
  await nextVersion(database, keyring, assessment, answers, 'completed', [], who, 'assessment.complete', now);
  return true;
}

/** A completed assessment is changed only by revising it: a new draft version, the completed one kept. */
export async function reviseAssessment(database: Database, keyring: Keyring, assessment: Assessment, answers: Answers, who: string, now: Date) {
  if (assessment.status !== 'completed') refuse('assessmentNotCompleted');
  await nextVersion(database, keyring, assessment, answers, 'draft', [], who, 'assessment.revise', now);
}

/** Where word that an answer is ready goes: an e-mail address and a Norwegian mobile number (E.164), each optional. */
export interface FeedbackNotice {
  email: string;
  phone: string | undefined;
}

/**
 * "Tell the child": the completed version's feedback is shown through the child's link from
 * now on. An e-mail address or a mobile number, if given, gets a message that says only that an
 * answer is ready and where the child's link opens: no name, no case reference, nothing of the
 * answer. Both go through the outbox, which forgets the address and the number once delivered.
 */
export async function sendFeedback(database: Database, municipality: Municipality, assessment: Assessment, language: string, notice: FeedbackNotice, who: string, origin: string, now: Date) {
  if (assessment.status !== 'completed') refuse('assessmentNotCompleted');
  if (!assessment.linkId) refuse('assessmentNoLink');
  const t = translator(isLanguage(language) ? language : municipality.writtenStandard);
  const texts = { municipality: municipality.name, genuine: `${origin}${genuinePath(municipality.id)}` };
  const subjectRef = `assessment:${assessment.id}`;
  const messages: Statement[] = [];
  if (notice.email) {
    messages.push(enqueueMessage(database.db, { municipalityId: municipality.id, channel: 'email', recipient: notice.email, subject: t('assessment.feedback.mailSubject'), body: t('assessment.feedback.mailBody', texts), subjectRef }, now));
  }
  if (notice.phone) {
    // The token is kept only as a hash, so the text points to where the child's code is typed.
    const body = t('assessment.feedback.sms', { ...texts, address: `${origin}${codePath('/l', municipality.id)}` });
    messages.push(enqueueMessage(database.db, { municipalityId: municipality.id, channel: 'sms', recipient: notice.phone, body, subjectRef }, now));
  }
  await database.commit([new Assessments(database).sendFeedback(assessment, now), audit(database, assessment, who, 'assessment.feedback', now), ...messages]);
  return messages.length > 0;
}
