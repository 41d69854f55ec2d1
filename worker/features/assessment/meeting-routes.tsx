/** Staff pages of the interdisciplinary meeting record: written page by page, its action plan as rows, referring to the case's response and assessment. */
import type { AuditAction } from '../../core/vocabulary.ts';
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import { senderUnit } from '../../core/policy.ts';
import { journeyOf } from '../../engine/journey.ts';
import { responseDocument } from '../../engine/output.ts';
import type { Answers } from '../../engine/answer.ts';
import { compiledForms } from '../../generated/forms.ts';
import { keyringFor } from '../../platform/keys.ts';
import { staffScope, type StaffScope } from '../../platform/middleware/municipality/index.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { page, redirect } from '../../platform/render.ts';
import { changedRows, type Statement } from '../../platform/storage/database.ts';
import { Audit } from '../audit/index.ts';
import { requireAbility, staffActor, type StaffEnv } from '../staff/index.ts';
import { MeetingPage } from '../../../web/assessment/meeting-page.tsx';
import { localized } from '../../../web/ui.ts';
import { caseLinks, caseReferenceOf, canSeeRecord } from './case-access.ts';
import { postPage, postRow, removeRow, showPage, showRow, type EditedDocument } from './editor.tsx';
import { Assessments, MeetingRecords, type MeetingRecord } from './repository.ts';
import { meetingContext, meetingVersionContext, openAnswers, sealAnswers } from './sealed-document.ts';
import { changesBetween } from './changes.ts';
import { DocumentView } from '../../../web/assessment/document-view.tsx';
import { REFERENCE_FIELDS } from '../../../web/assessment/records.ts';
import { formatDate } from '../../core/i18n/format.ts';

type C = Context<StaffEnv>;

export const MEETING_FORM = 'motereferat';
const meetingForm = () => compiledForms[MEETING_FORM]!.definition;

export const meetingRoutes = new Hono<StaffEnv>();
// Only its own paths: the sub-app is mounted at the municipality's root beside other features.
for (const path of ['/meetings', '/meetings/*']) meetingRoutes.use(path, requireAbility('links'));

const actor = (c: C) => staffActor(c.var.staff!);
const base = (where: StaffScope, record: MeetingRecord) => `${where.base}/meetings/${record.id}`;
const audit = (c: C, where: StaffScope, record: MeetingRecord, action: AuditAction): Statement =>
  new Audit(where.database).record({ municipalityId: where.municipality.id, at: c.var.now, personId: c.var.staff!.person.id, action, targetType: 'meeting', targetId: record.id, via: 'web' });

async function visibleRecord(c: C, where: StaffScope): Promise<MeetingRecord> {
  const record = await new MeetingRecords(where.database).byId(c.req.param('id') ?? '');
  if (!record || !canSeeRecord(actor(c), where.municipality, record)) refuse('notFound');
  return record;
}

type Saved = Pick<MeetingRecord, 'responseId' | 'assessmentId'> & { answers: Answers };

/** The references as fields of a version's change summary, beside the form's own. */
const referenceFields = (record: Pick<MeetingRecord, 'responseId' | 'assessmentId'>) => ({ [REFERENCE_FIELDS.response]: record.responseId ?? undefined, [REFERENCE_FIELDS.assessment]: record.assessmentId ?? undefined });

/**
 * Saves the record and keeps what was saved as a version (sealed, with who, when and which
 * fields changed), in one batch with the audit entry; a save that changes nothing stores
 * nothing. Someone else's save in between is refused, not overwritten.
 */
async function save(c: C, where: StaffScope, record: MeetingRecord, before: Answers, after: Saved) {
  const changes = [...changesBetween(before, after.answers), ...changesBetween(referenceFields(record), referenceFields(after))];
  if (!changes.length) return;
  const keyring = await keyringFor(c.env);
  const number = record.revision + 1;
  const [document, versionDocument] = await Promise.all([sealAnswers(keyring, after.answers, meetingContext(record.id)), sealAnswers(keyring, after.answers, meetingVersionContext(record.id, number))]);
  const statements = new MeetingRecords(where.database).save(record, { document, responseId: after.responseId, assessmentId: after.assessmentId }, { document: versionDocument, changes, savedBy: c.var.staff!.person.id, savedAt: c.var.now });
  // The version's number is taken once someone else saved first, which fails the batch.
  const [result] = await where.database.commit([...statements, audit(c, where, record, 'meeting.save')]).catch(() => refuse('documentChanged'));
  if (!changedRows(result)) refuse('documentChanged');
}

const answersOf = async (c: C, record: MeetingRecord) => openAnswers(await keyringFor(c.env), record.document, meetingContext(record.id));

meetingRoutes.post('/cases/:ref/meetings', async (c) => {
  const where = await staffScope(c);
  const caseReference = caseReferenceOf(c.req.param('ref'));
  if (!(await caseLinks(where.database, where.municipality, actor(c), caseReference)).length) refuse('notFound');
  const id = crypto.randomUUID();
  const now = c.var.now;
  const record: MeetingRecord = {
    id,
    municipalityId: where.municipality.id,
    caseReference,
    createdBy: c.var.staff!.person.id,
    unitId: senderUnit(c.var.staff!.memberships, where.municipality.id),
    responseId: null,
    assessmentId: null,
    document: await sealAnswers(await keyringFor(c.env), {}, meetingContext(id)),
    revision: 0,
    createdAt: now,
    updatedAt: now,
  };
  await where.database.commit([new MeetingRecords(where.database).create(record), audit(c, where, record, 'meeting.create')]);
  return redirect(c, base(where, record));
});

/** What the case offers to refer to: its answered links' responses and the assessments the person sees. */
async function references(c: C, where: StaffScope, record: MeetingRecord) {
  const links = await caseLinks(where.database, where.municipality, actor(c), record.caseReference);
  const assessments = (await new Assessments(where.database).forCase(where.municipality.id, record.caseReference)).filter((assessment) => canSeeRecord(actor(c), where.municipality, assessment));
  return { responses: links.filter((link) => link.responseId).map((link) => ({ id: link.responseId!, createdAt: link.submittedAt ?? link.createdAt })), assessments };
}

meetingRoutes.get('/meetings/:id', async (c) => {
  const where = await staffScope(c);
  const record = await visibleRecord(c, where);
  const [answers, versions, members] = await Promise.all([answersOf(c, record), new MeetingRecords(where.database).versions(record.id), c.var.people.members(where.municipality.id)]);
  await where.database.commit([audit(c, where, record, 'meeting.view')]);
  const names = new Map(members.map((member) => [member.person.id, member.person.name]));
  const form = meetingForm();
  return page(
    c,
    <MeetingPage
      ui={c.var.ui}
      name={c.var.staff!.person.name}
      base={base(where, record)}
      caseHref={`${where.base}/cases/${encodeURIComponent(record.caseReference)}`}
      form={form}
      record={record}
      options={await references(c, where, record)}
      sections={responseDocument(journeyOf(form, answers), c.var.ui.lang, c.var.ui.t)}
      versions={versions.map((version) => ({ ...version, savedBy: names.get(version.savedBy) ?? version.savedBy }))}
    />,
  );
});

/** One saved version as it was written, audited as a read of the record. */
meetingRoutes.get('/meetings/:id/versions/:number', async (c) => {
  const where = await staffScope(c);
  const record = await visibleRecord(c, where);
  const number = Number(c.req.param('number'));
  const version = Number.isInteger(number) ? await new MeetingRecords(where.database).version(record.id, number) : undefined;
  if (!version) refuse('notFound');
  const answers = await openAnswers(await keyringFor(c.env), version.document, meetingVersionContext(record.id, version.number));
  await where.database.commit([audit(c, where, record, 'meeting.view')]);
  const { t, lang } = c.var.ui;
  const facts: [string, string][] = [
    [t('cases.caseReference'), record.caseReference],
    [t('assessment.version'), String(version.number)],
    [t('assessment.savedAt'), formatDate(version.savedAt, lang)],
  ];
  const title = t('assessment.meeting.versionTitle', { title: localized(c.var.ui, meetingForm().title).text, number: version.number });
  return page(c, <DocumentView ui={c.var.ui} name={c.var.staff!.person.name} backHref={base(where, record)} title={title} facts={facts} sections={responseDocument(journeyOf(meetingForm(), answers), lang, t)} />);
});

/** Chooses the response and the assessment the record refers to, only among the case's own. */
meetingRoutes.post('/meetings/:id/references', async (c) => {
  const where = await staffScope(c);
  const record = await visibleRecord(c, where);
  const body = await readForm(c);
  const options = await references(c, where, record);
  const responseId = body.get('response')?.[0] || null;
  const assessmentId = body.get('assessment')?.[0] || null;
  if ((responseId && !options.responses.some((item) => item.id === responseId)) || (assessmentId && !options.assessments.some((item) => item.id === assessmentId))) refuse('badRequest');
  const answers = await answersOf(c, record);
  await save(c, where, record, answers, { answers, responseId, assessmentId });
  return redirect(c, base(where, record));
});

async function edited(c: C, where: StaffScope, record: MeetingRecord): Promise<EditedDocument> {
  const answers = await answersOf(c, record);
  return {
    form: meetingForm(),
    answers,
    base: base(where, record),
    title: localized(c.var.ui, meetingForm().title).text,
    caseReference: record.caseReference,
    save: (after: Answers) => save(c, where, record, answers, { answers: after, responseId: record.responseId, assessmentId: record.assessmentId }),
  };
}

meetingRoutes.get('/meetings/:id/p/:page', async (c) => {
  const where = await staffScope(c);
  return showPage(c, await edited(c, where, await visibleRecord(c, where)));
});
meetingRoutes.post('/meetings/:id/p/:page', async (c) => {
  const where = await staffScope(c);
  return postPage(c, await edited(c, where, await visibleRecord(c, where)));
});
meetingRoutes.get('/meetings/:id/p/:page/:row', async (c) => {
  const where = await staffScope(c);
  return showRow(c, await edited(c, where, await visibleRecord(c, where)));
});
meetingRoutes.post('/meetings/:id/p/:page/:row', async (c) => {
  const where = await staffScope(c);
  return postRow(c, await edited(c, where, await visibleRecord(c, where)));
});
meetingRoutes.post('/meetings/:id/p/:page/:row/remove', async (c) => {
  const where = await staffScope(c);
  return removeRow(c, await edited(c, where, await visibleRecord(c, where)));
});
