/**
 * The planner's pages: rounds (plan, open links and posters, invited counts, closing), the
 * results of a closed round, and the quote queue. Planners and admins of the municipality in
 * the path only (`insight` in core/policy.ts); every change and every view of results is audited.
 */
import type { AuditAction } from '../../core/vocabulary.ts';
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import { translator } from '../../core/i18n/translate.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { INSIGHT_GROUPS, THEMES } from '../../core/vocabulary.ts';
import type { StaffEnv } from '../staff/index.ts';
import { requireAbility } from '../staff/index.ts';
import { Audit, type AuditEntry } from '../audit/index.ts';
import { qrDataUrl } from '../links/index.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { staffScope, type StaffScope } from '../../platform/middleware/municipality/index.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { currentForm } from '../../platform/forms.ts';
import { page, redirect } from '../../platform/render.ts';
import type { Statement } from '../../platform/storage/database.ts';
import { DashboardPage } from '../../../web/insight/dashboard.tsx';
import { DocumentPage } from '../../../web/insight/document.tsx';
import { QuotesPage } from '../../../web/insight/quotes.tsx';
import { NewRoundPage, PosterPage, RoundPage, RoundsPage } from '../../../web/insight/rounds.tsx';
import { checkRound, linksFor, readRoundValues, type RoundValues } from './create.ts';
import { roundCsv } from './download.ts';
import { Quotes, Rounds } from './repository.ts';
import { planDocument, rateViews } from './document.ts';
import { planDocx } from './docx.ts';
import { roundJson } from './json.ts';
import { closedPublication } from './publication.ts';
import type { Published } from './published.ts';
import type { Filters } from './results.ts';
import { optionText, questionView } from './views.ts';
import { roundXlsx } from './xlsx.ts';
import { MAX_LOCAL_QUESTIONS, roundStatus, surveyFormsFor, type Round } from './round.ts';
import type { RoundQuestion } from './specs.ts';

type C = Context<StaffEnv>;

export const insight = new Hono<StaffEnv>();
insight.use('*', requireAbility('insight'));

const scope = (c: C) => staffScope(c, '/insight');
const who = (c: C) => c.var.staff!.person;

const audited = (c: C, where: StaffScope, action: AuditAction, targetType: string, targetId: string, statements: Statement[] = []) =>
  where.database.commit([...statements, new Audit(where.database).record({ municipalityId: where.municipality.id, at: c.var.now, personId: who(c).id, action, targetType, targetId, via: 'web' } satisfies AuditEntry)]);

/** A round of this municipality, or 404 (another municipality's round is not confirmed to exist). */
async function roundIn(where: StaffScope, id: string) {
  const found = await new Rounds(where.database).byId(where.municipality.id, id);
  if (!found) refuse('roundNotFound');
  return found;
}

const summaryOf = (round: Round, now: Date) => ({ id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, status: roundStatus(round, now) });

insight.get('/', async (c) => {
  const where = await scope(c);
  const rounds = await new Rounds(where.database).list(where.municipality.id);
  return page(c, <RoundsPage ui={c.var.ui} name={who(c).name} base={where.base} rounds={rounds.map((round) => summaryOf(round, c.var.now))} />);
});

const formsByGroup = () => Object.fromEntries(INSIGHT_GROUPS.map((group) => [group, surveyFormsFor(group)]));
const emptyRound: RoundValues = { name: '', opensOn: '', closesOn: '', groups: [], forms: {}, units: [], local: [] };

async function newRoundPage(c: C, where: StaffScope, values: RoundValues, errors: Record<string, string> = {}, status: 200 | 422 = 200) {
  const units = await c.var.directory.units(where.municipality.id);
  const messages = Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, c.var.ui.t(`insight.errors.${key}`, { max: MAX_LOCAL_QUESTIONS })]));
  return page(
    c,
    <NewRoundPage ui={c.var.ui} name={who(c).name} base={where.base} standard={where.municipality.writtenStandard} units={units} forms={formsByGroup()} values={values} errors={messages} slots={Math.max(MAX_LOCAL_QUESTIONS, values.local.length)} />,
    status,
  );
}

insight.get('/rounds/new', async (c) => newRoundPage(c, await scope(c), emptyRound));

insight.post('/rounds', async (c) => {
  const where = await scope(c);
  const values = readRoundValues(await readForm(c));
  const units = (await c.var.directory.units(where.municipality.id)).map((unit) => unit.id);
  const { errors, round } = await checkRound(values, where.municipality.writtenStandard, units);
  if (!round) return newRoundPage(c, where, values, errors, 422);
  const id = crypto.randomUUID();
  const rounds = new Rounds(where.database);
  const statements = rounds.create({ ...round, id, municipalityId: where.municipality.id, closedAt: null, createdBy: who(c).id, createdAt: c.var.now }, linksFor(round.groups, values.units));
  await audited(c, where, 'round.create', 'round', id, statements);
  return redirect(c, `${where.base}/rounds/${id}`);
});

async function roundPage(c: C, where: StaffScope, id: string, invitedError?: { linkId: string; text: string }) {
  const { round, links } = await roundIn(where, id);
  const [units, pending] = await Promise.all([c.var.directory.units(where.municipality.id), new Quotes(where.database).list(round.id, ['pending'])]);
  const origin = publicOrigin(c.env, c.req.url);
  const views = links.map((link) => {
    const url = `${origin}/r/${where.municipality.id}/${link.code}`;
    return { id: link.id, unitName: units.find((unit) => unit.id === link.unitId)?.name ?? link.unitId, group: link.group, url, qr: qrDataUrl(url), invited: link.invited };
  });
  const summary = { ...summaryOf(round, c.var.now), localQuestions: round.localQuestions.length, groups: round.groups.map((entry) => entry.group) };
  return page(c, <RoundPage ui={c.var.ui} name={who(c).name} base={where.base} round={summary} links={views} pendingQuotes={pending.length} invitedError={invitedError} />, invitedError ? 422 : 200);
}

insight.get('/rounds/:id', async (c) => roundPage(c, await scope(c), c.req.param('id')));

/** The number invited per unit and group: whole numbers up to 100 000, or empty. */
insight.post('/rounds/:id/invited', async (c) => {
  const where = await scope(c);
  const { round, links } = await roundIn(where, c.req.param('id'));
  const body = await readForm(c);
  const counts = links.map((link) => ({ link, text: (body.get(`invited-${link.id}`)?.[0] ?? '').trim() }));
  const wrong = counts.find(({ text }) => text !== '' && !/^\d{1,6}$/.test(text));
  if (wrong) return roundPage(c, where, round.id, { linkId: wrong.link.id, text: c.var.ui.t('insight.errors.invited') });
  const rounds = new Rounds(where.database);
  await audited(c, where, 'round.invited', 'round', round.id, counts.map(({ link, text }) => rounds.setInvited(link.id, text === '' ? null : Number(text))));
  return redirect(c, `${where.base}/rounds/${round.id}`);
});

/** Closing ends answering at once; drafts of the round can no longer be sent. */
insight.post('/rounds/:id/close', async (c) => {
  const where = await scope(c);
  const { round } = await roundIn(where, c.req.param('id'));
  if ((await readForm(c)).get('confirm')?.[0] !== 'yes' || roundStatus(round, c.var.now) === 'closed') return redirect(c, `${where.base}/rounds/${round.id}`);
  await audited(c, where, 'round.close', 'round', round.id, [new Rounds(where.database).close(round.id, c.var.now)]);
  return redirect(c, `${where.base}/rounds/${round.id}`);
});

/** A poster for one open link, in the municipality's written standard whatever the planner reads in. */
insight.get('/rounds/:id/poster/:linkId', async (c) => {
  const where = await scope(c);
  const { round, links } = await roundIn(where, c.req.param('id'));
  const link = links.find((candidate) => candidate.id === c.req.param('linkId'));
  const form = link && currentForm(round.groups.find((entry) => entry.group === link.group)?.form ?? '');
  if (!link || !form) refuse('notFound');
  const units = await c.var.directory.units(where.municipality.id);
  const url = `${publicOrigin(c.env, c.req.url)}/r/${where.municipality.id}/${link.code}`;
  const lang = where.municipality.writtenStandard;
  return page(
    c,
    <PosterPage ui={{ lang, t: translator(lang) }} municipality={where.municipality.name} form={form.definition} url={url} qr={qrDataUrl(url)} unitName={units.find((unit) => unit.id === link.unitId)?.name ?? ''} closesOn={round.closesOn} back={`${where.base}/rounds/${round.id}`} />,
  );
});

/** The filters asked for, kept only where they name something the round has. */
function readFilters(c: C, published: Published): Filters {
  const { dimensions, backgrounds } = published.tables;
  const query = (name: string) => c.req.query(name) ?? '';
  const [question = '', value = ''] = query('background').split(':');
  return {
    unit: dimensions.unit?.includes(query('unit')) ? query('unit') : undefined,
    group: dimensions.group?.includes(query('group')) ? query('group') : undefined,
    background: backgrounds.some((candidate) => candidate.id === question) && dimensions[question]?.includes(value) ? { question, value } : undefined,
    crossBy: backgrounds.some((candidate) => candidate.id === query('crossBy')) ? query('crossBy') : undefined,
  };
}

/** A closed round's publication (with the round before where asked), the names of its units, and the round's address. */
async function results(c: C, options: { previous: boolean }) {
  const where = await scope(c);
  const publication = await closedPublication(where.database, where.municipality, c.req.param('id') ?? '', c.var.now, options);
  const units = await c.var.directory.units(where.municipality.id);
  const unitName = (id: string) => units.find((unit) => unit.id === id)?.name ?? id;
  return { where, publication, unitName, round: publication.published.round, base: `${where.base}/rounds/${publication.published.round.id}` };
}

/** The municipality's written standard, which every published document and download is in. */
const standardUi = (where: StaffScope) => ({ lang: where.municipality.writtenStandard, t: translator(where.municipality.writtenStandard) });

const attachment = (type: string, name: string) => ({ 'content-type': type, 'content-disposition': `attachment; filename="${name}"` });

insight.get('/rounds/:id/results', async (c) => {
  const { ui } = c.var;
  const { t, lang } = ui;
  const { where, publication, unitName, round, base } = await results(c, { previous: true });
  const { published, before, quotes } = publication;
  const filters = readFilters(c, published);
  const { backgrounds } = published.tables;
  const view = (question: RoundQuestion) => questionView(ui, published, before, question, filters);
  const shownQuestions = published.tables.questions.filter((question) => !filters.group || question.groups.includes(filters.group));
  const themes = THEMES.filter((theme) => theme !== 'background')
    .map((theme) => ({
      id: theme,
      title: t(`insight.themes.${theme}`),
      questions: shownQuestions.filter((question) => question.theme === theme).map(view),
      quotes: quotes.filter((quote) => quote.theme === theme && (!filters.group || quote.group === filters.group)).map((quote) => quote.text),
    }))
    .filter((theme) => theme.questions.length > 0 || theme.quotes.length > 0);
  const choices = {
    units: (published.tables.dimensions.unit ?? []).map((id) => ({ value: id, text: unitName(id) })),
    groups: round.groups.map(({ group }) => ({ value: group, text: t(`insight.groups.${group}`) })),
    backgrounds: backgrounds.flatMap((question) => question.options.map((option) => ({ value: `${question.id}:${option.value}`, text: `${pickText(question.label, lang)} ${optionText(ui, question, option.value)}` }))),
    crossBy: backgrounds.map((question) => ({ value: question.id, text: pickText(question.label, lang) })),
  };
  const here = `${base}/results`;
  await audited(c, where, 'round.results', 'round', round.id);
  return page(
    c,
    <DashboardPage
      ui={ui}
      name={who(c).name}
      back={base}
      here={here}
      downloads={{ csv: `${here}.csv`, xlsx: `${here}.xlsx`, json: `${here}.json`, document: `${base}/document`, docx: `${base}/document.docx` }}
      round={round}
      previousName={before?.round.name}
      filters={{ unit: filters.unit ?? '', group: filters.group ?? '', background: filters.background ? `${filters.background.question}:${filters.background.value}` : '', crossBy: filters.crossBy ?? '' }}
      choices={choices}
      rates={rateViews(ui, published, unitName)}
      themes={themes}
    />,
  );
});

/** The figures as a tidy long CSV, from the same publication as the dashboard; audited as a download. */
insight.get('/rounds/:id/results.csv', async (c) => {
  const { where, publication, round } = await results(c, { previous: false });
  await audited(c, where, 'round.download', 'round', round.id);
  return c.body(roundCsv(publication.published), 200, attachment('text/csv; charset=utf-8', `insight-${round.id}.csv`));
});

/** The same rows as a spreadsheet (streamed), with the method and the approved quotes, in the written standard. */
insight.get('/rounds/:id/results.xlsx', async (c) => {
  const { where, publication, unitName, round } = await results(c, { previous: false });
  const file = roundXlsx(publication.published, publication.quotes, standardUi(where).t, unitName);
  await audited(c, where, 'round.download', 'round', round.id);
  return c.body(file, 200, attachment('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `insight-${round.id}.xlsx`));
});

/** The same publication as JSON, as the API gives it. */
insight.get('/rounds/:id/results.json', async (c) => {
  const { where, publication, round } = await results(c, { previous: false });
  await audited(c, where, 'round.download', 'round', round.id);
  return c.body(roundJson(publication.published, publication.quotes), 200, attachment('application/json; charset=utf-8', `insight-${round.id}.json`));
});

/** Section 8.4 of the plan as a page to print, in the written standard (the frame in the planner's language). */
insight.get('/rounds/:id/document', async (c) => {
  const { where, publication, unitName, round, base } = await results(c, { previous: true });
  const doc = standardUi(where);
  await audited(c, where, 'round.document', 'round', round.id);
  return page(c, <DocumentPage ui={c.var.ui} doc={doc} name={who(c).name} here={`${base}/document`} back={`${base}/results`} docx={`${base}/document.docx`} document={planDocument(doc, where.municipality.name, publication, unitName)} />);
});

/** The same document as DOCX. */
insight.get('/rounds/:id/document.docx', async (c) => {
  const { where, publication, unitName, round } = await results(c, { previous: true });
  const doc = standardUi(where);
  const file = await planDocx(doc, planDocument(doc, where.municipality.name, publication, unitName));
  await audited(c, where, 'round.download', 'round', round.id);
  return c.body(file, 200, attachment('application/vnd.openxmlformats-officedocument.wordprocessingml.document', `plan-8-4-${round.id}.docx`));
});

/** The label of a question in any of the round's forms. */
function questionLabel(round: Round, questionId: string, lang: Parameters<typeof pickText>[1]) {
  for (const { form } of round.groups) {
    const question = currentForm(form)?.definition.pages.flatMap((page) => page.questions).find((candidate) => candidate.id === questionId);
    if (question) return pickText(question.label, lang);
  }
  return questionId;
}

async function quotesPage(c: C, where: StaffScope, roundId: string, error?: { id: string; text: string }) {
  const { round } = await roundIn(where, roundId);
  const { t, lang } = c.var.ui;
  const quotes = await new Quotes(where.database).list(round.id, ['pending', 'approved', 'rejected']);
  const toView = (quote: (typeof quotes)[number]) => ({ id: quote.id, question: questionLabel(round, quote.questionId, lang), group: t(`insight.groups.${quote.group}`), text: quote.text });
  return page(
    c,
    <QuotesPage
      ui={c.var.ui}
      name={who(c).name}
      back={`${where.base}/rounds/${round.id}`}
      action={`${where.base}/rounds/${round.id}/quotes`}
      roundName={round.name}
      pending={quotes.filter((quote) => quote.status === 'pending').map(toView)}
      approved={quotes.filter((quote) => quote.status === 'approved').map(toView)}
      rejected={quotes.filter((quote) => quote.status === 'rejected').length}
      error={error}
    />,
    error ? 422 : 200,
  );
}

insight.get('/rounds/:id/quotes', async (c) => quotesPage(c, await scope(c), c.req.param('id')));

/** Approve (with the text as the planner left it) or reject one quote; decided once. */
insight.post('/rounds/:id/quotes/:quoteId', async (c) => {
  const where = await scope(c);
  const { round } = await roundIn(where, c.req.param('id'));
  const quotes = new Quotes(where.database);
  const quote = await quotes.byId(round.id, c.req.param('quoteId'));
  if (!quote || quote.status !== 'pending') refuse('notFound');
  const body = await readForm(c);
  const decision = body.get('decision')?.[0];
  const text = (body.get('text')?.[0] ?? '').replace(/\r\n/g, '\n').trim();
  if (decision !== 'approve' && decision !== 'reject') refuse('badRequest');
  if (decision === 'approve' && (text === '' || text.length > 1000)) return quotesPage(c, where, round.id, { id: quote.id, text: c.var.ui.t('insight.errors.quoteText') });
  const approved = decision === 'approve';
  await audited(c, where, approved ? 'quote.approve' : 'quote.reject', 'quote', quote.id, [
    quotes.decide(quote.id, { status: approved ? 'approved' : 'rejected', text: approved ? text : '', decidedBy: who(c).id, decidedAt: c.var.now }),
  ]);
  return redirect(c, `${where.base}/rounds/${round.id}/quotes`);
});
