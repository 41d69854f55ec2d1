/**
 * Staff documents written page by page with the form engine, as a respondent's journey is, but
 * on staff pages: each page is read with `readPage`, a repeatable page's rows are added,
 * changed and removed at `/p/<page>/<n>`, and all of it works without JavaScript.
 */
import type { Context } from 'hono';
import type { Answers, Row } from '../../engine/answer.ts';
import { journeyOf, type Journey } from '../../engine/journey.ts';
import { responseDocument } from '../../engine/output.ts';
import { readPage, rowOf, unknownFields, type PageInput } from '../../engine/page-input.ts';
import { pagePath, parseRow } from '../../engine/paths.ts';
import { kindOf, type Question } from '../../engine/questions/index.ts';
import type { FormDefinition, Page } from '../../engine/schema.ts';
import { isoToday } from '../../core/i18n/format.ts';
import { refuse } from '../../core/refusals.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { page as render, redirect } from '../../platform/render.ts';
import type { StaffEnv } from '../staff/index.ts';
import { rowTitle } from '../../../web/components/answer-list.tsx';
import { DocumentPage, type Beside } from '../../../web/assessment/document-page.tsx';
import { RowsPage } from '../../../web/assessment/rows-page.tsx';
import { localized } from '../../../web/ui.ts';

type C = Context<StaffEnv>;

export interface EditedDocument {
  form: FormDefinition;
  answers: Answers;
  /** The document's summary page; its pages are below it at `/p/<page>`. */
  base: string;
  title: string;
  caseReference: string;
  /** What the child answered to the items a question draws on. */
  beside?: (question: Question) => Beside[] | undefined;
  /** Stores the whole new document (refusing when it may no longer change). */
  save: (answers: Answers) => Promise<void>;
}

const steps = (c: C, doc: EditedDocument, current: Page) =>
  doc.form.pages.map((page, index) => ({ title: `${index + 1}. ${localized(c.var.ui, page.title).text}`, href: pagePath(doc.base, page.id), current: page === current }));

function pageOf(doc: EditedDocument, id: string | undefined): { way: Journey; page: Page } {
  const way = journeyOf(doc.form, doc.answers);
  const page = way.page(id ?? '');
  if (!page) refuse('notFound');
  return { way, page };
}

/** A row number from the address: an existing row, or (adding) the next one up to the page's maximum. Anything else is refused. */
function rowIn(way: Journey, page: Page, text: string | undefined, adding: boolean): number {
  const row = parseRow(text);
  if (!page.repeat || row === undefined) refuse('rowNotFound');
  if (adding && row > page.repeat.max) refuse('tooManyRows');
  if (row > way.rows(page).length + (adding ? 1 : 0)) refuse('rowNotFound');
  return row;
}

function questionPage(c: C, doc: EditedDocument, way: Journey, page: Page, { row, input }: { row?: number; input?: PageInput } = {}, status: 200 | 422 = 200) {
  const { ui } = c.var;
  const questions = way.questions(page, row).map((question) => {
    const saved = way.valueOf(question, row);
    const error = input?.errors.find((item) => item.question.id === question.id)?.error;
    return {
      question,
      raw: input?.raw[question.id] ?? (saved === undefined ? {} : kindOf(question).toRaw(question, saved)),
      error: error && ui.t(`errors.${error.key}`, error.params),
      beside: doc.beside?.(question),
    };
  });
  return render(
    c,
    <DocumentPage
      ui={ui}
      name={c.var.staff!.person.name}
      title={doc.title}
      caseReference={doc.caseReference}
      summaryHref={doc.base}
      steps={steps(c, doc, page)}
      page={page}
      caption={row ? rowTitle(ui, page, row) : undefined}
      questions={questions}
      action={pagePath(doc.base, page.id, row)}
    />,
    status,
  );
}

export function showPage(c: C, doc: EditedDocument) {
  const { way, page } = pageOf(doc, c.req.param('page'));
  if (!page.repeat) return questionPage(c, doc, way, page);
  const { ui } = c.var;
  const section = responseDocument(way, ui.lang, ui.t).find((item) => item.page === page);
  const rows = (section?.rows ?? []).map((row) => ({
    title: rowTitle(ui, page, row.number ?? 0),
    lines: row.answers.filter((answer) => answer.state === 'answered').map((answer) => `${localized(ui, answer.question.label).text}: ${answer.cell.join(', ')}`),
    changeHref: pagePath(doc.base, page.id, row.number),
    removeAction: `${pagePath(doc.base, page.id, row.number)}/remove`,
  }));
  const next = way.next(page);
  return render(
    c,
    <RowsPage
      ui={ui}
      name={c.var.staff!.person.name}
      title={doc.title}
      caseReference={doc.caseReference}
      summaryHref={doc.base}
      steps={steps(c, doc, page)}
      page={page}
      rows={rows}
      addHref={rows.length < page.repeat.max ? pagePath(doc.base, page.id, rows.length + 1) : undefined}
      nextHref={next ? pagePath(doc.base, next.id) : doc.base}
    />,
  );
}

export function showRow(c: C, doc: EditedDocument) {
  const { way, page } = pageOf(doc, c.req.param('page'));
  return questionPage(c, doc, way, page, { row: rowIn(way, page, c.req.param('row'), true) });
}

/** Reads the sent page strictly; fields the page does not have are a tampered form, refused before anything is read. */
async function sentPage(c: C, doc: EditedDocument, page: Page, context: Answers) {
  const body = await readForm(c);
  if (unknownFields(doc.form, page, body).length) refuse('badRequest');
  return { input: readPage(doc.form, page, context, body, isoToday(c.var.now), 'strict'), stay: body.get('_action')?.[0] === 'stay' };
}

export async function postPage(c: C, doc: EditedDocument) {
  const { way, page } = pageOf(doc, c.req.param('page'));
  if (page.repeat) refuse('badRequest');
  const { input, stay } = await sentPage(c, doc, page, doc.answers);
  if (input.errors.length) return questionPage(c, doc, way, page, { input }, 422);
  await doc.save(input.answers);
  const next = journeyOf(doc.form, input.answers).next(page);
  return redirect(c, stay ? pagePath(doc.base, page.id) : next ? pagePath(doc.base, next.id) : doc.base);
}

const withRows = (doc: EditedDocument, page: Page, rows: Row[]): Answers => {
  const { [page.id]: _old, ...rest } = doc.answers;
  return rows.length ? { ...rest, [page.id]: rows } : rest;
};

export async function postRow(c: C, doc: EditedDocument) {
  const { way, page } = pageOf(doc, c.req.param('page'));
  const row = rowIn(way, page, c.req.param('row'), true);
  const rows = way.rows(page);
  const { input } = await sentPage(c, doc, page, row <= rows.length ? way.rowContext(page, row) : way.answers);
  if (input.errors.length) return questionPage(c, doc, way, page, { row, input }, 422);
  const next = rows.slice();
  next[row - 1] = rowOf(page, input.answers);
  await doc.save(withRows(doc, page, next));
  return redirect(c, pagePath(doc.base, page.id));
}

export async function removeRow(c: C, doc: EditedDocument) {
  const { way, page } = pageOf(doc, c.req.param('page'));
  const row = rowIn(way, page, c.req.param('row'), false);
  await doc.save(withRows(doc, page, way.rows(page).filter((_, index) => index !== row - 1)));
  return redirect(c, pagePath(doc.base, page.id));
}
