/** The answers other parts of the app ask for: the check for a case, and whether a receipt is genuine. */
import * as v from 'valibot';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import { checkReceipt, SignedReceipt, type ReceiptCheck } from './receipt.ts';
import { publicJwks, ReceiptKeys } from './receipt-keys.ts';
import { Consents, termsOf } from './repository.ts';
import { mayShareInCase } from './state.ts';

/** "May this service share information about case R now?", over every consent of the case. */
export async function checkCase(database: Database, municipalityId: string, caseReference: string, service: string, now: Date) {
  const consents = new Consents(database);
  const records = await Promise.all((await consents.byCase(municipalityId, caseReference)).map((consent) => consents.record(municipalityId, consent.id)));
  return mayShareInCase(
    records.filter((record) => record !== undefined).map((record) => ({ terms: termsOf(record), events: record.events })),
    service,
    now,
  );
}

export interface Opener {
  municipality(id: string): Promise<Municipality | undefined>;
  open(municipality: Municipality): Database;
}

/** Any text or JSON handed in as a receipt: not one of ours, or altered, is simply not genuine. */
export async function verifyReceipt(opener: Opener, input: unknown, now: Date): Promise<ReceiptCheck> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch {
      return { genuine: false };
    }
  }
  const parsed = v.safeParse(SignedReceipt, value);
  if (!parsed.success) return { genuine: false };
  const municipality = await opener.municipality(parsed.output.receipt.medvirk.municipality);
  if (!municipality) return { genuine: false };
  const database = opener.open(municipality);
  return checkReceipt(database, municipality.id, parsed.output, (id) => new Consents(database).record(municipality.id, id), now);
}

export const publishedKeys = async (database: Database, municipalityId: string) => publicJwks(await new ReceiptKeys(database).all(municipalityId));
