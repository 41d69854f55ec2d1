/** Staff pages of the best-interests assessment: start, the four steps, complete, revise, print, PDF and "tell the child". */
import { publicOrigin } from '../../platform/public-origin.ts';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { refuse } from '../../core/refusals.ts';
import { formatDate } from '../../core/i18n/format.ts';
import { journeyOf } from '../../engine/journey.ts';
import { responseDocument, type DocumentSection } from '../../engine/output.ts';
import type { Question } from '../../engine/questions/index.ts';
import { keyringFor } from '../../platform/keys.ts';
import { staffScope, type StaffScope } from '../../platform/middleware/municipality/index.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';
import { norwegianMobile } from '../../platform/sms/index.ts';
import { fieldErrors } from '../../core/i18n/field-errors.ts';
import { page, redirect } from '../../platform/render.ts';
import { Audit } from '../audit/index.ts';
import { NewLinkInput, type FormLink } from '../links/index.ts';
import { readResponse, Responses } from '../respond/index.ts';
import { requireAbility, staffActor, type StaffEnv } from '../staff/index.ts';
import { responsePdf } from '../links/index.ts';
import { senderUnit } from '../../core/policy.ts';
import { AssessmentPage } from '../../../web/assessment/assessment-page.tsx';
import { DocumentView } from '../../../web/assessment/document-view.tsx';
import { localized } from '../../../web/ui.ts';
import { caseLinks, caseReferenceOf, canSeeRecord } from './case-access.ts';
import { postPage, showPage, type EditedDocument } from './editor.tsx';
import { Assessments, type Assessment } from './repository.ts';
import { assessmentForm, completeAssessment, currentAnswers, FEEDBACK_QUESTION, reviseAssessment, saveAssessment, sendFeedback, startAssessment } from './workflow.ts';
import { openAnswers, versionContext } from './sealed-document.ts';

type C = Context<StaffEnv>;

export const assessmentRoutes = new Hono<StaffEnv>();
// Only its own paths: the sub-app is mounted at the municipality's root beside other features.
for (const path of ['/assessments', '/assessments/*']) assessmentRoutes.use(path, requireAbility('links'));

const actor = (c: C) => staffActor(c.var.staff!);

/** An assessment the person may see, or 404: another unit's is not even confirmed to exist. */
async function visibleAssessment(c: C, where: StaffScope): Promise<Assessment> {
  const assessment = await new Assessments(where.database).byId(c.req.param('id') ?? '');
  if (!assessment || !canSeeRecord(actor(c), where.municipality, assessment)) refuse('notFound');
  return assessment;
}

const base = (where: StaffScope, assessment: Assessment) => `${where.base}/assessments/${assessment.id}`;

/** Starts an assessment of a case the person sees, drawing on one of its child's-voice responses if chosen. */
assessmentRoutes.post('/cases/:ref/assessments', async (c) => {
  const where = await staffScope(c);
  const caseReference = caseReferenceOf(c.req.param('ref'));
  const links = await caseLinks(where.database, where.municipality, actor(c), caseReference);
  if (!links.length) refuse('notFound');
  const chosen = (await readForm(c)).get('response')?.[0] ?? '';
  const link = chosen ? links.find((candidate) => candidate.responseId === chosen) : undefined;
  if (chosen && !link) refuse('badRequest');
  const author = { id: c.var.staff!.person.id, unitId: senderUnit(c.var.staff!.memberships, where.municipality.id) };
  const from = link?.responseId ? { responseId: link.responseId, linkId: link.id } : undefined;
  const assessment = await startAssessment(where.database, await keyringFor(c.env), where.municipality, author, caseReference, from, c.var.now);
  return redirect(c, `${base(where, assessment)}/p/${assessmentForm().pages[0]!.id}`);
});

/** The child's answers, read (and audited) once per page that shows them, by the item ids each question draws on. */
async function childAnswers(c: C, where: StaffScope, assessment: Assessment, pageId: string): Promise<((question: Question) => { label: string; lines: string[] }[] | undefined) | undefined> {
  const shown = assessmentForm().pages.find((candidate) => candidate.id === pageId);
  if (!assessment.responseId || !shown?.questions.some((question) => question.drawsOn)) return undefined;
  const reader = { actor: c.var.staff!.person.id, via: 'web' as const, action: 'response.view' as const, maySee: (link: FormLink) => canSeeRecord(actor(c), where.municipality, link) };
  const read = await readResponse(where.database, await keyringFor(c.env), where.municipality, assessment.responseId, reader, c.var.now).catch(() => undefined);
  if (!read) return undefined;
  const answers = responseDocument(journeyOf(read.form, read.response.answers), c.var.ui.lang, c.var.ui.t).flatMap((section) => section.rows.flatMap((row) => row.answers));
  return (question) =>
    question.drawsOn?.flatMap((item) => answers.filter((answer) => answer.question.id === item).map((answer) => ({ label: localized(c.var.ui, answer.question.label).text, lines: answer.state === 'answered' ? answer.cell : [c.var.ui.t(answer.state === 'declined' ? 'check.declined' : 'check.empty')] })));
}

async function edited(c: C, where: StaffScope, assessment: Assessment): Promise<EditedDocument> {
  const keyring = await keyringFor(c.env);
  const answers = await currentAnswers(where.database, keyring, assessment);
  const beside = await childAnswers(c, where, assessment, c.req.param('page') ?? '');
  return {
    form: assessmentForm(),
    answers,
    base: base(where, assessment),
    title: localized(c.var.ui, assessmentForm().title).text,
    caseReference: assessment.caseReference,
    beside,
    save: (after) => saveAssessment(where.database, keyring, assessment, answers, after, c.var.staff!.person.id, c.var.now),
  };
}

/** A completed assessment is never edited: its pages are refused until it is revised into a new draft. */
const draftOnly = (assessment: Assessment) => {
  if (assessment.status !== 'draft') refuse('assessmentCompleted');
};

assessmentRoutes.get('/assessments/:id/p/:page', async (c) => {
  const where = await staffScope(c);
  const assessment = await visibleAssessment(c, where);
  draftOnly(assessment);
  return showPage(c, await edited(c, where, assessment));
});

assessmentRoutes.post('/assessments/:id/p/:page', async (c) => {
  const where = await staffScope(c);
  const assessment = await visibleAssessment(c, where);
  draftOnly(assessment);
  return postPage(c, await edited(c, where, assessment));
});

/** What the "tell the child" form was sent with, and each refused field's message. */
interface NoticeForm {
  values: { email: string; phone: string };
  errors: Partial<Record<'email' | 'phone', string>>;
}

/** The summary: state, versions with what changed, and the actions the state allows. Reading it is audited. */
async function summary(c: C, where: StaffScope, assessment: Assessment, refused?: { feedbackMissing: string } | NoticeForm) {
  const assessments = new Assessments(where.database);
  const [versions, members] = await Promise.all([assessments.versions(assessment.id), c.var.people.members(where.municipality.id)]);
  const names = new Map(members.map((member) => [member.person.id, member.person.name]));
  await where.database.commit([new Audit(where.database).record({ municipalityId: where.municipality.id, at: c.var.now, personId: c.var.staff!.person.id, action: 'assessment.view', targetType: 'assessment', targetId: assessment.id, via: 'web' })]);
  const form = assessmentForm();
  const notice = refused && 'values' in refused ? refused : undefined;
  const errors = refused && 'feedbackMissing' in refused
    ? [{ text: refused.feedbackMissing, href: `${base(where, assessment)}/p/${form.pages.at(-1)!.id}#q-${FEEDBACK_QUESTION}` }]
    : Object.entries(notice?.errors ?? {}).map(([field, text]) => ({ text, href: `#${field}` }));
  return page(
    c,
    <AssessmentPage
      ui={c.var.ui}
      name={c.var.staff!.person.name}
      base={base(where, assessment)}
      caseHref={`${where.base}/cases/${encodeURIComponent(assessment.caseReference)}`}
      form={form}
      assessment={assessment}
      versions={versions.map((version) => ({ ...version, savedBy: names.get(version.savedBy) ?? version.savedBy }))}
      errors={errors}
      notice={notice}
    />,
    refused ? 422 : 200,
  );
}

assessmentRoutes.get('/assessments/:id', async (c) => {
  const where = await staffScope(c);
  return summary(c, where, await visibleAssessment(c, where));
});

/** Completes only with the feedback to the child; without it, the summary says so (422) and nothing changes. */
assessmentRoutes.post('/assessments/:id/complete', async (c) => {
  const where = await staffScope(c);
  const assessment = await visibleAssessment(c, where);
  draftOnly(assessment);
  const keyring = await keyringFor(c.env);
  const done = await completeAssessment(where.database, keyring, assessment, await currentAnswers(where.database, keyring, assessment), c.var.staff!.person.id, c.var.now);
  if (!done) return summary(c, where, assessment, { feedbackMissing: c.var.ui.t('assessment.errors.feedbackMissing') });
  return redirect(c, base(where, assessment));
});

assessmentRoutes.post('/assessments/:id/revise', async (c) => {
  const where = await staffScope(c);
  const assessment = await visibleAssessment(c, where);
  const keyring = await keyringFor(c.env);
  await reviseAssessment(where.database, keyring, assessment, await currentAnswers(where.database, keyring, assessment), c.var.staff!.person.id, c.var.now);
  return redirect(c, `${base(where, assessment)}/p/${assessmentForm().pages[0]!.id}`);
});

/** Where to send word of the feedback: the link feature's own rules for an address and a mobile number. */
const FeedbackInput = v.object({ email: NewLinkInput.entries.email, phone: NewLinkInput.entries.phone });

assessmentRoutes.post('/assessments/:id/feedback', async (c) => {
  const where = await staffScope(c);
  const assessment = await visibleAssessment(c, where);
  const body = await readForm(c);
  const values = { email: body.get('email')?.[0] ?? '', phone: body.get('phone')?.[0] ?? '' };
  const parsed = v.safeParse(FeedbackInput, values);
  if (!parsed.success) {
    return summary(c, where, assessment, { values, errors: fieldErrors(c.var.ui.t, 'links.errors', parsed.issues) });
  }
  const notice = { email: parsed.output.email, phone: norwegianMobile(parsed.output.phone) };
  const [response] = assessment.responseId ? await new Responses(where.database).summaries([assessment.responseId]) : [];
  const queued = await sendFeedback(where.database, where.municipality, assessment, response?.language ?? where.municipality.writtenStandard, notice, c.var.staff!.person.id, publicOrigin(c.env, c.req.url), c.var.now);
  if (queued) deliverSoon(c.executionCtx, c.env, where.database.binding, c.var.now);
  return redirect(c, base(where, assessment));
});

/** One version's document (the current one unless `?version=` names another), audited as a read. */
async function documentOf(c: C, where: StaffScope, assessment: Assessment, action: 'assessment.view' | 'assessment.download') {
  const number = Number(c.req.query('version') ?? assessment.version);
  const version = Number.isInteger(number) ? await new Assessments(where.database).version(assessment.id, number) : undefined;
  if (!version) refuse('notFound');
  const answers = await openAnswers(await keyringFor(c.env), version.document, versionContext(assessment.id, version.number));
  await where.database.commit([new Audit(where.database).record({ municipalityId: where.municipality.id, at: c.var.now, personId: c.var.staff!.person.id, action, targetType: 'assessment', targetId: assessment.id, via: 'web' })]);
  const sections: DocumentSection[] = responseDocument(journeyOf(assessmentForm(), answers), c.var.ui.lang, c.var.ui.t);
  return { version, sections };
}

assessmentRoutes.get('/assessments/:id/document', async (c) => {
  const where = await staffScope(c);
  const assessment = await visibleAssessment(c, where);
  const { version, sections } = await documentOf(c, where, assessment, 'assessment.view');
  return page(c, <DocumentView ui={c.var.ui} name={c.var.staff!.person.name} backHref={base(where, assessment)} pdfHref={`${base(where, assessment)}/pdf?version=${version.number}`} title={localized(c.var.ui, assessmentForm().title).text} facts={facts(c, assessment, version)} sections={sections} />);
});

const facts = (c: C, assessment: Assessment, version: { number: number; status: string; savedAt: Date }): [string, string][] => {
  const { t, lang } = c.var.ui;
  return [
    [t('cases.caseReference'), assessment.caseReference],
    [t('assessment.version'), String(version.number)],
    [t('assessment.status'), t(`assessment.statuses.${version.status}`)],
    [t('assessment.savedAt'), formatDate(version.savedAt, lang)],
  ];
};

assessmentRoutes.get('/assessments/:id/pdf', async (c) => {
  const where = await staffScope(c);
  const assessment = await visibleAssessment(c, where);
  const { version, sections } = await documentOf(c, where, assessment, 'assessment.download');
  const pdf = await responsePdf(c.var.ui, { title: localized(c.var.ui, assessmentForm().title).text, facts: facts(c, assessment, version), sections });
  return c.body(pdf, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="assessment-${version.number}.pdf"` });
});
