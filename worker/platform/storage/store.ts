/**
 * One municipality's data behind one interface: the journey never sees SQL, tests can swap in
 * failures, and each municipality's store may sit on a database of its own.
 */
import type { Answers } from '../../engine/answer.ts';
import type { CompiledForm, FormDefinition } from '../../engine/schema.ts';
import type { Language } from '../../core/language.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { auditLog, formLinks } from './tables.ts';

export type { Municipality };

export interface Draft {
  id: string;
  municipalityId: string;
  formId: string;
  formVersion: string;
  language: Language;
  answers: Answers;
  submissionId: string;
  status: 'open' | 'submitted';
  reference: string | null;
  expiresAt: Date;
  /** The personal form link this draft came from, if any. */
  linkId: string | null;
  /** The helper's role, when a staff member answers together with the child. */
  assistedRole: string | null;
}

export type NewDraft = Omit<Draft, 'status' | 'reference' | 'linkId' | 'assistedRole'> & { createdAt: Date; keyHash: string; linkId?: string; assistedRole?: string | null };

export interface NewResponse {
  id: string;
  reference: string;
  municipalityId: string;
  formId: string;
  formVersion: string;
  language: Language;
  answers: Answers;
  /** Countable values per question, for aggregation. */
  values: { questionId: string; value: string }[];
  submittedPeriod: string;
  submittedAt: Date | null;
  linkId: string | null;
  assisted: boolean;
  assistedRole: string | null;
}

export type StoredResponse = Omit<NewResponse, 'values'>;

export type FormLink = typeof formLinks.$inferSelect;
export type NewFormLink = typeof formLinks.$inferInsert;
export type AuditEntry = typeof auditLog.$inferInsert;

export interface LinkFilter {
  /** Undefined: every link of the municipality (admins). */
  visibleTo?: { personId: string; unitIds: string[] };
  formId?: string;
  caseReference?: string;
}

export interface Store {
  /** Records a form version the first time it is used (a no-op afterwards). */
  recordFormVersion(form: CompiledForm, at: Date): Promise<void>;
  formVersion(formId: string, version: string): Promise<FormDefinition | undefined>;
  createDraft(draft: NewDraft): Promise<void>;
  /** The draft a device key opens. */
  draftByKey(keyHash: string): Promise<Draft | undefined>;
  draftByResumeCode(codeHash: string): Promise<Draft | undefined>;
  /** Lets one more device open the draft (after it gave the resume code). */
  addDraftKey(draftId: string, keyHash: string, now: Date): Promise<void>;
  /**
   * Sets and removes only the named answers, so two devices saving different pages of one
   * draft never overwrite each other. False if the draft is no longer open.
   */
  saveAnswers(id: string, set: Answers, remove: string[], language: Language, now: Date, expiresAt: Date): Promise<boolean>;
  setResumeCode(id: string, codeHash: string): Promise<boolean>;
  /**
   * Stores the response and closes the draft in one transaction. Repeating it changes
   * nothing: the response id is fixed when the draft starts.
   */
  submit(draftId: string, response: NewResponse, keepReceiptUntil: Date): Promise<void>;
  response(id: string): Promise<StoredResponse | undefined>;
  /** Deletes expired drafts (with their device keys). */
  purgeExpired(now: Date): Promise<void>;
  /**
   * Deletes a municipality's answers from before `period` (YYYY-MM), with their countable values,
   * and its expired links made before `before`. The audit log is kept: it is the record of access.
   */
  purgeOldResponses(municipalityId: string, period: string, before: Date, now: Date): Promise<void>;

  createLink(link: NewFormLink): Promise<void>;
  link(id: string): Promise<FormLink | undefined>;
  linkByToken(tokenHash: string): Promise<FormLink | undefined>;
  /** Newest first, at most `limit`. */
  links(municipalityId: string, filter: LinkFilter, limit: number): Promise<FormLink[]>;
  /** Records a step in the link's life (opened, started, sent, revoked), once: later calls keep the first time. */
  markLink(id: string, step: 'openedAt' | 'startedAt' | 'sentAt' | 'revokedAt', at: Date): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  auditEntries(municipalityId: string, limit: number): Promise<(typeof auditLog.$inferSelect)[]>;
}
