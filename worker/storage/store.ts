/**
 * One municipality's data behind one interface: the journey never sees SQL, tests can swap in
 * failures, and each municipality's store may sit on a database of its own.
 */
import type { Answers } from '../forms/answer.ts';
import type { CompiledForm, FormDefinition } from '../forms/schema.ts';
import type { Language } from '../forms/text.ts';

export interface Municipality {
  id: string;
  name: string;
  writtenStandard: 'nb' | 'nn';
  draftTtlDays: number;
  /** The D1 binding with this municipality's data. */
  database: string;
}

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
}

export type NewDraft = Omit<Draft, 'status' | 'reference'> & { createdAt: Date; keyHash: string };

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
}

export interface StoredResponse extends Omit<NewResponse, 'values'> {
  assisted: boolean;
  assistedRole: string | null;
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
}
