/**
 * What the staff pages read of the records they are given: plain data the features pass in,
 * so pages know nothing of storage.
 */
import type { Role } from '../../worker/core/vocabulary.ts';
import type { Language, Text } from '../../worker/core/language.ts';

export interface PersonView {
  id: string;
  name: string;
  email: string;
}

export interface MembershipView {
  municipalityId: string;
  municipalityName: string;
  role: Role;
}

export interface TokenView {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** A form staff can choose or filter by. */
export interface FormChoice {
  id: string;
  title: Text;
  /** Whether a personal link can be made for it (anonymous forms cannot). */
  linkable: boolean;
}

export interface LinkView {
  id: string;
  formId: string;
  language: string;
  respondent: string;
  caseReference: string;
  singleUse: boolean;
  createdAt: Date;
  expiresAt: Date;
  sentAt: Date | null;
  openedAt: Date | null;
  submittedAt: Date | null;
  responseId: string | null;
  revokedAt: Date | null;
}

/** The delivery of the latest e-mail or text message about a record. */
export interface MessageView {
  channel: 'email' | 'sms';
  status: 'pending' | 'sent' | 'failed';
  sentAt: Date | null;
}

export interface ResponseView {
  id: string;
  reference: string;
  language: Language;
  assisted: boolean;
  assistedRole: string | null;
  submittedPeriod: string;
  submittedAt: Date | null;
}
