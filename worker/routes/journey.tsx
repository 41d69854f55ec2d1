/**
 * The respondent's journey, the GOV.UK Forms way: start page, one page at a time, check your
 * answers, confirmation. Every step works without JavaScript; answers are saved after each page.
 */
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env.ts';
import { continuePage, findPage, missingRequired, pageAfter, visiblePages } from '../forms/flow.ts';
import { readPage, unknownFields } from '../forms/page-input.ts';
import { formAt } from '../forms/registry.ts';
import { formatDate, isoToday } from '../i18n/format.ts';
import { newKey, newResumeCode, normalizeResumeCode, sha256Hex } from '../journey/codes.ts';
import { openNewDraft } from '../journey/new-draft.ts';
import { loadJourney } from '../journey/context.ts';
import { forgetDraftKey, readDraftKey, writeDraftKey } from '../journey/draft-cookie.ts';
import { responseFrom } from '../journey/response.ts';
import { checkAnswersProps, questionPageProps } from '../journey/views.ts';
import { readForm } from '../middleware/form-post/index.ts';
import { rateLimit } from '../middleware/rate-limit/index.ts';
import { kindOf } from '../questions/index.ts';
import { page, redirect, wantsJson } from '../render.ts';
import { withRetry } from '../storage/retry.ts';
import type { Draft } from '../storage/store.ts';
import { CheckAnswersPage } from '../../web/pages/check-answers.tsx';
import { ConfirmationPage } from '../../web/pages/confirmation.tsx';
import { MessagePage } from '../../web/pages/message.tsx';
import { QuestionPage } from '../../web/pages/question.tsx';
import { ResumePage } from '../../web/pages/resume.tsx';
import { SavePage } from '../../web/pages/save.tsx';
import { StartPage } from '../../web/pages/start.tsx';

const DAY = 86_400_000;
/** How long a submitted draft keeps the receipt reference for a repeated submit. */
const RECEIPT_KEPT_MS = DAY;

type C = Context<AppEnv>;

/** How long a save keeps the draft: the municipality's setting, but never past its link's expiry. */
const draftLifetime = (c: C) => {
  const { municipality, linkExpiresAt } = c.var.journey;
  const days = municipality.draftTtlDays * DAY;
  return linkExpiresAt ? Math.min(days, linkExpiresAt.getTime() - c.var.now.getTime()) : days;
};

const pageHref = (c: C, pageId: string | undefined) => (pageId ? `${c.var.journey.base}/p/${pageId}` : `${c.var.journey.base}/check`);

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

export const journey = new Hono<AppEnv>();
journey.use('*', loadJourney());

journey.get('/', (c) => {
  const { form, municipality, base, draft } = c.var.journey;
  const questionCount = form.pages.flatMap((item) => item.questions).filter((question) => kindOf(question).fields(question).length > 0).length;
  return page(c, <StartPage ui={c.var.ui} form={form} owner={municipality.name} base={base} hasDraft={draft?.status === 'open'} questionCount={questionCount} />);
});

journey.post('/start', rateLimit({ bucket: 'start', limit: 300, windowSeconds: 3600 }), async (c) => {
  const { municipality, current, draft } = c.var.journey;
  if (draft?.status === 'open') return redirect(c, pageHref(c, continuePage(c.var.journey.form, draft.answers)?.id));
  const { now, store, ui } = c.var;
  await openNewDraft(c, store, municipality, current, { language: ui.lang, expiresAt: new Date(now.getTime() + draftLifetime(c)) });
  return redirect(c, pageHref(c, visiblePages(current.definition, {})[0]?.id));
});

journey.get('/p/:page', (c) => {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  const { form } = c.var.journey;
  const current = findPage(form, c.req.param('page'));
  if (!current) return c.notFound();
  // A page the person's answers have hidden sends them on to the next one they should see.
  if (!visiblePages(form, draft.answers).includes(current)) return redirect(c, pageHref(c, pageAfter(form, draft.answers, current.id)?.id));
  return page(c, <QuestionPage {...questionPageProps(c, current, draft.answers)} />);
});

// Generous: a whole class may share one address, and background saving posts often.
journey.post('/p/:page', rateLimit({ bucket: 'save', limit: 2000, windowSeconds: 600 }), async (c) => {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  const { form, municipality } = c.var.journey;
  const { now, store, ui } = c.var;
  const current = findPage(form, c.req.param('page'));
  if (!current) return c.notFound();
  const body = await readForm(c);
  const unknown = unknownFields(form, current, body);
  if (unknown.length) {
    if (wantsJson(c)) return c.json({ error: 'unknownFields', message: ui.t('errors.unknownFields'), fields: unknown }, 400);
    return page(c, <MessagePage ui={ui} owner={municipality.name} title={ui.t('errors.unknownFieldsTitle')} body={[ui.t('errors.unknownFields')]} link={{ href: pageHref(c, current.id), text: ui.t('errors.backToPage') }} />, 400);
  }
  const action = body.get('_action')?.[0] ?? 'continue';
  const input = readPage(form, current, draft.answers, body, isoToday(now), action === 'continue' ? 'strict' : 'lenient');
  if (input.errors.length) return page(c, <QuestionPage {...questionPageProps(c, current, input.answers, input)} />, 422);

  // Only this page's answers are written, so another device saving another page is not undone.
  const set: Record<string, (typeof input.answers)[string]> = {};
  const remove: string[] = [];
  for (const question of current.questions) {
    const value = input.answers[question.id];
    if (value === undefined) {
      if (draft.answers[question.id] !== undefined) remove.push(question.id);
    } else if (JSON.stringify(value) !== JSON.stringify(draft.answers[question.id])) {
      set[question.id] = value;
    }
  }
  let saved: boolean;
  const expiresAt = new Date(now.getTime() + draftLifetime(c));
  try {
    saved = await withRetry(() => store.saveAnswers(draft.id, set, remove, ui.lang, now, expiresAt));
  } catch {
    if (wantsJson(c)) return c.json({ error: 'saveFailed', message: ui.t('errors.saveFailed') }, 503);
    return page(c, <QuestionPage {...questionPageProps(c, current, input.answers, input, ui.t('errors.saveFailed'))} />, 503);
  }
  // Submitted or expired meanwhile, for instance in another tab.
  if (!saved) return wantsJson(c) ? c.json({ error: 'noDraft', message: ui.t('errors.noDraft') }, 409) : redirect(c, c.var.journey.base);
  // The draft now lives longer; so must the cookie that opens it.
  const key = readDraftKey(c, municipality.id, form.id);
  if (key) writeDraftKey(c, municipality.id, form.id, key, expiresAt);
  if (action === 'autosave') return c.json({ saved: true });
  if (action === 'save-later') return redirect(c, `${c.var.journey.base}/save`);
  return redirect(c, pageHref(c, pageAfter(form, input.answers, current.id)?.id));
});

journey.get('/check', (c) => {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  return page(c, <CheckAnswersPage {...checkAnswersProps(c, draft.answers)} />);
});

journey.post('/submit', rateLimit({ bucket: 'submit', limit: 300, windowSeconds: 3600 }), async (c) => {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  const { form, base } = c.var.journey;
  const { now, store, ui } = c.var;
  if (missingRequired(form, draft.answers).length) return page(c, <CheckAnswersPage {...checkAnswersProps(c, draft.answers, { showMissing: true })} />, 422);
  const response = await responseFrom(draft, form, now);
  try {
    await withRetry(() => store.submit(draft.id, response, new Date(now.getTime() + RECEIPT_KEPT_MS)));
  } catch {
    return page(c, <CheckAnswersPage {...checkAnswersProps(c, draft.answers, { pageError: ui.t('errors.submitFailed') })} />, 503);
  }
  return redirect(c, `${base}/done`);
});

journey.get('/done', (c) => {
  const { draft, form, municipality, base } = c.var.journey;
  if (draft?.status !== 'submitted' || !draft.reference) return redirect(c, draft ? `${base}/check` : base);
  return page(c, <ConfirmationPage ui={c.var.ui} form={form} owner={municipality.name} reference={draft.reference} />);
});

const savePage = (c: C, draft: Draft, code?: string) => {
  const { form, municipality, base } = c.var.journey;
  const next = continuePage(form, draft.answers);
  return page(
    c,
    <SavePage ui={c.var.ui} form={form} owner={municipality.name} base={base} backHref={pageHref(c, next?.id)} code={code} expires={formatDate(draft.expiresAt, c.var.ui.lang)} />,
  );
};

journey.get('/save', (c) => {
  const draft = openDraft(c);
  return draft instanceof Response ? draft : savePage(c, draft);
});

journey.post('/save', rateLimit({ bucket: 'resume-code', limit: 30, windowSeconds: 3600 }), async (c) => {
  const draft = openDraft(c);
  if (draft instanceof Response) return draft;
  // A new code replaces the old one; a clash with another draft's code just draws again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const code = newResumeCode();
    try {
      if (await c.var.store.setResumeCode(draft.id, await sha256Hex(normalizeResumeCode(code) ?? code))) return savePage(c, draft, code);
      return redirect(c, c.var.journey.base);
    } catch {
      continue;
    }
  }
  throw new HTTPException(503, { message: 'saveFailed' });
});

journey.get('/resume', (c) => {
  const { form, municipality, base } = c.var.journey;
  return page(c, <ResumePage ui={c.var.ui} form={form} owner={municipality.name} base={base} />);
});

journey.post('/resume', rateLimit({ bucket: 'resume', limit: 10, windowSeconds: 600 }), async (c) => {
  const { form, municipality, base } = c.var.journey;
  const { store, ui, now } = c.var;
  const body = await readForm(c);
  const typed = body.get('code')?.[0]?.slice(0, 40) ?? '';
  const retry = (key: string) => page(c, <ResumePage ui={ui} form={form} owner={municipality.name} base={base} value={typed} error={ui.t(`errors.${key}`)} />, 422);
  if (!typed.trim()) return retry('resumeCodeMissing');
  const code = normalizeResumeCode(typed);
  if (!code) return retry('resumeCodeFormat');
  const draft = await store.draftByResumeCode(await sha256Hex(code));
  if (!draft || draft.municipalityId !== municipality.id || draft.formId !== form.id || draft.status !== 'open') return retry('resumeCodeNotFound');
  if (draft.expiresAt <= now) return retry('resumeCodeExpired');
  const key = newKey();
  await store.addDraftKey(draft.id, await sha256Hex(key), now);
  writeDraftKey(c, municipality.id, form.id, key, draft.expiresAt);
  // The draft may be on an older version of the form than this page was loaded with.
  const resumed = (await formAt(store, draft.formId, draft.formVersion)) ?? form;
  return redirect(c, pageHref(c, continuePage(resumed, draft.answers)?.id));
});
