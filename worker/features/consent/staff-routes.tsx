/** Staff pages for consents: start one, make each signer's link, the register, the check, withdrawal, countersigning. */
import type { AuditAction } from '../../core/vocabulary.ts';
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import { fieldErrors } from '../../core/i18n/field-errors.ts';
import { isLanguage } from '../../core/language.ts';
import { refuse } from '../../core/refusals.ts';
import { may, senderUnit } from '../../core/policy.ts';
import { translator } from '../../core/i18n/translate.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { staffScope, type StaffScope } from '../../platform/middleware/municipality/index.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { page, redirect } from '../../platform/render.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';
import { Audit } from '../audit/index.ts';
import { linkMaker, qrDataUrl } from '../links/index.ts';
import { requireAbility, type StaffEnv } from '../staff/index.ts';
import { ConsentCheckPage, ConsentListPage, ConsentRegisterPage, NewConsentPage, ServiceListPage, type NewConsentValues } from '../../../web/consent/staff.tsx';
import { MAX_SERVICES } from './services.ts';
import { readRows, rowsOf, serviceListFrom } from './service-list-form.ts';
import type { ServiceFieldError, ServiceRow } from '../../../web/consent/records.ts';
import { LinkCreatedPage } from '../../../web/staff/links.tsx';
import { registerView } from './present.ts';
import { Consents } from './repository.ts';
import { checkCase } from './lookups.ts';
import { countersign, makeSignerLink, NewConsentInput, registerWithdrawal, StaffWithdrawal, startConsent } from './staff-commands.ts';

type C = Context<StaffEnv>;

export const consentStaff = new Hono<StaffEnv>();
// Only its own paths: the sub-app is mounted at the municipality's root beside other features.
for (const path of ['/consents', '/consents/*']) consentStaff.use(path, requireAbility('consents'));

const maker = (c: C, where: StaffScope) => ({ id: c.var.staff!.person.id, unitId: senderUnit(c.var.staff!.memberships, where.municipality.id), via: 'web' as const });
const audit = (c: C, where: StaffScope, action: AuditAction, targetType: string, targetId: string) =>
  new Audit(where.database).record({ municipalityId: where.municipality.id, at: c.var.now, personId: c.var.staff!.person.id, action, targetType, targetId, via: 'web' });

/** A consent of this municipality, or 404; reading it is audited before the page is shown. */
async function consentRecord(c: C, where: StaffScope) {
  return (await new Consents(where.database).record(where.municipality.id, c.req.param('id') ?? '')) ?? refuse('notFound');
}

const caseReference = (value: string | undefined) => {
  const parsed = v.safeParse(NewConsentInput.entries.caseReference, value ?? '');
  return parsed.success ? parsed.output : undefined;
};

consentStaff.get('/consents', async (c) => {
  const where = await staffScope(c);
  const q = caseReference(c.req.query('case'));
  const repository = new Consents(where.database);
  const rows = q ? await repository.byCase(where.municipality.id, q) : await repository.latest(where.municipality.id, 100);
  return page(c, <ConsentListPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} rows={rows} query={q ?? ''} isAdmin={may(c.var.staff!.memberships, 'administer', where.municipality.id)} />);
});

const newPage = async (c: C, where: StaffScope, values: NewConsentValues, errors: Record<string, string>, status: 200 | 422 = 200) => {
  const list = await new Consents(where.database).serviceList(where.municipality.id);
  return page(c, <NewConsentPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} services={list.services} listVersion={list.version} values={values} errors={errors} />, status);
};

consentStaff.get('/consents/new', async (c) => {
  const where = await staffScope(c);
  return newPage(c, where, { caseReference: c.req.query('case') ?? '', services: [], guardians: '2', childAge: '' }, {});
});

consentStaff.post('/consents', async (c) => {
  const where = await staffScope(c);
  const body = await readForm(c);
  const values = { caseReference: body.get('caseReference')?.[0] ?? '', services: body.get('services') ?? [], guardians: body.get('guardians')?.[0] ?? '', childAge: body.get('childAge')?.[0] ?? '' };
  const parsed = v.safeParse(NewConsentInput, { ...values, listVersion: body.get('listVersion')?.[0] ?? '' });
  if (!parsed.success) {
    const errors = fieldErrors(c.var.ui.t, 'consent.errors', parsed.issues);
    if (errors.listVersion) refuse('consentServicesChanged');
    return newPage(c, where, values, errors, 422);
  }
  const list = await new Consents(where.database).serviceList(where.municipality.id);
  const consent = await startConsent(where.database, where.municipality, maker(c, where), parsed.output, list, c.var.now);
  return redirect(c, `${where.base}/consents/${consent.id}`);
});

/** "May service X share information about case R now?" Audited, since it tells about a case. */
consentStaff.get('/consents/check', async (c) => {
  const where = await staffScope(c);
  const q = caseReference(c.req.query('case'));
  const service = c.req.query('service') ?? '';
  const list = await new Consents(where.database).serviceList(where.municipality.id);
  if (!q || !service) return page(c, <ConsentCheckPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} services={list.services} query={{ case: c.req.query('case') ?? '', service }} />);
  const verdict = await checkCase(where.database, where.municipality.id, q, service, c.var.now);
  await where.database.commit([audit(c, where, 'consent.check', 'case', q)]);
  return page(c, <ConsentCheckPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} services={list.services} query={{ case: q, service }} verdict={verdict} />);
});

/** The admin's service list, one group of fields per service; each save a new version, and a consent keeps the version it was started on. */
const servicesPage = async (c: C, where: StaffScope, rows?: ServiceRow[], errors: ServiceFieldError[] = []) => {
  const list = await new Consents(where.database).serviceList(where.municipality.id);
  return page(c, <ServiceListPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} version={list.version} rows={rows ?? rowsOf(list.services)} errors={errors} />, errors.length ? 422 : 200);
};

consentStaff.get('/consents/services', requireAbility('administer'), async (c) => servicesPage(c, await staffScope(c)));

consentStaff.post('/consents/services', requireAbility('administer'), async (c) => {
  const where = await staffScope(c);
  const body = await readForm(c);
  const consents = new Consents(where.database);
  const current = await consents.serviceList(where.municipality.id);
  // Saved from an older version: someone else changed the list meanwhile.
  if (body.get('version')?.[0] !== String(current.version)) refuse('consentServicesChanged');
  const rows = readRows(body, MAX_SERVICES + 1);
  const result = serviceListFrom(rows);
  if ('errors' in result) return servicesPage(c, where, rows, result.errors);
  const version = current.version + 1;
  await where.database.commit([
    consents.addServiceList(where.municipality.id, version, result.services, c.var.staff!.person.id, c.var.now),
    audit(c, where, 'consent.services', 'service-list', String(version)),
  ]);
  return redirect(c, `${where.base}/consents/services`);
});

consentStaff.get('/consents/:id', async (c) => {
  const where = await staffScope(c);
  const record = await consentRecord(c, where);
  const signatures = await new Consents(where.database).signatures(record.consent.id);
  await where.database.commit([audit(c, where, 'consent.view', 'consent', record.consent.id)]);
  return page(c, <ConsentRegisterPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} view={await registerView(c.env, record, signatures, c.var.now)} />);
});

consentStaff.post('/consents/:id/signers/:signer/link', async (c) => {
  const where = await staffScope(c);
  const record = await consentRecord(c, where);
  const language = (await readForm(c)).get('language')?.[0];
  const lang = isLanguage(language) ? language : where.municipality.writtenStandard;
  const sender = await linkMaker(c.var.directory, where.municipality.id, maker(c, where));
  const { link, url, message } = await makeSignerLink(where.database, where.municipality, sender, record, c.req.param('signer'), lang, publicOrigin(c.env, c.req.url), c.var.now);
  return page(c, <LinkCreatedPage ui={c.var.ui} letterUi={{ lang, t: translator(lang) }} name={c.var.staff!.person.name} base={where.base} url={url} qr={qrDataUrl(url)} letter={message} linkId={link.id} sent={false} />);
});

consentStaff.post('/consents/:id/withdraw', async (c) => {
  const where = await staffScope(c);
  const record = await consentRecord(c, where);
  const body = await readForm(c);
  const parsed = v.safeParse(StaffWithdrawal, { signer: body.get('signer')?.[0] ?? '', service: body.get('service')?.[0] ?? '', note: body.get('note')?.[0] ?? '' });
  if (!parsed.success) {
    const signatures = await new Consents(where.database).signatures(record.consent.id);
    const errors = fieldErrors(c.var.ui.t, 'consent.errors', parsed.issues);
    return page(c, <ConsentRegisterPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} view={await registerView(c.env, record, signatures, c.var.now)} withdrawErrors={errors} />, 422);
  }
  await registerWithdrawal(where.database, where.municipality, c.var.staff!.person.id, record, parsed.output, publicOrigin(c.env, c.req.url), c.var.now);
  deliverSoon(c.executionCtx, c.env, where.database.binding, c.var.now);
  return redirect(c, `${where.base}/consents/${record.consent.id}`);
});

consentStaff.post('/consents/:id/countersign', async (c) => {
  const where = await staffScope(c);
  const record = await consentRecord(c, where);
  await countersign(where.database, where.municipality, c.var.staff!.person.id, record, c.var.now);
  return redirect(c, `${where.base}/consents/${record.consent.id}`);
});
