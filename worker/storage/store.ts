/** Storage behind one interface: the journey never sees SQL, and tests can swap in failures. */
import type { Answers } from '../forms/answer.ts';
import type { CompiledForm, FormDefinition } from '../forms/schema.ts';
import type { Language } from '../forms/text.ts';

export interface Municipality {
  id: string;
  name: string;
  writtenStandard: 'nb' | 'nn';
  draftTtlDays: number;
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
  /** The municipality, if it offers this form publicly. */
  publishedMunicipality(municipalityId: string, formId: string): Promise<Municipality | undefined>;
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
  /** Counts one hit in a rate-limit window and returns the count so far. */
  hit(key: string, windowStart: number): Promise<number>;
  /** Deletes expired drafts and old rate-limit windows. */
  purgeExpired(now: Date): Promise<void>;
}
