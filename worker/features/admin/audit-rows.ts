/**
 * The audit log as people read it: each entry's actor (name, roles and unit) and what it acted
 * on (the case reference, a person's or unit's name), for the sentences on the log page. The
 * raw codes and ids stay on each row for the CSV export.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Translate } from '../../core/i18n/translate.ts';
import type { Municipality } from '../../core/municipality.ts';
import { tokenActor } from '../../core/policy.ts';
import type { Database } from '../../platform/storage/database.ts';
import type { ApiToken } from '../api/index.ts';
import { meetingRecords, assessments } from '../assessment/index.ts';
import type { AuditRecord } from '../audit/index.ts';
import { consents } from '../consent/index.ts';
import { insightRounds } from '../insight/index.ts';
import { formLinks } from '../links/index.ts';
import { responses } from '../respond/index.ts';
import type { Member } from '../staff/index.ts';

export interface AuditRow extends AuditRecord {
  /** The actor's name alone, for the CSV. */
  actor: string;
  /** The entry as a sentence in the page's language. */
  sentence: string;
}

/** D1 takes at most 100 bound values a query. */
const CHUNK = 90;
const chunks = (ids: string[]) => Array.from({ length: Math.ceil(ids.length / CHUNK) }, (_, i) => ids.slice(i * CHUNK, (i + 1) * CHUNK));

/** Case references of the entries' links, responses, consents, assessments and meeting records, by target id. */
async function caseReferences(database: Database, entries: AuditRecord[]): Promise<Map<string, string>> {
  const idsOf = (...types: string[]) => [...new Set(entries.filter((entry) => types.includes(entry.targetType)).map((entry) => entry.targetId))];
  const { db } = database;
  const found = new Map<string, string>();
  const queries = [
    ...chunks(idsOf('link')).map((ids) => db.select({ id: formLinks.id, ref: formLinks.caseReference }).from(formLinks).where(inArray(formLinks.id, ids))),
    ...chunks(idsOf('response')).map((ids) =>
      db.select({ id: responses.id, ref: formLinks.caseReference }).from(responses).innerJoin(formLinks, eq(formLinks.id, responses.linkId)).where(inArray(responses.id, ids)),
    ),
    ...chunks(idsOf('consent')).map((ids) => db.select({ id: consents.id, ref: consents.caseReference }).from(consents).where(inArray(consents.id, ids))),
    ...chunks(idsOf('assessment')).map((ids) => db.select({ id: assessments.id, ref: assessments.caseReference }).from(assessments).where(inArray(assessments.id, ids))),
    ...chunks(idsOf('meeting')).map((ids) => db.select({ id: meetingRecords.id, ref: meetingRecords.caseReference }).from(meetingRecords).where(inArray(meetingRecords.id, ids))),
    ...chunks(idsOf('round')).map((ids) => db.select({ id: insightRounds.id, ref: insightRounds.name }).from(insightRounds).where(inArray(insightRounds.id, ids))),
  ];
  for (const rows of await Promise.all(queries)) for (const row of rows) found.set(row.id, row.ref);
  return found;
}

interface Context {
  t: Translate;
  municipality: Municipality;
  members: Member[];
  units: { id: string; name: string }[];
  tokens: ApiToken[];
}

/** "Kari Kollega (staff, Demo skole)", an API token by its name, or a guardian who signed. */
function actorOf(personId: string, { t, members, units, tokens }: Context): { name: string; described: string } {
  const member = members.find((candidate) => candidate.person.id === personId);
  if (member) {
    const unit = units.find((candidate) => candidate.id === member.unitId)?.name;
    const about = [...member.roles.map((role) => t(`staff.roles.${role}`)), ...(unit ? [unit] : [])].join(', ');
    return { name: member.person.name, described: about ? `${member.person.name} (${about})` : member.person.name };
  }
  const token = tokens.find((candidate) => tokenActor(candidate).id === personId);
  if (token) return { name: `API: ${token.name}`, described: t('admin.audit.token', { name: token.name }) };
  if (personId.startsWith('signer:')) return { name: personId, described: t('admin.audit.signer') };
  return { name: personId, described: t('admin.audit.former') };
}

/** What the entry acted on, as the sentence names it. */
function targetOf(entry: AuditRecord, references: Map<string, string>, { t, municipality, members, units, tokens }: Context): string {
  switch (entry.targetType) {
    case 'person':
      return members.find((member) => member.person.id === entry.targetId)?.person.name ?? t('admin.audit.formerPerson');
    case 'unit':
      return units.find((unit) => unit.id === entry.targetId)?.name ?? entry.targetId;
    case 'api_token':
      return tokens.find((token) => token.id === entry.targetId)?.name ?? entry.targetId;
    case 'case':
      return entry.targetId;
    case 'municipality':
    case 'audit_log':
      return municipality.name;
    default:
      // A case reference, or a round's name; gone once the record is deleted after its retention.
      return references.get(entry.targetId) ?? t('admin.audit.gone');
  }
}

export async function auditSentences(database: Database, entries: AuditRecord[], context: Context): Promise<AuditRow[]> {
  const references = await caseReferences(database, entries);
  return entries.map((entry) => {
    const actor = actorOf(entry.personId, context);
    const sentence = context.t(`admin.audit.sentences.${entry.action}`, { actor: actor.described, target: targetOf(entry, references, context) });
    return { ...entry, actor: actor.name, sentence: entry.via === 'api' ? `${sentence} ${context.t('admin.audit.viaApi')}` : sentence };
  });
}
