/**
 * The plan's section 8.4 as a Word document, from the same props as the page to print. A chart
 * is a table with a bar of coloured blocks per row (stacked as on the page, in the same colours,
 * a hidden part left blank and said so in words), followed by the data table with its numbers.
 */
import { Document, HeadingLevel, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType, type ParagraphChild } from 'docx';
import { colourOf } from '../../../web/insight/chart.tsx';
import { decimal, percent, type QuestionView } from '../../../web/insight/dashboard.tsx';
import type { PlanDocument } from '../../../web/insight/document.tsx';
import type { Ui } from '../../../web/ui.ts';

const BAR_BLOCKS = 30;

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) => new Paragraph({ text, heading: level });
const text = (value: string) => new Paragraph({ text: value });
const bullets = (lines: string[]) => lines.map((line) => new Paragraph({ text: line, bullet: { level: 0 } }));

const cell = (value: string | number, options: { header?: boolean } = {}) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: String(value), bold: options.header })] })], ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: 'F3F2F1', color: 'auto' } } : {}) });

function table(headers: string[], rows: (string | number)[][]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: headers.map((header) => cell(header, { header: true })) }), ...rows.map((row) => new TableRow({ children: row.map((value) => cell(value)) }))],
  });
}

/** One stacked bar per row, in blocks; the legend follows as text, since the colours alone say nothing. */
function bars(ui: Ui, question: QuestionView) {
  const rows = question.rows.map((row) => {
    const runs: ParagraphChild[] = [];
    if (row.respondents === null) runs.push(new TextRun({ text: ui.t('insight.suppressed'), italics: true }));
    else {
      let used = 0;
      row.cells.forEach((figure, index) => {
        const blocks = Math.round((figure.share ?? 0) * BAR_BLOCKS);
        used += blocks;
        if (blocks) runs.push(new TextRun({ text: '█'.repeat(blocks), color: colourOf(index, question.options.length, question.ordered).slice(1) }));
      });
      if (used < BAR_BLOCKS && row.cells.some((figure) => figure.share === null)) runs.push(new TextRun({ text: '░'.repeat(BAR_BLOCKS - used), color: '505A5F' }));
    }
    return new TableRow({ children: [cell(row.label), new TableCell({ children: [new Paragraph({ children: runs })] })] });
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

function figure(ui: Ui, question: QuestionView) {
  const { t } = ui;
  const shown = (value: string | null) => value ?? t('insight.suppressed');
  const headers = [t('insight.dashboard.row'), t('insight.dashboard.respondents'), ...question.options, ...(question.ordered ? [t('insight.dashboard.mean')] : [])];
  const rows = question.rows.map((row) => [
    row.label,
    shown(row.respondents === null ? null : String(row.respondents)),
    ...row.cells.map((figure) => shown(figure.share === null || figure.share === undefined || figure.count === null ? null : `${percent(ui, figure.share)} (${figure.count})`)),
    ...(question.ordered ? [shown(row.mean === null || row.mean === undefined ? null : decimal(ui, row.mean))] : []),
  ]);
  return [
    heading(question.label, HeadingLevel.HEADING_4),
    bars(ui, question),
    text(`${t('insight.document.legend')} ${question.options.join(', ')}.`),
    text(t('insight.dashboard.tableCaption', { question: question.label })),
    table(headers, rows),
    text(''),
  ];
}

export async function planDocx(ui: Ui, document: PlanDocument): Promise<Uint8Array<ArrayBuffer>> {
  const { t } = ui;
  const { method, draft } = document;
  const suppressed = (count: number | null) => (count === null ? t('insight.suppressed') : String(count));
  const children = [
    text(document.municipality),
    heading(t('insight.document.title'), HeadingLevel.HEADING_1),
    text(t('insight.document.intro', { round: document.round.name, opens: document.round.opensOn, closes: document.round.closesOn })),
    ...(document.previousName ? [text(t('insight.dashboard.comparedWith', { round: document.previousName }))] : []),
    heading(t('insight.document.methodTitle'), HeadingLevel.HEADING_2),
    text(t('insight.document.methodWho', { respondents: suppressed(method.respondents) })),
    ...bullets(method.groups.map((group) => `${group.group}: ${suppressed(group.respondents)}`)),
    text(t('insight.method.rule', { threshold: method.threshold })),
    text(t('insight.dashboard.ratesTitle')),
    table(
      [t('insight.round.unit'), t('insight.round.group'), t('insight.dashboard.respondents'), t('insight.round.invited'), t('insight.dashboard.rate')],
      method.rates.map((rate) => [rate.unit, rate.group, suppressed(rate.respondents), rate.invited ?? '–', rate.rate === null ? '–' : percent(ui, rate.rate)]),
    ),
    ...document.parts.flatMap((part) => [
      heading(t(`insight.document.parts.${part.id}`), HeadingLevel.HEADING_2),
      ...part.themes.flatMap((theme) => [
        heading(theme.title, HeadingLevel.HEADING_3),
        ...(theme.empty ? [text(t(`insight.document.${theme.empty}`))] : []),
        ...theme.questions.flatMap((question) => figure(ui, question)),
        ...(theme.quotes.length ? [heading(t('insight.dashboard.quotesTitle'), HeadingLevel.HEADING_4), ...theme.quotes.map((quote) => new Paragraph({ children: [new TextRun({ text: `«${quote}»`, italics: true })], indent: { left: 400 } }))] : []),
      ]),
    ]),
    heading(t('insight.document.draftTitle'), HeadingLevel.HEADING_2),
    new Paragraph({ children: [new TextRun({ text: t('insight.document.draftNote'), bold: true })] }),
    ...(draft.strengths.length ? [] : [text(t('insight.document.draftNone'))]),
    ...(draft.strengths.length ? [heading(t('insight.document.strengthsTitle'), HeadingLevel.HEADING_3), ...bullets(draft.strengths)] : []),
    ...(draft.improvements.length ? [heading(t('insight.document.improvementsTitle'), HeadingLevel.HEADING_3), ...bullets(draft.improvements)] : []),
    ...(draft.changes.length ? [heading(t('insight.document.changesTitle'), HeadingLevel.HEADING_3), ...bullets(draft.changes)] : []),
  ];
  const file = new Document({
    creator: 'medvirk',
    title: t('insight.document.title'),
    styles: { default: { document: { run: { language: { value: ui.lang === 'nn' ? 'nn-NO' : ui.lang === 'en' ? 'en-GB' : 'nb-NO' } } } } },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
