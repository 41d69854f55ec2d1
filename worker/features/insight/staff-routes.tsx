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
import { DashboardPage, type DashboardRow, type QuestionView } from '../../../web/insight/dashboard.tsx';
import { QuotesPage } from '../../../web/insight/quotes.tsx';
import { NewRoundPage, PosterPage, RoundPage, RoundsPage } from '../../../web/insight/rounds.tsx';
import { checkRound, linksFor, readRoundValues, type RoundValues } from './create.ts';
import { roundCsv } from './download.ts';
import { Quotes, Rounds } from './repository.ts';
import { previousRound, publishRound, questionRows, responseRates, type Filters, type Published } from './results.ts';
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

/** The favourable end of a question, for the one sentence under its chart. */
const favourable = (question: RoundQuestion) => {
  if (question.type === 'smiley-scale') return [question.options.length - 2, question.options.length - 1];
  if (question.type === 'yes-no') return [0];
  return [0];
};

insight.get('/rounds/:id/results', async (c) => {
  const where = await scope(c);
  const { ui, now } = c.var;
  const { t, lang } = ui;
  const { round, links } = await roundIn(where, c.req.param('id'));
  if (roundStatus(round, now) !== 'closed') refuse('roundOpen');
  const previous = await previousRound(where.database, round, now);
  const [published, before, units, approved] = await Promise.all([
    publishRound(where.database, where.municipality, round, links),
    previous ? new Rounds(where.database).byId(where.municipality.id, previous.id).then((found) => found && publishRound(where.database, where.municipality, found.round, found.links)) : undefined,
    c.var.directory.units(where.municipality.id),
    new Quotes(where.database).list(round.id, ['approved']),
  ]);
  const filters = readFilters(c, published);
  const unitName = (id: string) => units.find((unit) => unit.id === id)?.name ?? id;
  const { backgrounds } = published.tables;
  const optionText = (question: RoundQuestion, value: string) => {
    const option = question.options.find((candidate) => candidate.value === value);
    return option?.label ? pickText(option.label, lang) : t(`answers.${value}`);
  };
  const toRow = (label: string, row: ReturnType<typeof questionRows>[number], extra: Partial<DashboardRow> = {}): DashboardRow => ({
    label,
    respondents: row.respondents?.count ?? null,
    mean: row.respondents?.mean,
    cells: row.options.map(({ cell }) => ({ count: cell?.count ?? null, share: cell ? (cell.share ?? null) : null })),
    ...extra,
  });
  const view = (question: RoundQuestion): QuestionView => {
    const rows = questionRows(published, question, filters).map((row) => toRow(row.value === undefined ? t('insight.dashboard.all') : optionText(backgrounds.find((item) => item.id === filters.crossBy)!, row.value), row));
    const earlier = before?.tables.questions.find((item) => item.id === question.id);
    // The previous round's figure for the same filters, where that round had this question (and unit).
    if (earlier && before && (!filters.unit || before.tables.dimensions.unit?.includes(filters.unit))) {
      const previousRows = questionRows(before, { ...earlier, options: question.options }, { ...filters, crossBy: undefined });
      rows.push(toRow(t('insight.dashboard.previous', { round: before.round.name }), previousRows[previousRows.length - 1]!, { previous: true }));
    }
    return { id: question.id, label: pickText(question.label, lang), options: question.options.map((option) => optionText(question, option.value)), ordered: question.type === 'smiley-scale', rows, favourable: favourable(question) };
  };
  const shownQuestions = published.tables.questions.filter((question) => !filters.group || question.groups.includes(filters.group));
  const themes = THEMES.filter((theme) => theme !== 'background')
    .map((theme) => {
      const questions = shownQuestions.filter((question) => question.theme === theme);
      const quoteQuestions = new Set(round.groups.flatMap(({ form }) => currentForm(form)?.definition.pages.flatMap((page) => page.questions.filter((question) => question.theme === theme).map((question) => question.id)) ?? []));
      const quotes = approved.filter((quote) => quoteQuestions.has(quote.questionId) && (!filters.group || quote.group === filters.group)).map((quote) => quote.text);
      return { id: theme, title: t(`insight.themes.${theme}`), questions: questions.map(view), quotes };
    })
    .filter((theme) => theme.questions.length > 0 || theme.quotes.length > 0);
  const rates = responseRates(published).map((rate) => ({ unit: unitName(rate.unitId), group: t(`insight.groups.${rate.group}`), respondents: rate.cell?.count ?? null, invited: rate.invited, rate: rate.rate }));
  const choices = {
    units: (published.tables.dimensions.unit ?? []).map((id) => ({ value: id, text: unitName(id) })),
    groups: round.groups.map(({ group }) => ({ value: group, text: t(`insight.groups.${group}`) })),
    backgrounds: backgrounds.flatMap((question) => question.options.map((option) => ({ value: `${question.id}:${option.value}`, text: `${pickText(question.label, lang)} ${optionText(question, option.value)}` }))),
    crossBy: backgrounds.map((question) => ({ value: question.id, text: pickText(question.label, lang) })),
  };
  const here = `${where.base}/rounds/${round.id}/results`;
  await audited(c, where, 'round.results', 'round', round.id);
  return page(
    c,
    <DashboardPage
      ui={ui}
      name={who(c).name}
      back={`${where.base}/rounds/${round.id}`}
      here={here}
      download={`${here}.csv`}
      round={round}
      previousName={before?.round.name}
      filters={{ unit: filters.unit ?? '', group: filters.group ?? '', background: filters.background ? `${filters.background.question}:${filters.background.value}` : '', crossBy: filters.crossBy ?? '' }}
      choices={choices}
      rates={rates}
      themes={themes}
    />,
  );
});

/** The figures as a tidy long CSV, from the same publication as the dashboard; audited as a download. */
insight.get('/rounds/:id/results.csv', async (c) => {
  const where = await scope(c);
  const { round, links } = await roundIn(where, c.req.param('id'));
  if (roundStatus(round, c.var.now) !== 'closed') refuse('roundOpen');
  const published = await publishRound(where.database, where.municipality, round, links);
  await audited(c, where, 'round.download', 'round', round.id);
  return c.body(roundCsv(published), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="insight-${round.id}.csv"` });
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
