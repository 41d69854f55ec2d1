/** Admin pages of a municipality: who has which role, settings and units, case settings, the audit log, and API tokens. */
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import { fieldErrors } from '../../core/i18n/field-errors.ts';
import * as v from 'valibot';
import type { StaffEnv } from '../staff/index.ts';
import { toCsv } from '../../core/csv.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { page, redirect } from '../../platform/render.ts';
import { staffScope } from '../../platform/middleware/municipality/index.ts';
import { requireAbility } from '../staff/index.ts';
import { ApiTokens } from '../api/index.ts';
import { Reviews } from '../cases/index.ts';
import { ROLES, UNIT_KINDS } from '../../core/vocabulary.ts';
import type { Municipality } from '../../core/municipality.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';
import type { Statement } from '../../platform/storage/database.ts';
import type { StaffScope } from '../../platform/middleware/municipality/index.ts';
import { Audit, type AuditEntry } from '../audit/index.ts';
import { auditSentences } from './audit-rows.ts';
import { AuditPage, CaseSettingsPage, PeoplePage, SettingsPage, TokensPage, type PersonValues, type SettingsValues } from '../../../web/staff/admin.tsx';

type C = Context<StaffEnv>;

const Person = v.object({
  email: v.pipe(v.string(), v.trim(), v.toLowerCase(), v.email('email'), v.maxLength(254, 'email')),
  name: v.pipe(v.string(), v.trim(), v.minLength(1, 'name'), v.maxLength(120, 'name')),
  roles: v.array(v.picklist(ROLES, 'roles')),
  unit: v.string(),
});

const scope = (c: C) => staffScope(c, '/admin');

type Action = Pick<AuditEntry, 'action' | 'targetType' | 'targetId'>;
const entry = (c: C, municipality: Municipality, action: Action): AuditEntry => ({ municipalityId: municipality.id, at: c.var.now, personId: c.var.staff!.person.id, via: 'web', ...action });

/**
 * Commits a change to the directory (people, roles, units, settings, tokens) with its audit
 * entry in the same batch: the entry is kept in the directory database, beside the change.
 */
const commitDirectoryChange = (c: C, where: StaffScope, action: Action, statements: Statement[]) =>
  c.var.directory.database.commit([...statements, new Audit(c.var.directory.database).record(entry(c, where.municipality, action))]);

/** Records a read (an export) in the municipality's own log. */
const auditRead = (c: C, where: StaffScope, action: Action) => where.database.commit([new Audit(where.database).record(entry(c, where.municipality, action))]);

async function peoplePage(c: C, status: 200 | 400 | 422 = 200, values?: PersonValues, errors: Record<string, string> = {}) {
  const { municipality, base } = await scope(c);
  const [members, units] = await Promise.all([c.var.people.members(municipality.id), c.var.directory.units(municipality.id)]);
  return page(c, <PeoplePage ui={c.var.ui} name={c.var.staff!.person.name} base={base} municipality={municipality} members={members} units={units} values={values} errors={errors} />, status);
}

/** Reads the person form; an unknown unit is refused like any other bad field. */
async function readPerson(c: C, municipalityId: string) {
  const body = await readForm(c);
  const values: PersonValues = { email: body.get('email')?.[0] ?? '', name: body.get('name')?.[0] ?? '', roles: body.get('roles') ?? [], unit: body.get('unit')?.[0] ?? '' };
  const parsed = v.safeParse(Person, values);
  const errors: Record<string, string> = parsed.success ? {} : fieldErrors(c.var.ui.t, 'admin.people.errors', parsed.issues);
  const units = await c.var.directory.units(municipalityId);
  if (values.unit && !units.some((unit) => unit.id === values.unit)) errors.unit = c.var.ui.t('admin.people.errors.unit');
  return { values, errors, person: parsed.success ? parsed.output : undefined };
}

export const admin = new Hono<StaffEnv>();
admin.use('*', requireAbility('administer'));

admin.get('/people', (c) => peoplePage(c));

/** Invites someone (or changes the roles of someone already there), and tells them by e-mail. */
admin.post('/people', async (c) => {
  const where = await scope(c);
  const { municipality, base } = where;
  const { values, errors, person } = await readPerson(c, municipality.id);
  if (!person || Object.keys(errors).length) return peoplePage(c, 422, values, errors);
  if (person.roles.length === 0) return peoplePage(c, 422, values, { roles: c.var.ui.t('admin.people.errors.roles') });
  const invited = await c.var.people.findOrAdd(person.email, person.name, c.var.now);
  // Someone already here keeps a grant to read every answer; only their own form changes it.
  const readsAnswers = (await c.var.people.members(municipality.id)).some((member) => member.person.id === invited.id && member.readsAnswers);
  if (invited.id === c.var.staff!.person.id && !person.roles.includes('admin')) return peoplePage(c, 422, values, { roles: c.var.ui.t('admin.people.errors.selfLockout') });
  const t = c.var.ui.t;
  const invitation = { subject: t('mail.invite.subject'), body: t('mail.invite.body', { municipality: municipality.name, link: `${publicOrigin(c.env, c.req.url)}/staff/sign-in` }) };
  await commitDirectoryChange(c, where, { action: 'membership.set', targetType: 'person', targetId: invited.id }, [
    ...c.var.people.setRoles(invited.id, municipality.id, person.roles, person.unit || null, readsAnswers),
    enqueueMessage(c.var.directory.database.db, { municipalityId: municipality.id, channel: 'email', recipient: invited.email, ...invitation, subjectRef: `person:${invited.id}` }, c.var.now),
  ]);
  deliverSoon(c.executionCtx, c.env, c.env.DB, c.var.now);
  return redirect(c, `${base}/people`);
});

/** Changes a member's roles; no roles removes their access. Admins cannot remove their own admin role. */
admin.post('/people/:personId', async (c) => {
  const where = await scope(c);
  const { municipality, base } = where;
  const body = await readForm(c);
  const roles = v.safeParse(v.array(v.picklist(ROLES)), body.get('roles') ?? []);
  const unit = body.get('unit')?.[0] ?? '';
  const personId = c.req.param('personId');
  const member = (await c.var.people.members(municipality.id)).find((entry) => entry.person.id === personId);
  if (!member) refuse('notFound');
  if (!roles.success || (unit && !(await c.var.directory.units(municipality.id)).some((candidate) => candidate.id === unit))) refuse('badRequest');
  if (personId === c.var.staff!.person.id && !roles.output.includes('admin')) {
    return peoplePage(c, 422, undefined, { [`person-${personId}`]: c.var.ui.t('admin.people.errors.selfLockout') });
  }
  // Reading every answer is granted only with the admin role, and never by oneself.
  const readsAnswers = body.get('readsAnswers')?.[0] === 'yes' && roles.output.includes('admin');
  if (readsAnswers && !member.readsAnswers && personId === c.var.staff!.person.id) {
    return peoplePage(c, 422, undefined, { [`person-${personId}`]: c.var.ui.t('admin.people.errors.selfGrant') });
  }
  const action: Action = { action: roles.output.length ? 'membership.set' : 'membership.remove', targetType: 'person', targetId: personId };
  const statements = c.var.people.setRoles(personId, municipality.id, roles.output, unit || null, readsAnswers);
  if (readsAnswers !== member.readsAnswers) {
    // The grant has its own entry, so the log shows who let whom read every answer, and when.
    const grant: Action = { action: readsAnswers ? 'answers.grant' : 'answers.revoke', targetType: 'person', targetId: personId };
    statements.push(new Audit(c.var.directory.database).record(entry(c, municipality, grant)));
  }
  await commitDirectoryChange(c, where, action, statements);
  return redirect(c, `${base}/people`);
});

/** A whole number typed in a field, within its limits; any problem is reported as the field's own message key. */
const wholeNumber = (key: string, min: number, max: number) => v.pipe(v.string(), v.trim(), v.regex(/^\d{1,3}$/, key), v.transform(Number), v.minValue(min, key), v.maxValue(max, key));

/** A municipality's own settings; each field with its limits and a message key under admin.settings.errors. */
export const Settings = v.object({
  writtenStandard: v.picklist(['nb', 'nn'], 'writtenStandard'),
  // Udir publishes nothing below 5; KS allows 3 for staff units; never lower (docs: domain rules).
  suppressionThreshold: wholeNumber('suppressionThreshold', 3, 100),
  draftTtlDays: wholeNumber('draftTtlDays', 1, 90),
  responseRetentionMonths: wholeNumber('responseRetentionMonths', 6, 120),
  linkVisibility: v.picklist(['sender', 'unit'], 'linkVisibility'),
  // Shown on every child's page below Alarmtelefonen; empty shows Alarmtelefonen alone.
  helpContact: v.pipe(v.string(), v.trim(), v.maxLength(200, 'helpContact'), v.transform((text) => text || null)),
  // Named on the municipality's privacy page; empty says to contact the municipality.
  dpoContact: v.pipe(v.string(), v.trim(), v.maxLength(200, 'dpoContact'), v.transform((text) => text || null)),
});

admin.get('/settings', async (c) => {
  const { municipality, base } = await scope(c);
  const units = await c.var.directory.units(municipality.id);
  return page(c, <SettingsPage ui={c.var.ui} name={c.var.staff!.person.name} base={base} municipality={municipality} units={units} values={settingsValues(municipality)} errors={{}} saved={c.req.query('saved') === '1'} />);
});

/** A unit's contact for families, printed in its letters and messages; empty for none. */
const UnitContact = v.pipe(v.string(), v.trim(), v.maxLength(200, 'unitContact'), v.transform((text) => text || null));

const NewUnit = v.object({
  unitName: v.pipe(v.string(), v.trim(), v.minLength(1, 'unitName'), v.maxLength(120, 'unitName')),
  unitKind: v.picklist(UNIT_KINDS, 'unitKind'),
  unitContact: UnitContact,
});

/** A school, kindergarten, health station or other unit that staff belong to. */
admin.post('/units', async (c) => {
  const where = await scope(c);
  const { municipality, base } = where;
  const body = await readForm(c);
  const values = { unitName: body.get('unitName')?.[0] ?? '', unitKind: body.get('unitKind')?.[0] ?? '', unitContact: body.get('unitContact')?.[0] ?? '' };
  const parsed = v.safeParse(NewUnit, values);
  if (!parsed.success) {
    const errors = fieldErrors(c.var.ui.t, 'admin.units.errors', parsed.issues);
    const units = await c.var.directory.units(municipality.id);
    return page(c, <SettingsPage ui={c.var.ui} name={c.var.staff!.person.name} base={base} municipality={municipality} units={units} values={settingsValues(municipality)} unitValues={values} errors={errors} />, 422);
  }
  const { unit, statement } = c.var.directory.addUnit(municipality.id, parsed.output.unitName, parsed.output.unitKind, parsed.output.unitContact);
  await commitDirectoryChange(c, where, { action: 'unit.add', targetType: 'unit', targetId: unit.id }, [statement]);
  return redirect(c, `${base}/settings`);
});

/** A unit's contact for families. */
admin.post('/units/:unit', async (c) => {
  const where = await scope(c);
  const { municipality, base } = where;
  const units = await c.var.directory.units(municipality.id);
  const unit = units.find((candidate) => candidate.id === c.req.param('unit')) ?? refuse('notFound');
  const body = await readForm(c);
  const contact = v.safeParse(UnitContact, body.get('contact')?.[0] ?? '');
  if (!contact.success) {
    const errors = { [`contact-${unit.id}`]: c.var.ui.t('admin.units.errors.unitContact') };
    return page(c, <SettingsPage ui={c.var.ui} name={c.var.staff!.person.name} base={base} municipality={municipality} units={units} values={settingsValues(municipality)} errors={errors} />, 422);
  }
  await commitDirectoryChange(c, where, { action: 'unit.change', targetType: 'unit', targetId: unit.id }, [c.var.directory.setUnitContact(municipality.id, unit.id, contact.output)]);
  return redirect(c, `${base}/settings?saved=1`);
});

const settingsValues = (municipality: Municipality): SettingsValues => ({
  writtenStandard: municipality.writtenStandard,
  suppressionThreshold: String(municipality.suppressionThreshold),
  draftTtlDays: String(municipality.draftTtlDays),
  responseRetentionMonths: String(municipality.responseRetentionMonths),
  linkVisibility: municipality.linkVisibility,
  helpContact: municipality.helpContact ?? '',
  dpoContact: municipality.dpoContact ?? '',
});

admin.post('/settings', async (c) => {
  const where = await scope(c);
  const { municipality, base } = where;
  const body = await readForm(c);
  const values: SettingsValues = {
    writtenStandard: body.get('writtenStandard')?.[0] ?? '',
    suppressionThreshold: (body.get('suppressionThreshold')?.[0] ?? '').trim(),
    draftTtlDays: (body.get('draftTtlDays')?.[0] ?? '').trim(),
    responseRetentionMonths: (body.get('responseRetentionMonths')?.[0] ?? '').trim(),
    linkVisibility: body.get('linkVisibility')?.[0] ?? '',
    helpContact: body.get('helpContact')?.[0] ?? '',
    dpoContact: body.get('dpoContact')?.[0] ?? '',
  };
  const parsed = v.safeParse(Settings, values);
  if (!parsed.success) {
    const errors = fieldErrors(c.var.ui.t, 'admin.settings.errors', parsed.issues);
    const units = await c.var.directory.units(municipality.id);
    return page(c, <SettingsPage ui={c.var.ui} name={c.var.staff!.person.name} base={base} municipality={municipality} units={units} values={values} errors={errors} />, 422);
  }
  await commitDirectoryChange(c, where, { action: 'settings.change', targetType: 'municipality', targetId: municipality.id }, [c.var.directory.updateSettings(municipality.id, parsed.output)]);
  c.var.directory.forget(municipality.id);
  return redirect(c, `${base}/settings?saved=1`);
});

/** The case settings; each field's message key under admin.caseSettings.errors. */
const CaseSettings = v.object({
  // At least a working day to read it; beyond two weeks a flag no longer asks for haste.
  flagReviewWorkingDays: wholeNumber('flagReviewWorkingDays', 1, 10),
});

const caseSettingsPage = async (c: C, flagReviewWorkingDays?: string, error?: string) => {
  const { municipality, base, database } = await scope(c);
  const days = flagReviewWorkingDays ?? String(await new Reviews(database).reviewDays(municipality.id));
  const props = { ui: c.var.ui, name: c.var.staff!.person.name, base, municipality, flagReviewWorkingDays: days, error, saved: c.req.query('saved') === '1' };
  return page(c, <CaseSettingsPage {...props} />, error ? 422 : 200);
};

admin.get('/cases', (c) => caseSettingsPage(c));

/**
 * The case settings live in the municipality's own database, beside the cases they govern, so
 * the change and its audit entry are one batch there. No isolate keeps them: the next request
 * reads the new value, and there is no cache to clear.
 */
admin.post('/cases', async (c) => {
  const where = await scope(c);
  const values = { flagReviewWorkingDays: (await readForm(c)).get('flagReviewWorkingDays')?.[0] ?? '' };
  const parsed = v.safeParse(CaseSettings, values);
  if (!parsed.success) return caseSettingsPage(c, values.flagReviewWorkingDays, fieldErrors(c.var.ui.t, 'admin.caseSettings.errors', parsed.issues).flagReviewWorkingDays);
  await where.database.commit([
    new Reviews(where.database).setReviewDays(where.municipality.id, parsed.output.flagReviewWorkingDays),
    new Audit(where.database).record(entry(c, where.municipality, { action: 'caseSettings.change', targetType: 'municipality', targetId: where.municipality.id })),
  ]);
  return redirect(c, `${where.base}/cases?saved=1`);
});

const AUDIT_LIMIT = 500;

/**
 * Entries as sentences in the page's language (with the actor's name and the raw codes kept
 * for the CSV), newest first: the municipality's own log, and the directory's entries for it
 * when that is another database.
 */
async function auditRows(c: C, { municipality, database }: StaffScope) {
  const logs = municipality.database === 'DB' ? [database] : [database, c.var.directory.database];
  const [lists, members, tokens, units] = await Promise.all([
    Promise.all(logs.map((log) => new Audit(log).entries(municipality.id, AUDIT_LIMIT))),
    c.var.people.members(municipality.id),
    new ApiTokens(c.env.DB).list(municipality.id),
    c.var.directory.units(municipality.id),
  ]);
  const entries = lists.flat().sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, AUDIT_LIMIT);
  return auditSentences(database, entries, { t: c.var.ui.t, municipality, members, units, tokens });
}

admin.get('/audit', async (c) => {
  const where = await scope(c);
  return page(c, <AuditPage ui={c.var.ui} name={c.var.staff!.person.name} base={where.base} municipality={where.municipality} rows={await auditRows(c, where)} />);
});

/** The log as CSV for the municipality's records; the export is itself logged. */
admin.get('/audit.csv', async (c) => {
  const where = await scope(c);
  const { municipality } = where;
  await auditRead(c, where, { action: 'audit.export', targetType: 'audit_log', targetId: municipality.id });
  const rows = await auditRows(c, where);
  const lines = [['at', 'actor', 'action', 'target_type', 'target_id', 'via'], ...rows.map((row) => [row.at.toISOString(), row.actor, row.action, row.targetType, row.targetId, row.via])];
  return c.body(toCsv(lines), 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="audit-${municipality.id}.csv"`,
  });
});

const tokensPage = async (c: C, secret?: string, error?: string) => {
  const { municipality, base } = await scope(c);
  const tokens = await new ApiTokens(c.env.DB).list(municipality.id);
  return page(c, <TokensPage ui={c.var.ui} name={c.var.staff!.person.name} base={base} municipality={municipality} tokens={tokens} secret={secret} error={error} />, error ? 422 : 200);
};

admin.get('/tokens', (c) => tokensPage(c));

admin.post('/tokens', async (c) => {
  const where = await scope(c);
  const body = await readForm(c);
  const name = (body.get('name')?.[0] ?? '').trim();
  if (!name || name.length > 80) return tokensPage(c, undefined, c.var.ui.t('admin.tokens.nameError'));
  const { token, secret, statement } = await new ApiTokens(c.env.DB).issue(where.municipality.id, name, c.var.staff!.person.id, c.var.now);
  await commitDirectoryChange(c, where, { action: 'token.issue', targetType: 'api_token', targetId: token.id }, [statement]);
  // Shown once, in this answer only.
  return tokensPage(c, secret);
});

admin.post('/tokens/:id/revoke', async (c) => {
  const where = await scope(c);
  const id = c.req.param('id');
  const tokens = new ApiTokens(c.env.DB);
  // Unknown, another municipality's, or revoked already: nothing to change, nothing to audit.
  if (!(await tokens.list(where.municipality.id)).some((token) => token.id === id && !token.revokedAt)) refuse('notFound');
  await commitDirectoryChange(c, where, { action: 'token.revoke', targetType: 'api_token', targetId: id }, [tokens.revoke(id, where.municipality.id, c.var.now)]);
  return redirect(c, `${where.base}/tokens`);
});
