/**
 * The JSON API for case-management systems: the link actions of the staff pages, for a
 * token an admin issued. Described by `api/openapi.ts`; every route here must be there too.
 */
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import { canSeeLink, senderUnit, visibleLinks } from '../../core/policy.ts';
import * as v from 'valibot';
import { apiAbility, apiAuth, perTokenLimit } from './auth.ts';
import type { ApiEnv } from './env.ts';
import { jsonPostsOnly, readJsonObject } from './json-body.ts';
import { apiLanguage } from './language.ts';
import { LIST_LIMIT } from './limits.ts';
import { openApiDocument } from './openapi.ts';
import { formJson, linkJson, responseJson } from './present.ts';
import { problemsOf } from './problems.ts';
import { LINKABLE_FORMS, linkMaker, Links, linkStatus, makeLink, NewLinkInput, revokeLink, type FormLink } from '../links/index.ts';
import { readResponse, Responses } from '../respond/index.ts';
import { Assessments, assessmentForm, canSeeRecord, caseLinks, caseReferenceOf, currentAnswers } from '../assessment/index.ts';
import { Reviews } from '../cases/index.ts';
import { checkCase, publishedKeys, verifyReceipt } from '../consent/index.ts';
import { Audit } from '../audit/index.ts';
import { closedPublication, insightRoundSummaries, roundJson } from '../insight/index.ts';
import { journeyOf } from '../../engine/journey.ts';
import { responseDocument } from '../../engine/output.ts';
import { keyringFor } from '../../platform/keys.ts';
import { assessmentDocumentJson, assessmentJson, caseResponseJson } from './present-case.ts';
import { LINK_STATUSES } from '../../core/vocabulary.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';

type C = Context<ApiEnv>;

const ListQuery = v.object({
  status: v.optional(v.picklist(LINK_STATUSES, 'status')),
  form: v.optional(NewLinkInput.entries.form),
  caseReference: v.optional(NewLinkInput.entries.caseReference),
});

const invalid = (c: C, issues: readonly v.BaseIssue<unknown>[]) =>
  c.json({ error: 'invalid', message: c.var.ui.t('http.badRequest.title'), problems: problemsOf(issues, c.var.ui.t) }, 400);

/** A link of this municipality, or 404: another municipality's link is not confirmed to exist. */
async function ownLink(c: C, id: string) {
  const link = await new Links(c.var.database).byId(id);
  if (!link || !canSeeLink(c.var.actor, c.var.municipality, link)) refuse('notFound');
  return link;
}

export const api = new Hono<ApiEnv>();
api.use('*', apiLanguage(), jsonPostsOnly());
api.get('/openapi.json', (c) => c.json(openApiDocument));
api.use('/municipalities/:municipality/*', apiAuth(), perTokenLimit());
// User insight is the planners' (and admins'): published figures only, never an answer.
api.use('/municipalities/:municipality/insight/*', apiAbility('insight'));

// The public keys that sign a municipality's consent receipts, retired ones included (a JWK set).
api.get('/consent-keys/:municipality', async (c) => {
  const municipality = (await c.var.directory.municipality(c.req.param('municipality'))) ?? refuse('notFound');
  return c.json(await publishedKeys(c.var.openDatabase(municipality), municipality.id));
});

// Anyone holding a receipt may ask whether it is genuine and still in force; it names no person.
api.post('/consent-receipts/check', async (c) => {
  const result = await verifyReceipt({ municipality: (id) => c.var.directory.municipality(id), open: (municipality) => c.var.openDatabase(municipality) }, await readJsonObject(c), c.var.now);
  return c.json(result.genuine ? { ...result, issuedAt: result.issuedAt.toISOString() } : result);
});

// The forms a link can be made for (anonymous forms cannot be sent by personal link).
api.get('/municipalities/:municipality/forms', (c) => c.json({ forms: LINKABLE_FORMS.map(formJson) }));

api.post('/municipalities/:municipality/links', async (c) => {
  const { municipality, database, actor, now } = c.var;
  const body = await readJsonObject(c);
  // Every field present, so a missing one is reported by its own schema, with its own message.
  const fields = Object.fromEntries(Object.keys(NewLinkInput.entries).map((key) => [key, body[key]]));
  const parsed = v.safeParse(NewLinkInput, fields);
  if (!parsed.success) return invalid(c, parsed.issues);
  const maker = await linkMaker(c.var.directory, municipality.id, { id: actor.id, unitId: senderUnit(actor.memberships, municipality.id), via: 'api' });
  const { link, url, queued } = await makeLink(database, municipality, maker, parsed.output, publicOrigin(c.env, c.req.url), now);
  if (queued) deliverSoon(c.executionCtx, c.env, database.binding, now);
  c.header('location', `/api/v1/municipalities/${municipality.id}/links/${link.id}`);
  // The only time the address is given out: only its hash is stored.
  return c.json({ ...linkJson(link, now), url }, 201);
});

api.get('/municipalities/:municipality/links', async (c) => {
  const { municipality, database, actor, now } = c.var;
  const present = Object.fromEntries(Object.entries(c.req.query()).filter(([, value]) => value !== ''));
  const parsed = v.safeParse(ListQuery, present);
  if (!parsed.success) return invalid(c, parsed.issues);
  const { status, form, caseReference } = parsed.output;
  const rows = await new Links(database).list(municipality.id, { visibleTo: visibleLinks(actor, municipality), formId: form, caseReference }, LIST_LIMIT);
  // The store searches case references by part; a system asks for its own reference exactly.
  const links = rows.filter((link) => (!caseReference || link.caseReference === caseReference) && (!status || linkStatus(link, now) === status));
  return c.json({ links: links.map((link) => linkJson(link, now)) });
});

api.get('/municipalities/:municipality/links/:id', async (c) => c.json(linkJson(await ownLink(c, c.req.param('id')), c.var.now)));

api.post('/municipalities/:municipality/links/:id/revoke', async (c) => {
  const { municipality, database, actor, now } = c.var;
  const link = await ownLink(c, c.req.param('id'));
  await revokeLink(database, municipality, link, actor.id, 'api', now);
  return c.json(linkJson((await new Links(database).byId(link.id)) ?? link, now));
});

/** An identifiable answer: only through a link of this municipality, and every read is audited. */
api.get('/municipalities/:municipality/responses/:id', async (c) => {
  const { municipality, database, actor, now, ui } = c.var;
  const reader = { actor: actor.id, via: 'api' as const, action: 'response.view' as const, maySee: (link: FormLink) => canSeeLink(actor, municipality, link) };
  const { response, form } = await readResponse(database, await keyringFor(c.env), municipality, c.req.param('id'), reader, now);
  return c.json(responseJson(response, form, ui));
});

const CheckQuery = v.object({ caseReference: NewLinkInput.entries.caseReference, service: v.pipe(v.string('service'), v.minLength(1, 'service')) });

/** "May service X share information about case R now?", the same answer the staff page gives; audited. */
api.get('/municipalities/:municipality/consents/check', async (c) => {
  const { municipality, database, actor, now, ui } = c.var;
  const parsed = v.safeParse(CheckQuery, { caseReference: c.req.query('caseReference') ?? '', service: c.req.query('service') ?? '' });
  if (!parsed.success) return invalid(c, parsed.issues);
  const verdict = await checkCase(database, municipality.id, parsed.output.caseReference, parsed.output.service, now);
  await database.commit([new Audit(database).record({ municipalityId: municipality.id, at: now, personId: actor.id, action: 'consent.check', targetType: 'case', targetId: parsed.output.caseReference, via: 'api' })]);
  return c.json({ answer: verdict.answer, reason: verdict.reason, message: ui.t(`consent.reasons.${verdict.reason}`), until: verdict.until?.toISOString() ?? null, subjects: verdict.subjects ?? [] });
});

/** A case's child's-voice responses (state only, never the answers: those are read one at a time above). */
api.get('/municipalities/:municipality/cases/:caseReference/responses', async (c) => {
  const { municipality, database, actor } = c.var;
  const links = await caseLinks(database, municipality, actor, caseReferenceOf(c.req.param('caseReference')));
  const responses = await new Responses(database).summaries(links.flatMap((link) => (link.responseId ? [link.responseId] : [])));
  const reviews = await new Reviews(database).of(responses.map((response) => response.id));
  const firstReview = (id: string) => reviews.filter((review) => review.responseId === id).map((review) => review.reviewedAt).sort((a, b) => a.getTime() - b.getTime())[0];
  return c.json({ responses: responses.map((response) => caseResponseJson(response, firstReview(response.id))) });
});

api.get('/municipalities/:municipality/cases/:caseReference/assessments', async (c) => {
  const { municipality, database, actor } = c.var;
  const assessments = await new Assessments(database).forCase(municipality.id, caseReferenceOf(c.req.param('caseReference')));
  return c.json({ assessments: assessments.filter((assessment) => canSeeRecord(actor, municipality, assessment)).map(assessmentJson) });
});

/** One assessment with its current document; every read is audited. */
api.get('/municipalities/:municipality/assessments/:id', async (c) => {
  const { municipality, database, actor, now, ui } = c.var;
  const assessments = new Assessments(database);
  const assessment = await assessments.byId(c.req.param('id'));
  if (!assessment || !canSeeRecord(actor, municipality, assessment)) refuse('notFound');
  const answers = await currentAnswers(database, await keyringFor(c.env), assessment);
  await database.commit([new Audit(database).record({ municipalityId: municipality.id, at: now, personId: actor.id, action: 'assessment.view', targetType: 'assessment', targetId: assessment.id, via: 'api' })]);
  const sections = responseDocument(journeyOf(assessmentForm(), answers), ui.lang, ui.t);
  return c.json(assessmentDocumentJson(assessment, sections, await assessments.versions(assessment.id), ui));
});

/** The municipality's user-insight rounds, newest first, with their status. */
api.get('/municipalities/:municipality/insight/rounds', async (c) => c.json({ rounds: await insightRoundSummaries(c.var.database, c.var.municipality.id, c.var.now) }));

/** A closed round's published figures, the same as the JSON download: every hidden cell stays hidden; audited. */
api.get('/municipalities/:municipality/insight/rounds/:id/results', async (c) => {
  const { municipality, database, actor, now } = c.var;
  const { published, quotes } = await closedPublication(database, municipality, c.req.param('id'), now, { previous: false });
  await database.commit([new Audit(database).record({ municipalityId: municipality.id, at: now, personId: actor.id, action: 'round.results', targetType: 'round', targetId: published.round.id, via: 'api' })]);
  return c.body(roundJson(published, quotes), 200, { 'content-type': 'application/json; charset=utf-8' });
});
