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
import { meetingContext, openAnswers, sealAnswers } from './sealed-document.ts';

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

/** Writes a change guarded by the revision read; someone else's save in between is refused, not overwritten. */
async function commit(c: C, where: StaffScope, record: MeetingRecord, change: Parameters<MeetingRecords['save']>[1], action: AuditAction) {
  const [result] = await where.database.commit([new MeetingRecords(where.database).save(record, change, c.var.now), audit(c, where, record, action)]);
  if (!changedRows(result)) refuse('documentChanged');
}

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
  const answers = await openAnswers(await keyringFor(c.env), record.document, meetingContext(record.id));
  await where.database.commit([audit(c, where, record, 'meeting.view')]);
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
    />,
  );
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
  await commit(c, where, record, { responseId, assessmentId }, 'meeting.save');
  return redirect(c, base(where, record));
});

async function edited(c: C, where: StaffScope, record: MeetingRecord): Promise<EditedDocument> {
  const keyring = await keyringFor(c.env);
  const answers = await openAnswers(keyring, record.document, meetingContext(record.id));
  return {
    form: meetingForm(),
    answers,
    base: base(where, record),
    title: localized(c.var.ui, meetingForm().title).text,
    caseReference: record.caseReference,
    save: async (after: Answers) => commit(c, where, record, { document: await sealAnswers(keyring, after, meetingContext(record.id)) }, 'meeting.save'),
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
