/**
 * Withdrawal, in whole or for one service: by the signer through their link or with the code
 * on their receipt, or registered by staff after an oral withdrawal. It counts for every check
 * at once (the state is computed from the log), and the services concerned get a notice.
 */
import type { Municipality } from '../../core/municipality.ts';
import { refuse } from '../../core/refusals.ts';
import { translator } from '../../core/i18n/translate.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { Audit } from '../audit/index.ts';
import { Consents, termsOf, type ConsentRecord } from './repository.ts';
import type { Service } from './services.ts';
import { consentState } from './state.ts';

export interface Withdrawal {
  signerId: string;
  /** A service id, or null for the whole consent. */
  service: string | null;
  /** `signer:<id>`, or the staff member's person id. */
  by: string;
  via: 'web' | 'api';
  note?: string;
}

/** Refuses a withdrawal that would change nothing: not signed, unknown service, or already withdrawn. */
export function withdrawable(record: ConsentRecord, signerId: string, service: string | null, now: Date) {
  const state = consentState(termsOf(record), record.events, now);
  if (!state.signed.includes(signerId)) refuse('consentNotSigned');
  const affected = Object.entries(state.services).filter(([id]) => !service || id === service);
  if (!affected.length) refuse('consentServicesChanged');
  if (affected.every(([, status]) => status.decisions[signerId] === 'withdrawn')) refuse('consentAlreadyWithdrawn');
}

/** The notice to each service concerned that has an address: what changed, for which case, never who. */
export function noticesTo(database: Database, municipality: Municipality, record: ConsentRecord, services: readonly Service[], kind: 'withdrawn', now: Date, origin: string): Statement[] {
  const t = translator(municipality.writtenStandard);
  return services.flatMap((service) =>
    service.notify
      ? [
          enqueueMessage(
            database.db,
            {
              municipalityId: municipality.id,
              channel: 'email',
              recipient: service.notify,
              subject: t(`consent.notice.${kind}Subject`),
              body: t(`consent.notice.${kind}Body`, { service: pickText(service.label, municipality.writtenStandard), case: record.consent.caseReference, link: `${origin}/staff/m/${municipality.id}/consents/${record.consent.id}` }),
              subjectRef: `consent:${record.consent.id}`,
            },
            now,
          ),
        ]
      : [],
  );
}

export async function withdraw(database: Database, municipality: Municipality, record: ConsentRecord, withdrawal: Withdrawal, origin: string, now: Date, alongside: Statement[] = []) {
  if (!record.signers.some((signer) => signer.id === withdrawal.signerId)) refuse('notFound');
  withdrawable(record, withdrawal.signerId, withdrawal.service, now);
  const affected = record.consent.services.filter((service) => !withdrawal.service || service.id === withdrawal.service);
  await database.commit([
    new Consents(database).append({ consentId: record.consent.id, municipalityId: municipality.id, kind: 'withdrawn', signerId: withdrawal.signerId, service: withdrawal.service, at: now, by: withdrawal.by, note: withdrawal.note }),
    new Audit(database).record({ municipalityId: municipality.id, at: now, personId: withdrawal.by, action: 'consent.withdraw', targetType: 'consent', targetId: record.consent.id, via: withdrawal.via }),
    ...noticesTo(database, municipality, record, affected, 'withdrawn', now, origin),
    ...alongside,
  ]);
}
