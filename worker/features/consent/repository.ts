import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { DEFAULT_SERVICES, type Service } from './services.ts';
import type { ConsentTerms } from './state.ts';
import {
  consentEvents,
  consents,
  consentServiceLists,
  consentSignatures,
  consentSigners,
  type ConsentEventRow,
  type ConsentRow,
  type ConsentSignerRow,
  type NewConsentEvent,
} from './tables.ts';

export type ConsentSignatureRow = typeof consentSignatures.$inferSelect;

/** A consent with its signers and its whole history, read together. */
export interface ConsentRecord {
  consent: ConsentRow;
  signers: ConsentSignerRow[];
  events: ConsentEventRow[];
}

export const termsOf = ({ consent, signers }: Pick<ConsentRecord, 'consent' | 'signers'>): ConsentTerms => ({
  services: consent.services,
  signers: signers.map(({ id, role, scope }) => ({ id, role, scope })),
  expiresAt: consent.expiresAt,
});

/** A municipality's consents. Reads return rows; changes return statements to commit. */
export class Consents {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  create(consent: ConsentRow, signers: ConsentSignerRow[]): Statement[] {
    return [this.db.insert(consents).values(consent), ...signers.map((signer) => this.db.insert(consentSigners).values(signer))];
  }

  /** Events are only ever added: the database refuses to change or delete one. */
  append(event: NewConsentEvent): Statement {
    return this.db.insert(consentEvents).values(event);
  }

  attachLink(signerId: string, linkId: string): Statement {
    return this.db.update(consentSigners).set({ linkId }).where(eq(consentSigners.id, signerId));
  }

  /** Countersigned once; a second countersignature changes nothing. */
  countersign(consentId: string, personId: string, at: Date): Statement {
    return this.db
      .update(consents)
      .set({ countersignedBy: personId, countersignedAt: at })
      .where(and(eq(consents.id, consentId), isNull(consents.countersignedBy)));
  }

  addSignature(signature: ConsentSignatureRow): Statement {
    return this.db.insert(consentSignatures).values(signature);
  }

  async record(municipalityId: string, id: string): Promise<ConsentRecord | undefined> {
    const [consent] = await this.db.select().from(consents).where(and(eq(consents.id, id), eq(consents.municipalityId, municipalityId)));
    if (!consent) return undefined;
    const [signers, events] = await Promise.all([
      this.db.select().from(consentSigners).where(eq(consentSigners.consentId, id)).orderBy(asc(consentSigners.role), asc(consentSigners.ordinal)),
      this.db.select().from(consentEvents).where(eq(consentEvents.consentId, id)).orderBy(asc(consentEvents.id)),
    ]);
    return { consent, signers, events };
  }

  byCase(municipalityId: string, caseReference: string): Promise<ConsentRow[]> {
    return this.db
      .select()
      .from(consents)
      .where(and(eq(consents.municipalityId, municipalityId), eq(consents.caseReference, caseReference)))
      .orderBy(desc(consents.createdAt));
  }

  latest(municipalityId: string, limit: number): Promise<ConsentRow[]> {
    return this.db.select().from(consents).where(eq(consents.municipalityId, municipalityId)).orderBy(desc(consents.createdAt)).limit(limit);
  }

  async signerByLink(linkId: string): Promise<ConsentSignerRow | undefined> {
    const [row] = await this.db.select().from(consentSigners).where(eq(consentSigners.linkId, linkId));
    return row;
  }

  signatures(consentId: string): Promise<ConsentSignatureRow[]> {
    return this.db.select().from(consentSignatures).where(eq(consentSignatures.consentId, consentId)).orderBy(asc(consentSignatures.signedAt));
  }

  /** The newest version of the municipality's service list; version 0 is the default list. */
  async serviceList(municipalityId: string): Promise<{ version: number; services: Service[] }> {
    const [row] = await this.db
      .select()
      .from(consentServiceLists)
      .where(eq(consentServiceLists.municipalityId, municipalityId))
      .orderBy(desc(consentServiceLists.version))
      .limit(1);
    return row ? { version: row.version, services: row.services } : { version: 0, services: DEFAULT_SERVICES };
  }

  /** A new version; the primary key refuses a second edit made from the same old version. */
  addServiceList(municipalityId: string, version: number, services: Service[], createdBy: string, at: Date): Statement {
    return this.db.insert(consentServiceLists).values({ municipalityId, version, services, createdBy, createdAt: at });
  }
}
