/**
 * The respondent's journey, the GOV.UK Forms way: start page, one page at a time, check your
 * answers, confirmation. Every step works without JavaScript; answers are saved after each page.
 */
import { Hono, type Context } from 'hono';
import { Refusal, refuse } from '../../core/refusals.ts';
import type { RespondEnv } from './env.ts';
import { journeyOf, type Journey } from '../../engine/journey.ts';
import { ANOTHER_FIELD, readPage, rowOf, unknownFields } from '../../engine/page-input.ts';
import { FOLLOW_HEADER, pagePath, parseRow } from '../../engine/paths.ts';
import type { AnswerValue, Row } from '../../engine/answer.ts';
import type { Page } from '../../engine/schema.ts';
import { formAt } from './form-at.ts';
import { formatDate, isoToday } from '../../core/i18n/format.ts';
import { newResumeCode, normalizeResumeCode, sha256Hex } from '../../core/secrets.ts';
import { continueOnThisDevice, openNewDraft } from './new-draft.ts';
import { loadJourney, useDraft } from './load-journey.ts';
import { forgetDraftKey, readDraftKey, writeDraftKey } from './draft-cookie.ts';
import { responseFrom } from './response.ts';
import { keyringFor, keyringIfSet } from '../../platform/keys.ts';
import { sealSnapshot } from './snapshot.ts';
import { enforce } from '../../platform/middleware/rate-limit/index.ts';
import { checkAnswersProps, questionPageProps, repeatListProps } from './view-props.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { page, redirect, wantsJson } from '../../platform/render.ts';
import { changedRows } from '../../platform/storage/database.ts';
import { Drafts, storedAnswers, type Draft } from './repository.ts';
import { CheckAnswersPage } from '../../../web/pages/check-answers.tsx';
import { ConfirmationPage } from '../../../web/pages/confirmation.tsx';
import { MessagePage } from '../../../web/pages/message.tsx';
import { QuestionPage } from '../../../web/pages/question.tsx';
import { RepeatListPage } from '../../../web/pages/repeat-list.tsx';
import { ResumePage } from '../../../web/pages/resume.tsx';
import { SavePage } from '../../../web/pages/save.tsx';
import { StartPage } from '../../../web/pages/start.tsx';
import { deviceHoldUntil, draftExpiry, RECEIPT_KEPT_MS } from './lifetime.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { roundAnswer } from '../insight/index.ts';
import { isDemo, staffLinkPage } from './chrome.ts';

type C = Context<RespondEnv>;

/** A save keeps the draft for the municipality's period from now (never past its link's expiry). */
const draftLifetime = (c: C) => draftExpiry(c.var.journey.municipality, c.var.now, c.var.journey.link?.expiresAt);

const pageHref = (c: C, page: Page | undefined, row?: number) => (page ? pagePath(c.var.journey.base, page.id, row) : `${c.var.journey.base}/check`);

/** The open draft, or the response that says why there is none. */
function openDraft(c: C): Draft | Response {
  const { draft, draftExpired, base, municipality, form } = c.var.journey;
  if (draftExpired) {
    forgetDraftKey(c, municipality.id, form.id);
    const { t } = c.var.ui;
    return page(
      c,
      <MessagePage ui={c.var.ui} owner={municipality.name} title={t('expired.title')} body={[t('expired.body')]} link={{ href: base, text: t('expired.again') }} />,
      410,
    );
  }
  if (!draft) return wantsJson(c) ? c.json({ error: 'noDraft', message: c.var.ui.t('errors.noDraft') }, 409) : redirect(c, base);
  if (draft.status === 'submitted') return redirect(c, `${base}/done`);
  return draft;
}

export const journey = new Hono<RespondEnv>();
journey.use('*', loadJourney());

journey.get('/', async (c) => {
  const { form, municipality, base, draft, link } = c.var.journey;
  const open = draft?.status === 'open' ? draft : undefined;
  // A personal link says who sent it: the municipality, and the sender's unit.
  const unit = link?.unitId ? (await c.var.directory.units(municipality.id)).find((candidate) => candidate.id === link.unitId)?.name : undefined;
  return page(
    c,
    <StartPage
      ui={c.var.ui}
      form={form}
      owner={municipality.name}
      base={base}
      draft={open && { started: Object.keys(open.answers).length > 0 }}
      sentBy={link && { municipality: municipality.name, unit }}
      questionCount={journeyOf(form, open?.answers ?? {}).questionCount}
      demo={isDemo(form, draft)}
    />,
  );
});

/** "Not you? Start again": this device lets go of the draft (which stays for whoever can open it otherwise). */
journey.post('/forget', async (c) => {
  const { municipality, form, base } = c.var.journey;
  const key = readDraftKey(c, municipality.id, form.id);
  const { database } = c.var;
  if (key) await database.commit([new Drafts(database).removeKey(await sha256Hex(key))]);
  forgetDraftKey(c, municipality.id, form.id);
  return redirect(c, base);
});

/**
 * "End answering together with the child": the helper's device lets go of the child's draft
 * (which stays for the link) and returns to the link's staff page.
 */
journey.post('/end-assisted', async (c) => {
  const { municipality, base, draft } = c.var.journey;
  await letGoOfAssisted(c, draft);
  return redirect(c, draft?.assistedRole && draft.linkId ? staffLinkPage(municipality.id, draft.linkId) : base);
});

/** An assisted draft's hold on this device ends: its key row and the cookie both go. */
async function letGoOfAssisted(c: C, draft: Draft | undefined) {
  const { municipality, form } = c.var.journey;
  const key = readDraftKey(c, municipality.id, form.id);
  if (key && draft?.assistedRole) await c.var.database.commit([new Drafts(c.var.database).removeKey(await sha256Hex(key))]);
  forgetDraftKey(c, municipality.id, form.id);
}

journey.post('/start', async (c) => {
  const { municipality, current, draft } = c.var.journey;
  if (draft?.status === 'open') return goOn(c, pageHref(c, journeyOf(c.var.journey.form, draft.answers).continueAt), draft);
  const { database, ui } = c.var;
  const { draft: started, keyHash } = await openNewDraft(c, database, municipality, current, { language: ui.lang, expiresAt: draftLifetime(c) });
  c.set('journey', { ...c.var.journey, keyHash });
  return goOn(c, pageHref(c, journeyOf(current.definition, {}).pages[0]), started);
});

/**
 * Where a POST leads: a 303 to the next address; or, when the page script asks
 * (`FOLLOW_HEADER`), what that address shows, in this response, from the draft as this request
 * left it, with the address in Content-Location. One round trip instead of two on a slow line.
 */
async function goOn(c: C, href: string, draft: Draft): Promise<Response> {
  if (!c.req.header(FOLLOW_HEADER)) return redirect(c, href);
  useDraft(c, draft);
  const shown = await showAt(c, href);
  if (!shown) return redirect(c, href);
  if (shown.status < 300) shown.headers.set('content-location', href);
  return shown;
}

/** What a GET of a journey address shows (the same functions answer the GET); none for any other address. */
function showAt(c: C, href: string) {
  const { base } = c.var.journey;
  if (!href.startsWith(`${base}/`)) return undefined;
  const [kind, id, row, ...more] = href.slice(base.length + 1).split('/');
  if (kind === 'p' && id && !more.length) return row === undefined ? showPage(c, id) : showRow(c, id, row);
  if (id !== undefined) return undefined;
  if (kind === 'check') return showCheck(c);
  if (kind === 'done') return showDone(c);
  if (kind === 'save') return showSave(c);
  return undefined;
}

/**
 * The draft, its journey and the page asked for, or where to send the person instead: a page
 * their answers hide leads on to the next one, a page not reached yet back to the first answer
 * still missing.
 */
function pageVisit(c: C, id = c.req.param('page') ?? ''): { draft: Draft; way: Journey; current: Page } | Response {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  const way = journeyOf(c.var.journey.form, draft.answers);
  const current = way.page(id);
  if (!current) refuse('notFound');
  if (!way.isVisible(current)) return redirect(c, pageHref(c, way.next(current)));
  if (!way.mayVisit(current)) return redirect(c, pageHref(c, way.missing[0]?.page));
  return { draft, way, current };
}

/** A row of a repeatable page: an existing one, or the next new one while below the maximum. Anything else is refused. */
function rowIn(way: Journey, current: Page, text: string | undefined, { adding }: { adding: boolean }): number {
  const row = parseRow(text);
  const count = way.rows(current).length;
  const last = adding ? Math.min(count + 1, current.repeat?.max ?? 0) : count;
  if (!current.repeat || row === undefined || row > last) refuse('rowNotFound');
  return row;
}

const refusedFields = (c: C, current: Page, unknown: string[]) => {
  const { ui } = c.var;
  if (wantsJson(c)) return c.json({ error: 'unknownFields', message: ui.t('errors.unknownFields'), fields: unknown }, 400);
  return page(c, <MessagePage ui={ui} owner={c.var.journey.municipality.name} title={ui.t('errors.unknownFieldsTitle')} body={[ui.t('errors.unknownFields')]} link={{ href: pageHref(c, current), text: ui.t('errors.backToPage') }} />, 400);
};

/**
 * Writes only the answers that changed, so another device saving another page is not undone.
 * The draft as saved; none when it was submitted or expired meanwhile. Throws when storage fails.
 */
async function saveChanges(c: C, draft: Draft, set: Record<string, AnswerValue>, remove: string[]): Promise<Draft | undefined> {
  const { municipality, form, unread, keyHash } = c.var.journey;
  const { now, database, ui } = c.var;
  const expiresAt = draftLifetime(c);
  // An identifiable form's draft is sealed at rest, as its response will be.
  const change = { set, remove, language: ui.lang, now, expiresAt, sealed: !form.anonymous };
  const drafts = new Drafts(database, () => keyringFor(c.env));
  let saved: Draft | undefined;
  if (unread && keyHash) {
    const result = await drafts.saveFromSnapshot(draft, keyHash, unread, change);
    enforce(c, unread.limit, result.hits, now);
    saved = result.saved;
  } else {
    saved = await drafts.saveAnswers(draft, change);
  }
  // The draft now lives longer; so must the cookie that opens it.
  const key = saved ? readDraftKey(c, municipality.id, form.id) : undefined;
  if (key) writeDraftKey(c, municipality.id, form.id, key, deviceHoldUntil(expiresAt, now, !!draft.linkId));
  return saved;
}

const saveFailed = (c: C, retry: () => Response | Promise<Response>) =>
  wantsJson(c) ? c.json({ error: 'saveFailed', message: c.var.ui.t('errors.saveFailed') }, 503) : retry();
/** Saves, then answers as the person asked: a background save, "save and come back later", or on to `next`. */
async function saveAndGo(c: C, save: () => Promise<Draft | undefined>, retry: (pageError: string) => Response | Promise<Response>, action: string, next: string) {
  let saved: Draft | undefined;
  try {
    saved = await save();
  } catch (error) {
    // Over the save limit: nothing was written, and the refusal says when to try again.
    if (error instanceof Refusal) throw error;
    return saveFailed(c, () => retry(c.var.ui.t('errors.saveFailed')));
  }
  if (!saved) return draftGone(c);
  // The page stays open: its next background save or submit carries the draft as now saved.
  if (action === 'autosave') return c.json({ saved: true, draft: await snapshotFor(c, saved) });
  return goOn(c, action === 'save-later' ? `${c.var.journey.base}/save` : next, saved);
}

const draftGone = (c: C) => (wantsJson(c) ? c.json({ error: 'noDraft', message: c.var.ui.t('errors.noDraft') }, 409) : redirect(c, c.var.journey.base));

/** A question page, or a repeatable page's list of rows. */
async function showPage(c: C, id: string) {
  const visit = pageVisit(c, id);
  if (visit instanceof Response) return visit;
  const { draft, way, current } = visit;
  if (!current.repeat) return page(c, <QuestionPage {...questionPageProps(c, way, current)} snapshot={await snapshotFor(c, draft)} />);
  // With rows required and none yet, the first row is the place to begin.
  if (way.rows(current).length === 0 && current.repeat.min > 0) return redirect(c, pageHref(c, current, 1));
  return page(c, <RepeatListPage {...repeatListProps(c, way, current)} />);
}

journey.get('/p/:page', (c) => showPage(c, c.req.param('page')));

journey.post('/p/:page', async (c) => {
  const visit = pageVisit(c);
  if (visit instanceof Response) return visit;
  const { draft, way, current } = visit;
  const { form } = c.var.journey;
  const { now, ui } = c.var;
  const body = await readForm(c);
  const unknown = unknownFields(form, current, body, !!current.repeat);
  if (unknown.length) return refusedFields(c, current, unknown);
  const action = body.get('_action')?.[0] ?? 'continue';

  if (current.repeat) {
    // The list of rows saves nothing itself: it only leads to a new row or on.
    if (action === 'save-later') return goOn(c, `${c.var.journey.base}/save`, draft);
    const count = way.rows(current).length;
    const another = body.get(ANOTHER_FIELD)?.[0];
    if (another === 'yes') {
      if (count >= current.repeat.max) refuse('tooManyRows');
      return goOn(c, pageHref(c, current, count + 1), draft);
    }
    const listError = (key: string, params?: Record<string, string | number>) =>
      page(c, <RepeatListPage {...repeatListProps(c, way, current, ui.t(`errors.${key}`, params))} />, 422);
    if (another !== 'no' && count < current.repeat.max) return listError('anotherChoice');
    if (count < current.repeat.min) return listError('tooFewRows', { min: current.repeat.min, page: pickText(current.title, ui.lang) });
    return goOn(c, pageHref(c, way.next(current)), draft);
  }

  const input = readPage(form, current, draft.answers, body, isoToday(now), action === 'continue' ? 'strict' : 'lenient');
  const retry = async (pageError?: string) => page(c, <QuestionPage {...questionPageProps(c, way, current, { input, pageError })} snapshot={await snapshotFor(c, draft)} />, pageError ? 503 : 422);
  if (input.errors.length) return retry();

  const set: Record<string, AnswerValue> = {};
  const remove: string[] = [];
  for (const question of current.questions) {
    const value = input.answers[question.id];
    if (value === undefined) {
      if (draft.answers[question.id] !== undefined) remove.push(question.id);
    } else if (JSON.stringify(value) !== JSON.stringify(draft.answers[question.id])) {
      set[question.id] = value;
    }
  }
  return saveAndGo(c, () => saveChanges(c, draft, set, remove), retry, action, pageHref(c, journeyOf(form, input.answers).next(current)));
});

/** The sealed snapshot of the draft a question page carries, so that saving the page reads nothing first (`snapshot.ts`). */
async function snapshotFor(c: C, draft: Draft): Promise<string | undefined> {
  const { keyHash } = c.var.journey;
  const keyring = keyringIfSet(c.env);
  return keyHash && keyring ? sealSnapshot(await keyring, keyHash, draft) : undefined;
}

/** One row of a repeatable page. */
function showRow(c: C, id: string, rowText: string) {
  const visit = pageVisit(c, id);
  if (visit instanceof Response) return visit;
  const { way, current } = visit;
  const row = rowIn(way, current, rowText, { adding: true });
  return page(c, <QuestionPage {...questionPageProps(c, way, current, { row })} />);
}

journey.get('/p/:page/:row', (c) => showRow(c, c.req.param('page'), c.req.param('row')));

/** A repeatable page's rows with one row replaced, added or taken out, saved under the page's id. */
const saveRows = (c: C, draft: Draft, current: Page, rows: Row[]) => (rows.length ? saveChanges(c, draft, { [current.id]: rows }, []) : saveChanges(c, draft, {}, [current.id]));

journey.post('/p/:page/:row', async (c) => {
  const visit = pageVisit(c);
  if (visit instanceof Response) return visit;
  const { draft, way, current } = visit;
  const { form } = c.var.journey;
  const { now } = c.var;
  const row = rowIn(way, current, c.req.param('row'), { adding: true });
  const body = await readForm(c);
  const unknown = unknownFields(form, current, body);
  if (unknown.length) return refusedFields(c, current, unknown);
  const action = body.get('_action')?.[0] ?? 'continue';
  const rows = way.rows(current);
  // A row's conditions see the answers outside the rows and the row's own.
  const context = row <= rows.length ? way.rowContext(current, row) : way.answers;
  const input = readPage(form, current, context, body, isoToday(now), action === 'continue' ? 'strict' : 'lenient');
  const retry = (pageError?: string) => page(c, <QuestionPage {...questionPageProps(c, way, current, { row, input, pageError })} />, pageError ? 503 : 422);
  if (input.errors.length) return retry();
  const next = rows.slice();
  next[row - 1] = rowOf(current, input.answers);
  return saveAndGo(c, () => saveRows(c, draft, current, next), retry, action, pageHref(c, current));
});

journey.post('/p/:page/:row/remove', async (c) => {
  const visit = pageVisit(c);
  if (visit instanceof Response) return visit;
  const { draft, way, current } = visit;
  const row = rowIn(way, current, c.req.param('row'), { adding: false });
  const rows = way.rows(current).filter((_, index) => index !== row - 1);
  let saved: Draft | undefined;
  try {
    saved = await saveRows(c, draft, current, rows);
  } catch {
    refuse('saveFailed');
  }
  return saved ? goOn(c, pageHref(c, current), saved) : draftGone(c);
});

function showCheck(c: C) {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  return page(c, <CheckAnswersPage {...checkAnswersProps(c, journeyOf(c.var.journey.form, draft.answers))} />);
}

journey.get('/check', showCheck);

journey.post('/submit', async (c) => {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  const { form, base } = c.var.journey;
  const { now, database, ui } = c.var;
  const way = journeyOf(form, draft.answers);
  if (way.missing.length) return page(c, <CheckAnswersPage {...checkAnswersProps(c, way, { showMissing: true })} />, 422);
  if (draft.roundLinkId) return submitToRound(c, draft, way);
  const response = await responseFrom(draft, form, now);
  // Answers that identify a child are sealed at rest; an anonymous form's stay countable as they are.
  const answers = await storedAnswers(response, form.anonymous ? undefined : await keyringFor(c.env));
  const expiresAt = new Date(now.getTime() + RECEIPT_KEPT_MS);
  try {
    await database.commit(new Drafts(database).submit(draft.id, response, expiresAt, answers));
  } catch {
    return page(c, <CheckAnswersPage {...checkAnswersProps(c, way, { pageError: ui.t('errors.submitFailed') })} />, 503);
  }
  return goOn(c, `${base}/done`, { ...draft, status: 'submitted', answers: {}, reference: response.reference, flagged: response.flagged, expiresAt });
});

/** A round's answer is stored without the draft, which is deleted with its keys; this device forgets it too. */
async function submitToRound(c: C, draft: Draft, way: Journey) {
  const { form, municipality } = c.var.journey;
  const { now, database, ui } = c.var;
  const { statements, done } = await roundAnswer(database, draft, form, now);
  try {
    await database.commit([...statements, new Drafts(database).discard(draft.id)]);
  } catch {
    return page(c, <CheckAnswersPage {...checkAnswersProps(c, way, { pageError: ui.t('errors.submitFailed') })} />, 503);
  }
  forgetDraftKey(c, municipality.id, form.id);
  return redirect(c, done);
}

async function showDone(c: C) {
  const { draft, form, municipality, base } = c.var.journey;
  if (draft?.status !== 'submitted' || !draft.reference) return redirect(c, draft ? `${base}/check` : base);
  // Answered together with staff: the receipt is shown once, and the staff device holds nothing after.
  if (draft.assistedRole) {
    await letGoOfAssisted(c, draft);
    const { respondent } = c.var.ui;
    if (respondent?.endAssisted) c.set('ui', { ...c.var.ui, respondent: { ...respondent, endAssisted: { staffHref: respondent.endAssisted.staffHref } } });
  }
  return page(c, <ConfirmationPage ui={c.var.ui} form={form} owner={municipality.name} reference={draft.reference} demo={isDemo(form, draft)} flagged={draft.flagged} />);
}

journey.get('/done', showDone);

const savePage = (c: C, draft: Draft, code?: string) => {
  const { form, municipality, base } = c.var.journey;
  return page(
    c,
    <SavePage ui={c.var.ui} form={form} owner={municipality.name} base={base} backHref={pageHref(c, journeyOf(form, draft.answers).continueAt)} code={code} expires={formatDate(draft.expiresAt, c.var.ui.lang)} />,
  );
};

function showSave(c: C) {
  const draft = openDraft(c);
  return draft instanceof Response ? draft : savePage(c, draft);
}

journey.get('/save', showSave);

journey.post('/save', async (c) => {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  // A new code replaces the old one; a clash with another draft's code just draws again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = newResumeCode();
    try {
      const { database } = c.var;
      const [result] = await database.commit([new Drafts(database).setResumeCode(draft.id, await sha256Hex(normalizeResumeCode(code) ?? code))]);
      if (changedRows(result)) return savePage(c, draft, code);
      return redirect(c, c.var.journey.base);
    } catch {
      continue;
    }
  }
  refuse('saveFailed');
});

journey.get('/resume', (c) => {
  const { form, municipality, base } = c.var.journey;
  return page(c, <ResumePage ui={c.var.ui} form={form} owner={municipality.name} base={base} />);
});

journey.post('/resume', async (c) => {
  const { form, municipality, base } = c.var.journey;
  const { database, ui, now } = c.var;
  const body = await readForm(c);
  const typed = body.get('code')?.[0]?.slice(0, 40) ?? '';
  const retry = (key: string) => page(c, <ResumePage ui={ui} form={form} owner={municipality.name} base={base} value={typed} error={ui.t(`errors.${key}`)} />, 422);
  if (!typed.trim()) return retry('resumeCodeMissing');
  const code = normalizeResumeCode(typed);
  if (!code) return retry('resumeCodeFormat');
  const drafts = new Drafts(database, () => keyringFor(c.env));
  const draft = await drafts.byResumeCode(await sha256Hex(code));
  if (!draft || draft.municipalityId !== municipality.id || draft.formId !== form.id || draft.status !== 'open') return retry('resumeCodeNotFound');
  if (draft.expiresAt <= now) return retry('resumeCodeExpired');
  await continueOnThisDevice(c, database, draft);
  // The draft may be on an older version of the form than this page was loaded with.
  const resumed = (await formAt(database, draft.formId, draft.formVersion)) ?? form;
  return redirect(c, pageHref(c, journeyOf(resumed, draft.answers).continueAt));
});
