/** Staff pages for personal form links: make and send one, follow its status, read the answer. */
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import * as v from 'valibot';
import { fieldErrors } from '../../core/i18n/field-errors.ts';
import type { StaffEnv } from '../staff/index.ts';
import { currentForm, formChoices } from '../../platform/forms.ts';
import { translator } from '../../core/i18n/translate.ts';
import { canSeeLink, senderUnit, visibleLinks } from '../../core/policy.ts';
import { LINKABLE_FORMS, linkMaker, makeLink, NewLinkInput } from './create.ts';
import { agesFor, respondentsFor } from './respondents.ts';
import { looksPersonal } from './case-reference.ts';
import { isHelperRole, LINK_STATUSES } from '../../core/vocabulary.ts';
import { revokeLink } from './revoke.ts';
import { startLinkDraft } from './start-draft.ts';
import { linkRefusal, linkStatus } from './status.ts';
import { Links, type FormLink } from './repository.ts';
import { readResponse } from '../respond/index.ts';
import { Audit } from '../audit/index.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';
import { messageStatusFor } from '../../platform/outbox/deliver.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { page, redirect } from '../../platform/render.ts';
import { staffScope, type StaffScope } from '../../platform/middleware/municipality/index.ts';
import { requireAbility, staffActor } from '../staff/index.ts';
import type { Municipality } from '../../core/municipality.ts';
import { LinkCreatedPage, LinkDetailPage, LinksOverview, NewLinkPage, RevokeConfirmPage, type ChosenForm, type NewLinkValues } from '../../../web/staff/links.tsx';
import { ResponsePage } from '../../../web/staff/response.tsx';
import { journeyOf } from '../../engine/journey.ts';
import { responseDocument } from '../../engine/output.ts';
import { responsePdf } from './response-pdf.ts';
import { responseFacts } from './response-facts.ts';
import { qrDataUrl } from './qr.ts';
import { localized } from '../../../web/ui.ts';
import { keyringFor } from '../../platform/keys.ts';

type C = Context<StaffEnv>;


const scope = (c: C) => staffScope(c);

/** A link the person may see, or 404: another unit's link is not even confirmed to exist. */
async function visibleLink(c: C, { municipality, database }: StaffScope, id: string) {
  const link = await new Links(database).byId(id);
  if (!link || !canSeeLink(staffActor(c.var.staff!), municipality, link)) refuse('notFound');
  return link;
}


export const links = new Hono<StaffEnv>();
// Only its own paths: other features are mounted under the same municipality prefix.
for (const path of ['/links', '/links/*', '/responses/*']) links.use(path, requireAbility('links'));

links.get('/links', async (c) => {
  const where = await scope(c);
  const status = c.req.query('status');
  const formId = c.req.query('form') || undefined;
  const q = (c.req.query('q') ?? '').trim().slice(0, 40);
  const rows = await new Links(where.database).list(where.municipality.id, { visibleTo: visibleLinks(staffActor(c.var.staff!), where.municipality), formId, caseReference: q || undefined }, 500);
  const withStatus = rows.map((link) => ({ link, status: linkStatus(link, c.var.now) })).filter((row) => !status || row.status === status);
  return page(
    c,
    <LinksOverview forms={formChoices} ui={c.var.ui} name={c.var.staff!.person.name} municipality={where.municipality} base={where.base} rows={withStatus} filter={{ status: LINK_STATUSES.find((s) => s === status), form: formId, q }} />,
  );
});

const defaults = (municipality: Municipality): NewLinkValues => ({
  form: '',
  language: municipality.writtenStandard,
  respondent: 'child',
  caseReference: '',
  expiresInDays: '14',
  singleUse: true,
  email: '',
  phone: '',
  senderRole: 'other',
  childAge: '',
  confirmCaseReference: false,
});

/** The form chosen for a new link, with whom it may go to; undefined for an unknown or unlinkable form. */
function chosenForm(formId: string): ChosenForm | undefined {
  const form = LINKABLE_FORMS.find((candidate) => candidate.definition.id === formId)?.definition;
  return form && { id: form.id, title: form.title, respondents: respondentsFor(form), ages: agesFor(form) };
}

/** Step one chooses the form; with `?form=`, step two offers only who it is made for. */
links.get('/links/new', async (c) => {
  const where = await scope(c);
  const formId = c.req.query('form');
  const chosen = chosenForm(formId ?? '');
  // Continuing without a form (or with an unknown one) says so by the field.
  const refused = formId !== undefined && !chosen;
  const errors: Record<string, string> = refused ? { form: c.var.ui.t('links.errors.form') } : {};
  const values = { ...defaults(where.municipality), form: formId ?? '', respondent: chosen?.respondents[0] ?? '' };
  return page(c, <NewLinkPage forms={formChoices} ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} chosen={chosen} values={values} errors={errors} />, refused ? 422 : 200);
});

links.post('/links', async (c) => {
  const where = await scope(c);
  const { ui, now, staff } = c.var;
  const body = await readForm(c);
  const field = (name: string) => body.get(name)?.[0] ?? '';
  const values: NewLinkValues = {
    form: field('form'),
    language: field('language'),
    respondent: field('respondent'),
    caseReference: field('caseReference'),
    expiresInDays: field('expiresInDays'),
    singleUse: field('singleUse') === 'yes',
    email: field('email'),
    phone: field('phone'),
    senderRole: field('senderRole') || 'other',
    childAge: field('childAge'),
    confirmCaseReference: field('confirmCaseReference') === 'yes',
  };
  const { confirmCaseReference, ...fields } = values;
  const parsed = v.safeParse(NewLinkInput, fields);
  const chosen = chosenForm(values.form);
  const again = (errors: Record<string, string>, caseWarning = false) =>
    page(c, <NewLinkPage forms={formChoices} ui={ui} name={staff!.person.name} base={where.base} chosen={chosen} values={values} errors={errors} caseWarning={caseWarning} />, 422);
  if (!parsed.success) return again(fieldErrors(ui.t, 'links.errors', parsed.issues));
  // A reference that looks like a name or a date of birth is asked about once more.
  if (looksPersonal(parsed.output.caseReference) && !confirmCaseReference) return again({ caseReference: ui.t('links.errors.caseReferencePersonal') }, true);
  const input = parsed.output;
  const maker = await linkMaker(c.var.directory, where.municipality.id, { id: staff!.person.id, unitId: senderUnit(staff!.memberships, where.municipality.id), via: 'web' });
  const { link, url, message, queued } = await makeLink(where.database, where.municipality, maker, input, publicOrigin(c.env, c.req.url), now);
  if (queued) deliverSoon(c.executionCtx, c.env, where.database.binding, now);
  const letterUi = { lang: input.language, t: translator(input.language) };
  return page(c, <LinkCreatedPage ui={ui} letterUi={letterUi} name={staff!.person.name} base={where.base} url={url} qr={qrDataUrl(url)} letter={message} linkId={link.id} sent={queued} />);
});

links.get('/links/:id', async (c) => {
  const where = await scope(c);
  const link = await visibleLink(c, where, c.req.param('id'));
  const message = (await messageStatusFor(where.database.binding, [`link:${link.id}`])).get(`link:${link.id}`);
  return page(c, <LinkDetailPage forms={formChoices} ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} link={link} status={linkStatus(link, c.var.now)} message={message} />);
});

links.get('/links/:id/revoke', async (c) => {
  const where = await scope(c);
  const link = await visibleLink(c, where, c.req.param('id'));
  if (link.revokedAt || link.submittedAt) return redirect(c, `${where.base}/links/${link.id}`);
  return page(c, <RevokeConfirmPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} link={link} />);
});

/** Withdraws only when confirmed; an unconfirmed post is asked again. */
links.post('/links/:id/revoke', async (c) => {
  const where = await scope(c);
  const link = await visibleLink(c, where, c.req.param('id'));
  if ((await readForm(c)).get('confirm')?.[0] !== 'yes') return redirect(c, `${where.base}/links/${link.id}/revoke`);
  await revokeLink(where.database, where.municipality, link, c.var.staff!.person.id, 'web', c.var.now);
  return redirect(c, `${where.base}/links/${link.id}`);
});

/**
 * "Answer together with the child": the form opens on the staff member's own device as a draft
 * of this link, and the response records that it was assisted and the helper's role.
 */
links.post('/links/:id/assist', async (c) => {
  const where = await scope(c);
  const link = await visibleLink(c, where, c.req.param('id'));
  const body = await readForm(c);
  const role = body.get('role')?.[0] ?? '';
  const current = currentForm(link.formId);
  if (!isHelperRole(role) || !current) {
    return page(c, <LinkDetailPage forms={formChoices} ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} link={link} status={linkStatus(link, c.var.now)} assistError={c.var.ui.t('links.assist.error')} />, 422);
  }
  const refusal = linkRefusal(link, c.var.now);
  if (refusal) refuse(refusal);
  const audit = new Audit(where.database).record({ municipalityId: where.municipality.id, at: c.var.now, personId: c.var.staff!.person.id, action: 'link.assist', targetType: 'link', targetId: link.id, via: 'web' });
  return redirect(c, await startLinkDraft(c, where.database, where.municipality, link, current, { assistedRole: role, alongside: [audit] }));
});

/** An identifiable answer, through a link the person may see, audited as a view or a download. */
async function readableResponse(c: C, where: StaffScope, action: 'response.view' | 'response.download') {
  const reader = { actor: c.var.staff!.person.id, via: 'web' as const, action, maySee: (link: FormLink) => canSeeLink(staffActor(c.var.staff!), where.municipality, link) };
  const read = await readResponse(where.database, await keyringFor(c.env), where.municipality, c.req.param('id') ?? '', reader, c.var.now);
  const unitName = read.link.unitId ? (await c.var.directory.units(where.municipality.id)).find((unit) => unit.id === read.link.unitId)?.name : undefined;
  return {
    ...read,
    facts: responseFacts(c.var.ui, { municipality: where.municipality, unitName, ...read }),
    sections: responseDocument(journeyOf(read.form, read.response.answers), c.var.ui.lang, c.var.ui.t),
  };
}

links.get('/responses/:id', async (c) => {
  const where = await scope(c);
  const { response, link, form, facts, sections } = await readableResponse(c, where, 'response.view');
  return page(c, <ResponsePage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} link={link} response={response} form={form} facts={facts} sections={sections} />);
});

/** The same answer as a PDF for the case file. */
links.get('/responses/:id/pdf', async (c) => {
  const where = await scope(c);
  const { response, form, facts, sections } = await readableResponse(c, where, 'response.download');
  const pdf = await responsePdf(c.var.ui, { title: localized(c.var.ui, form.title).text, facts, sections });
  return c.body(pdf, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${response.reference}.pdf"` });
});
