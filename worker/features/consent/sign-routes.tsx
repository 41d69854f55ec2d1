/** Where a signer's personal link opens (`/c/:municipality/:token`): the consent to read and sign. */
import { Hono, type Context } from 'hono';
import { isLanguage, type Language } from '../../core/language.ts';
import { isoToday } from '../../core/i18n/format.ts';
import { translator } from '../../core/i18n/translate.ts';
import { refuse } from '../../core/refusals.ts';
import { readPage, unknownFields } from '../../engine/page-input.ts';
import type { AppEnv } from '../../platform/env.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { rateLimit } from '../../platform/middleware/rate-limit/index.ts';
import { page, redirect } from '../../platform/render.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { codeEntry, Links, linkRefusal, linkTokenHash } from '../links/index.ts';
import { SigningPage, type SigningQuestion } from '../../../web/consent/sign.tsx';
import { SignedPage } from '../../../web/consent/receipt.tsx';
import { open } from '../../core/sealed.ts';
import { keyringFor } from '../../platform/keys.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';
import { consentState } from './state.ts';
import { receiptJson, Receipts, withdrawalCodeContext } from './receipt.ts';
import { signedPdf } from './receipt-pdf.ts';
import { withdraw } from './withdraw.ts';
import { consentForm } from './form.ts';
import { Consents, termsOf } from './repository.ts';
import { signConsent, signingRefusal } from './sign.ts';
import { asOnePage, choicesOf, servicesFor, signingSections } from './signing-form.ts';
import type { Raw } from '../../engine/questions/kind.ts';
import type { Page } from '../../engine/schema.ts';
import type { SignerRole } from './vocabulary.ts';
import { privacyPath } from '../../core/municipality.ts';

type C = Context<AppEnv>;

export const signing = new Hono<AppEnv>();
// The short address a letter gives, where the link's code is typed in.
signing.route('/', codeEntry('/c'));
// `/*` matches the link's own address too, so one limit counts every request once.
signing.use('/:municipality/:token/*', rateLimit({ bucket: 'consent-link', limit: 60, windowSeconds: 600 }));

/** Fields of the page itself, besides the questions: whose link it is, and what version was shown. */
const CONTROL = ['signer', 'version'];

/** The signer this link belongs to, and nobody else: the link decides who signs, never the page. */
async function signerOfLink(c: C) {
  const { directory, openDatabase, now } = c.var;
  const hash = await linkTokenHash(c.req.param('token') ?? '');
  const municipality = hash ? await directory.municipality(c.req.param('municipality') ?? '') : undefined;
  const database = municipality && openDatabase(municipality);
  const link = database && hash && (await new Links(database).byToken(hash));
  const signer = link && (await new Consents(database).signerByLink(link.id));
  const record = signer && (await new Consents(database).record(municipality.id, signer.consentId));
  if (!municipality || !database || !link || !signer || !record || link.municipalityId !== municipality.id) refuse('linkNotFound');
  // The link's language, unless the signer chose another on this page.
  const lang: Language = isLanguage(c.req.query('lang')) ? c.var.ui.lang : isLanguage(link.language) ? link.language : municipality.writtenStandard;
  c.set('ui', { lang, t: translator(lang) });
  const refusal = linkRefusal(link, now);
  if (refusal) refuse(refusal);
  const sections = signingSections(consentForm(signer.role).definition, servicesFor(termsOf(record).signers.find((entry) => entry.id === signer.id)!, record.consent.services));
  return { municipality, database, link, signer, record, sections, lang };
}

const versionOf = (where: { record: { consent: { serviceListVersion: number } }; signer: { role: SignerRole } }) => `${consentForm(where.signer.role).version}.${where.record.consent.serviceListVersion}`;

function signingPage(c: C, where: Awaited<ReturnType<typeof signerOfLink>>, raw: Record<string, Raw> = {}, errors: Map<string, string> = new Map(), status: 200 | 422 = 200) {
  const sections = where.sections.map((section: Page) => ({
    title: section.title,
    questions: section.questions.map((question): SigningQuestion => ({ question, raw: raw[question.id] ?? {}, error: errors.get(question.id) })),
  }));
  return page(
    c,
    <SigningPage ui={c.var.ui} owner={where.municipality.name} form={consentForm(where.signer.role).definition} sections={sections} action={c.req.path} signerId={where.signer.id} version={versionOf(where)} role={where.signer.role} scope={where.signer.scope} privacyHref={privacyPath(where.municipality.id)} />,
    status,
  );
}

signing.get('/:municipality/:token', async (c) => {
  const where = await signerOfLink(c);
  const refusal = signingRefusal(where.record, where.signer, c.var.now);
  if (refusal === 'consentAlreadySigned') return signedPage(c, where);
  if (refusal) refuse(refusal);
  return signingPage(c, where);
});

type Where = Awaited<ReturnType<typeof signerOfLink>>;
const basePath = (c: C) => `/c/${c.req.param('municipality')}/${c.req.param('token')}`;

/** After signing: the receipt again, with its withdrawal code, and withdrawal of what is still approved. */
async function signedPage(c: C, where: Where, error?: string, status: 200 | 422 = 200) {
  const receipt = await new Receipts(where.database).bySigner(where.signer.id);
  const keyring = await keyringFor(c.env);
  const state = consentState(termsOf(where.record), where.record.events, c.var.now);
  const withdrawable = where.record.consent.services.filter((service) => state.services[service.id]?.decisions[where.signer.id] === 'approve');
  const withdrawn = Object.values(state.services).some((service) => service.decisions[where.signer.id] === 'withdrawn');
  const view = receipt && { id: receipt.id, code: await open(keyring, receipt.sealedWithdrawalCode, withdrawalCodeContext(receipt.id)), signedAt: receipt.issuedAt, textHash: JSON.parse(receipt.payload).medvirk.textHash as string };
  return page(c, <SignedPage ui={c.var.ui} owner={where.municipality.name} privacyHref={privacyPath(where.municipality.id)} base={basePath(c)} codeHref={`/receipts/${where.municipality.id}/withdraw`} receipt={view} withdrawable={withdrawable} withdrawn={withdrawn} error={error} />, status);
}

async function signedReceipt(c: C, where: Where) {
  return (await new Receipts(where.database).bySigner(where.signer.id)) ?? refuse('notFound');
}

signing.get('/:municipality/:token/receipt.json', async (c) => {
  const where = await signerOfLink(c);
  const receipt = await signedReceipt(c, where);
  return c.json(receiptJson(receipt), 200, { 'content-disposition': `attachment; filename="${receipt.id}.json"` });
});

/** A PDF of exactly what was signed: the sealed document, not the form as it reads today. */
signing.get('/:municipality/:token/receipt.pdf', async (c) => {
  const where = await signerOfLink(c);
  const receipt = await signedReceipt(c, where);
  const pdf = await signedPdf(await keyringFor(c.env), where.database, receipt);
  return c.body(pdf, 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${receipt.id}.pdf"` });
});

signing.post('/:municipality/:token/withdraw', async (c) => {
  const where = await signerOfLink(c);
  const service = (await readForm(c)).get('service')?.[0] ?? '';
  const known = service === 'all' || where.record.consent.services.some((entry) => entry.id === service);
  if (!known) return signedPage(c, where, c.var.ui.t('consent.withdraw.unknownService'), 422);
  await withdraw(where.database, where.municipality, where.record, { signerId: where.signer.id, service: service === 'all' ? null : service, by: `signer:${where.signer.id}`, via: 'web' }, publicOrigin(c.env, c.req.url), c.var.now);
  deliverSoon(c.executionCtx, c.env, where.database.binding, c.var.now);
  return redirect(c, basePath(c));
});

signing.post('/:municipality/:token', async (c) => {
  const where = await signerOfLink(c);
  const body = await readForm(c);
  // Another signer's id in the page: one guardian's link never signs for the other.
  if (body.get('signer')?.[0] !== where.signer.id) refuse('consentWrongSigner');
  const refusal = signingRefusal(where.record, where.signer, c.var.now);
  if (refusal) refuse(refusal);
  if (body.get('version')?.[0] !== versionOf(where)) refuse('consentServicesChanged');
  const questions = new Map([...body].filter(([name]) => !CONTROL.includes(name)));
  const form = consentForm(where.signer.role).definition;
  const onePage = asOnePage(where.sections);
  if (unknownFields(form, onePage, questions).length) refuse('consentServicesChanged');
  const input = readPage(form, onePage, {}, questions, isoToday(c.var.now), 'strict');
  if (input.errors.length) {
    const errors = new Map(input.errors.map(({ question, error }) => [question.id, c.var.ui.t(`errors.${error.key}`, error.params)]));
    return signingPage(c, where, input.raw, errors, 422);
  }
  const services = where.record.consent.services.filter((service) => where.sections.some((section) => section.questions.some((question) => question.id === `service-${service.id}`)));
  await signConsent(c.env, where.database, where.municipality, where.record, where.signer, where.sections, where.lang, choicesOf(input.answers, services), publicOrigin(c.env, c.req.url), c.var.now);
  return redirect(c, c.req.path);
});
