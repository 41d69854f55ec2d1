/**
 * Development only (`npm start`): a demo case whose consent one guardian has signed and the
 * other has not, so the signing, the register and the receipt check can be tried at once.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/env.ts';
import { isDevelopment } from '../../platform/mail/index.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { refuse } from '../../core/refusals.ts';
import { consentForm } from './form.ts';
import { Consents } from './repository.ts';
import { signConsent } from './sign.ts';
import { servicesFor, signingSections } from './signing-form.ts';
import { makeSignerLink, startConsent } from './staff-commands.ts';

/** A made-up number that passes both check digits (born 15 June 2015). */
const DEMO_CHILD_ID = '15061510092';

export const consentDemo = new Hono<AppEnv>();

consentDemo.post('/consent-demo', async (c) => {
  if (!isDevelopment(c.env)) return c.notFound();
  const municipality = (await c.var.directory.municipality('demo')) ?? refuse('notFound');
  const database = c.var.openDatabase(municipality);
  const { now } = c.var;
  const origin = publicOrigin(c.env, c.req.url);
  const maker = { id: 'demo-ansatt', unitId: 'demo-skole', via: 'web' as const };
  const consents = new Consents(database);
  const list = await consents.serviceList(municipality.id);
  const services = ['health-station', 'school', 'ppt', 'child-welfare'];
  const consent = await startConsent(database, municipality, maker, { caseReference: `DEMO-${now.getTime().toString(36).toUpperCase()}`, services, guardians: 2, childAge: 10, listVersion: list.version }, list, now);
  let record = (await consents.record(municipality.id, consent.id))!;
  const [first, second] = record.signers;
  const signed = await makeSignerLink(database, municipality, maker, record, first!.id, 'nb', origin, now);
  const pending = await makeSignerLink(database, municipality, maker, record, second!.id, 'nn', origin, now);
  record = (await consents.record(municipality.id, consent.id))!;
  const sections = signingSections(consentForm().definition, servicesFor(first!, record.consent.services));
  const decisions = { 'health-station': 'approve', school: 'approve', ppt: 'approve', 'child-welfare': 'decline' } as const;
  await signConsent(c.env, database, municipality, record, first!, sections, 'nb', { decisions, childName: 'Ola Demo', childNationalId: DEMO_CHILD_ID, subject: null, until: null, signature: { name: 'Kari Demo', confirmed: true } }, origin, now);
  return c.json({ caseReference: consent.caseReference, signed: signed.url, pending: pending.url, register: `${origin}/staff/m/demo/consents/${consent.id}`, receiptCheck: `${origin}/receipts/check` });
});
