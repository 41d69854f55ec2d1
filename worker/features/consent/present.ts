/** The register as staff read it: the state, per service, and the whole history, with names masked. */
import { open } from '../../core/sealed.ts';
import type { Env } from '../../platform/env.ts';
import { keyringFor } from '../../platform/keys.ts';
import type { RegisterView } from '../../../web/consent/records.ts';
import type { ConsentRecord, ConsentSignatureRow } from './repository.ts';
import { termsOf } from './repository.ts';
import { consentState, mayShare } from './state.ts';

/** "Kari Nordmann" → "K*** N***": enough to tell two signers apart, not to read the name. */
export const maskName = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${[...part][0]}***`)
    .join(' ');

export const nameContext = (signatureId: string) => `consent.signer_name:${signatureId}`;

export async function registerView(env: Env, record: ConsentRecord, signatures: ConsentSignatureRow[], now: Date): Promise<RegisterView> {
  const terms = termsOf(record);
  const state = consentState(terms, record.events, now);
  const keyring = signatures.length ? await keyringFor(env) : undefined;
  const names = new Map(await Promise.all(signatures.map(async (signature) => [signature.signerId, { name: maskName(await open(keyring!, signature.sealedName, nameContext(signature.id))), at: signature.signedAt }] as const)));
  const { consent } = record;
  return {
    consent: { id: consent.id, caseReference: consent.caseReference, createdAt: consent.createdAt, expiresAt: consent.expiresAt, countersignedAt: consent.countersignedAt, childAge: consent.childAge, serviceListVersion: consent.serviceListVersion },
    status: state.status,
    signers: record.signers.map((signer) => ({ id: signer.id, role: signer.role, scope: signer.scope, ordinal: signer.ordinal, hasLink: !!signer.linkId, maskedName: names.get(signer.id)?.name, signedAt: names.get(signer.id)?.at })),
    services: consent.services.map((service) => {
      const status = state.services[service.id]!;
      const verdict = mayShare(terms, record.events, service.id, now);
      return { service, state: status.state, answer: verdict.answer, reason: verdict.reason, decisions: status.decisions };
    }),
    subjects: state.subjects,
    validFrom: state.validFrom,
    validUntil: state.validUntil,
    history: record.events.map((event) => ({
      kind: event.kind,
      at: event.at,
      signerId: event.signerId,
      service: event.service,
      // `system`: written by the nightly job (a lapse), neither a signer nor staff.
      byStaff: event.by !== 'system' && !event.by.startsWith('signer:'),
      note: event.note,
      subject: event.subject,
      periodUntil: event.periodUntil,
      notRelevant: event.notRelevant,
    })),
  };
}
