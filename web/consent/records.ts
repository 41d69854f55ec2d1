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
