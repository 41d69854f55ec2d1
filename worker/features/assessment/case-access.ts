import * as v from 'valibot';
import { canSeeLink, type Actor } from '../../core/policy.ts';
import { refuse } from '../../core/refusals.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import { Links, NewLinkInput, type FormLink } from '../links/index.ts';

/** A case reference from an address, by the same rule as when a link is made; anything else is no case. */
export function caseReferenceOf(text: string | undefined): string {
  const parsed = v.safeParse(NewLinkInput.entries.caseReference, text ?? '');
  if (!parsed.success) refuse('notFound');
  return parsed.output;
}

/** How many of a case's links a case page reads at most. */
const CASE_LINKS = 200;

/** The links of one case (exactly this reference) the person may see, newest first. */
export async function caseLinks(database: Database, municipality: Municipality, actor: Actor, caseReference: string): Promise<FormLink[]> {
  const rows = await new Links(database).list(municipality.id, { caseReference }, CASE_LINKS);
  return rows.filter((link) => link.caseReference === caseReference && canSeeLink(actor, municipality, link));
}

/** A record (assessment, meeting record) is seen by the same rule as a link: its author, their unit where the municipality chose that, and admins. */
export const canSeeRecord = (actor: Actor, municipality: Municipality, record: { municipalityId: string; createdBy: string; unitId: string | null }) => canSeeLink(actor, municipality, record);
