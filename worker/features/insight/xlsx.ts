/**
 * The XLSX download: the tidy rows of the CSV on one sheet (from the same source, a table at a
 * time), then the method (threshold, who answered, response rates, the rule in words) and the
 * approved quotes. Written as SpreadsheetML into a streamed ZIP, a table's rows at a time:
 * a round publishes a cell per key of every table, often over a hundred thousand, and a
 * workbook built whole in memory (as SheetJS builds it) would not fit in a Worker.
 */
import type { Translate } from '../../core/i18n/translate.ts';
import { tidyHeader, tidyTables, type TidyValue } from './download.ts';
import { respondents, type Published, type PublishedQuote } from './published.ts';
import { zipStream } from './zip.ts';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Characters XML cannot hold (dropped) or must escape; most cells have none, so the test comes first. */
// eslint-disable-next-line no-control-regex
const SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// eslint-disable-next-line no-control-regex
const escape = (text: string) => (SPECIAL.test(text) ? text.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (char) => ENTITIES[char] ?? '') : text);

/** Column letters: A … Z, AA … */
const column = (index: number): string => (index < 26 ? String.fromCharCode(65 + index) : column(Math.floor(index / 26) - 1) + String.fromCharCode(65 + (index % 26)));
const COLUMNS = Array.from({ length: 64 }, (_, index) => column(index));

/** A row of cells; an empty value leaves its cell out, as a spreadsheet does. */
function row(number: number, values: readonly (TidyValue | undefined)[]): string {
  let cells = '';
  for (let index = 0; index < values.length; index++) {
    const value = values[index];
    if (value === null || value === undefined || value === '') continue;
    const at = `${COLUMNS[index] ?? column(index)}${number}`;
    if (typeof value === 'number') cells += `<c r="${at}"><v>${value}</v></c>`;
    // Leading or trailing spaces are kept only when XML is told to.
    else cells += `<c r="${at}" t="inlineStr"><is><t${value.trim() === value ? '' : ' xml:space="preserve"'}>${escape(value)}</t></is></c>`;
  }
  return `<row r="${number}">${cells}</row>`;
}

/** A worksheet from rows given a batch at a time. */
function* sheet(batches: Iterable<readonly (readonly (TidyValue | undefined)[])[]>): Generator<string> {
  yield `${XML}<worksheet xmlns="${MAIN}"><sheetData>`;
  let number = 0;
  for (const batch of batches) {
    let text = '';
    for (const values of batch) text += row(++number, values);
    yield text;
  }
  yield '</sheetData></worksheet>';
}

/** The header, then the CSV's rows a batch at a time (never all of them at once). */
function* figureBatches(published: Published): Generator<TidyValue[][]> {
  yield [tidyHeader(published)];
  yield* tidyTables(published);
}

/** Sheet names: Excel allows 31 characters and no : \ / ? * [ ]. */
const sheetName = (text: string) => text.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

/** The method in words and numbers, in the language of `t` (the municipality's written standard). */
function methodRows(published: Published, t: Translate, unitName: (id: string) => string): TidyValue[][] {
  const who = respondents(published);
  const shown = (count: number | null) => count ?? t('insight.suppressed');
  return [
    [t('insight.method.rule', { threshold: published.threshold })],
    [],
    [t('insight.method.threshold'), published.threshold],
    [t('insight.method.respondentsAll'), shown(who.all)],
    ...who.groups.map(({ group, count }) => [t(`insight.groups.${group}`), shown(count)]),
    [],
    [t('insight.round.unit'), t('insight.round.group'), t('insight.dashboard.respondents'), t('insight.round.invited'), t('insight.dashboard.rate')],
    ...who.rates.map((rate) => [unitName(rate.unitId), t(`insight.groups.${rate.group}`), shown(rate.cell?.count ?? null), rate.invited, rate.rate]),
  ];
}

export function roundXlsx(published: Published, quotes: PublishedQuote[], t: Translate, unitName: (id: string) => string): ReadableStream<Uint8Array> {
  const quoteRows = [[t('insight.round.group'), t('insight.download.question'), t('insight.download.theme'), t('insight.dashboard.quotesTitle')], ...quotes.map((quote) => [t(`insight.groups.${quote.group}`), quote.questionId, quote.theme ? t(`insight.themes.${quote.theme}`) : '', quote.text])];
  const sheets = [
    { name: sheetName(t('insight.download.figuresSheet')), text: () => sheet(figureBatches(published)) },
    { name: sheetName(t('insight.download.methodSheet')), text: () => sheet([methodRows(published, t, unitName)]) },
    { name: sheetName(t('insight.download.quotesSheet')), text: () => sheet([quoteRows]) },
  ];
  const part = (text: string) => () => [text];
  return zipStream([
    {
      name: '[Content_Types].xml',
      text: part(
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
          sheets.map((_, index) => `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
          '</Types>',
      ),
    },
    { name: '_rels/.rels', text: part(`${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}"><Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    {
      name: 'xl/workbook.xml',
      text: part(`${XML}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheets.map((item, index) => `<sheet name="${escape(item.name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('')}</sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: part(
        `${XML}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`).join('')}<Relationship Id="rId${sheets.length + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/styles.xml',
      text: part(
        `${XML}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
      ),
    },
    ...sheets.map((item, index) => ({ name: `xl/worksheets/sheet${index + 1}.xml`, text: item.text })),
  ]);
}
