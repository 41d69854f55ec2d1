/**
 * What staff do to a consent: start it, make each signer's personal link, register an oral
 * withdrawal, countersign. Each change, its log event and its audit entry go in one batch.
 */
import * as v from 'valibot';
import type { Municipality } from '../../core/municipality.ts';
import { refuse } from '../../core/refusals.ts';
import { DAY_MS } from '../../core/vocabulary.ts';
import type { Language } from '../../core/language.ts';
import type { Database } from '../../platform/storage/database.ts';
import { Audit } from '../audit/index.ts';
import { NewLinkInput, prepareLink, type LinkMaker } from '../links/index.ts';
import { CONSENT_RULES } from './config.ts';
import { CONSENT_FORM_IDS } from './form.ts';
import { Consents, termsOf, type ConsentRecord } from './repository.ts';
import { consentState } from './state.ts';
import { withdraw } from './withdraw.ts';
import type { Service } from './services.ts';
import type { ConsentRow, ConsentSignerRow } from './tables.ts';

/** A new consent as staff describe it; each problem's message is a key under `consent.errors`. */
export const NewConsentInput = v.object({
  caseReference: NewLinkInput.entries.caseReference,
  services: v.pipe(v.array(v.string(), 'services'), v.minLength(1, 'services')),
  guardians: v.pipe(v.string('guardians'), v.picklist(['1', '2'], 'guardians'), v.transform(Number)),
  childAge: v.pipe(v.string('childAge'), v.trim(), v.regex(/^\d{1,2}$/, 'childAge'), v.transform(Number), v.maxValue(17, 'childAge')),
  /** The list version the page showed: a list edited meanwhile must be seen before it is used. */
  listVersion: v.pipe(v.string('listVersion'), v.regex(/^\d+$/, 'listVersion'), v.transform(Number)),
});
export type NewConsentInput = v.InferOutput<typeof NewConsentInput>;

/** The signers the age rule asks for: every guardian, and the child from 12 (heard) or 16 (signs for health services). */
export function signersFor(consentId: string, guardians: number, childAge: number): ConsentSignerRow[] {
  const guardianRows = Array.from({ length: guardians }, (_, index) => ({ id: crypto.randomUUID(), consentId, role: 'guardian' as const, scope: 'all' as const, ordinal: index + 1, linkId: null }));
  if (childAge < CONSENT_RULES.childViewFromAge) return guardianRows;
  const scope = childAge >= CONSENT_RULES.childConsentForHealthFromAge ? ('health' as const) : ('view' as const);
  return [...guardianRows, { id: crypto.randomUUID(), consentId, role: 'child', scope, ordinal: 1, linkId: null }];
}

export async function startConsent(database: Database, municipality: Municipality, actor: LinkMaker, input: NewConsentInput, list: { version: number; services: Service[] }, now: Date) {
  // A page shown before the admin changed the list, or a service that is not on it, is not guessed at.
  if (input.listVersion !== list.version) refuse('consentServicesChanged');
  const chosen = list.services.filter((service) => input.services.includes(service.id));
  if (chosen.length !== new Set(input.services).size) refuse('consentServicesChanged');
  const consent: ConsentRow = {
    id: crypto.randomUUID(),
    municipalityId: municipality.id,
    caseReference: input.caseReference,
    serviceListVersion: list.version,
    services: chosen,
    childAge: input.childAge,
    createdBy: actor.id,
    unitId: actor.unitId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + CONSENT_RULES.lifetimeDays * DAY_MS),
    countersignedBy: null,
    countersignedAt: null,
  };
  const signers = signersFor(consent.id, input.guardians, input.childAge);
  await database.commit([
    ...new Consents(database).create(consent, signers),
    new Audit(database).record({ municipalityId: municipality.id, at: now, personId: actor.id, action: 'consent.start', targetType: 'consent', targetId: consent.id, via: actor.via }),
  ]);
  return consent;
}

const signerOf = (record: ConsentRecord, signerId: string) => record.signers.find((signer) => signer.id === signerId) ?? refuse('notFound');

/**
 * A personal link for one signer, opened at `/c/`: the link is that signer's alone, so whoever
 * holds it can sign only as them. A new link replaces the signer's old one.
 */
export async function makeSignerLink(database: Database, municipality: Municipality, maker: LinkMaker, record: ConsentRecord, signerId: string, language: Language, origin: string, now: Date) {
  const signer = signerOf(record, signerId);
  const state = consentState(termsOf(record), record.events, now);
  if (state.signed.includes(signer.id)) refuse('consentAlreadySigned');
  if (state.status === 'expired') refuse('consentExpired');
  // Not parsed as staff input: the consent form is never a form staff may pick for a link.
  const input: NewLinkInput = {
    form: CONSENT_FORM_IDS[signer.role],
    language,
    respondent: signer.role,
    caseReference: record.consent.caseReference,
    expiresInDays: 30,
    singleUse: false,
    email: '',
    phone: '',
    // The letter names the staff member's role; the register does not ask for it.
    senderRole: 'other',
    // The register asks the child's age itself; a signer's link is not checked against a form's age band.
    childAge: undefined,
  };
  const made = await prepareLink(database, municipality, maker, input, origin, now, '/c');
  const consents = new Consents(database);
  await database.commit([
    ...made.statements,
    consents.attachLink(signer.id, made.link.id),
    consents.append({ consentId: record.consent.id, municipalityId: municipality.id, kind: 'requested', signerId: signer.id, at: now, by: maker.id }),
    new Audit(database).record({ municipalityId: municipality.id, at: now, personId: maker.id, action: 'consent.link', targetType: 'consent', targetId: record.consent.id, via: maker.via }),
  ]);
  return made;
}

export const StaffWithdrawal = v.object({
  signer: v.string('signer'),
  /** A service id, or `all` for the whole consent. */
  service: v.pipe(v.string('service'), v.minLength(1, 'service')),
  note: v.pipe(v.string('note'), v.trim(), v.minLength(1, 'note'), v.maxLength(500, 'note')),
});

/** A withdrawal told to staff in person or by phone, registered with a note; it counts at once. */
export const registerWithdrawal = (database: Database, municipality: Municipality, personId: string, record: ConsentRecord, input: v.InferOutput<typeof StaffWithdrawal>, origin: string, now: Date) =>
  withdraw(database, municipality, record, { signerId: input.signer, service: input.service === 'all' ? null : input.service, by: personId, via: 'web', note: input.note }, origin, now);

/** The staff member who collected the consent countersigns once, after someone has signed. */
export async function countersign(database: Database, municipality: Municipality, personId: string, record: ConsentRecord, now: Date) {
  if (record.consent.countersignedBy) refuse('consentAlreadyCountersigned');
  if (!consentState(termsOf(record), record.events, now).signed.length) refuse('consentNotSigned');
  await database.commit([
    new Consents(database).countersign(record.consent.id, personId, now),
    new Audit(database).record({ municipalityId: municipality.id, at: now, personId, action: 'consent.countersign', targetType: 'consent', targetId: record.consent.id, via: 'web' }),
  ]);
}
