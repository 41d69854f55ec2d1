/** What the consent pages read: plain data the consent feature passes in. */
import type { Text } from '../../worker/core/language.ts';

export interface ServiceView {
  id: string;
  label: Text;
  explanation: Text;
  health: boolean;
}

export interface ConsentSummary {
  id: string;
  caseReference: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface SignerView {
  id: string;
  role: 'guardian' | 'child';
  scope: 'all' | 'health' | 'view';
  ordinal: number;
  hasLink: boolean;
  /** The typed name, masked. */
  maskedName?: string;
  signedAt?: Date;
}

export interface RegisterView {
  consent: ConsentSummary & { countersignedAt: Date | null; childAge: number; serviceListVersion: number };
  status: 'partial' | 'complete' | 'withdrawn' | 'expired';
  signers: SignerView[];
  services: { service: ServiceView; state: string; answer: 'yes' | 'partly' | 'no'; reason: string; decisions: Record<string, string> }[];
  subjects: string[];
  validFrom: Date | null;
  validUntil: Date;
  history: { kind: string; at: Date; signerId: string | null; service: string | null; byStaff: boolean; note: string | null; subject: string | null; periodUntil: Date | null; notRelevant: boolean }[];
}

export interface VerdictView {
  answer: 'yes' | 'partly' | 'no';
  reason: string;
  until?: Date;
  subjects?: string[];
}

/** The languages every service text is written in. */
export const SERVICE_LANGUAGES = ['nb', 'nn', 'en'] as const;
export type ServiceLanguage = (typeof SERVICE_LANGUAGES)[number];

/** What one row of the form holds, as typed (so a page with errors shows it again). */
export interface ServiceRow {
  id: string;
  label: Record<ServiceLanguage, string>;
  explanation: Record<ServiceLanguage, string>;
  health: boolean;
  notify: string;
  remove: boolean;
}

/** A problem with one field: its control's id and a key under `consent.services.errors`. */
export interface ServiceFieldError {
  field: string;
  key: 'label' | 'explanation' | 'notify' | 'empty' | 'tooMany' | 'duplicate';
  lang?: ServiceLanguage;
}

/** The service list's editing form names each field by its row: `label-nb.3`. */
export const fieldId = (name: string, row: number) => `${name}.${row}`;
