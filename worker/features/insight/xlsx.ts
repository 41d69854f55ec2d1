/**
 * The XLSX download: the tidy rows of the CSV on one sheet (from the same source, a table at a
 * time), then the method (threshold, who answered, response rates, the rule in words) and the
 * approved quotes. SheetJS writes a workbook whole, so its memory grows with the number of
 * published cells, which is fixed by the round's forms and units, not by how many answered.
 */
import { utils, write, type WorkSheet } from '@e965/xlsx';
import type { Translate } from '../../core/i18n/translate.ts';
import { tidyHeader, tidyTables } from './download.ts';
import type { PublishedQuote } from './quotes.ts';
import { respondents, type Published } from './results.ts';

/** Sheet names: Excel allows 31 characters and no : \ / ? * [ ]. */
const sheetName = (text: string) => text.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

function figuresSheet(published: Published): WorkSheet {
  const sheet = utils.aoa_to_sheet([tidyHeader(published)]);
  for (const rows of tidyTables(published)) if (rows.length) utils.sheet_add_aoa(sheet, rows, { origin: -1 });
  return sheet;
}

/** The method in words and numbers, in the language of `t` (the municipality's written standard). */
function methodSheet(published: Published, t: Translate, unitName: (id: string) => string): WorkSheet {
  const who = respondents(published);
  const shown = (count: number | null) => count ?? t('insight.suppressed');
  return utils.aoa_to_sheet([
    [t('insight.method.rule', { threshold: published.threshold })],
    [],
    [t('insight.method.threshold'), published.threshold],
    [t('insight.method.respondentsAll'), shown(who.all)],
    ...who.groups.map(({ group, count }) => [t(`insight.groups.${group}`), shown(count)]),
    [],
    [t('insight.round.unit'), t('insight.round.group'), t('insight.dashboard.respondents'), t('insight.round.invited'), t('insight.dashboard.rate')],
    ...who.rates.map((rate) => [unitName(rate.unitId), t(`insight.groups.${rate.group}`), shown(rate.cell?.count ?? null), rate.invited ?? '', rate.rate ?? '']),
  ]);
}

export function roundXlsx(published: Published, quotes: PublishedQuote[], t: Translate, unitName: (id: string) => string): Uint8Array<ArrayBuffer> {
  const book = utils.book_new();
  utils.book_append_sheet(book, figuresSheet(published), sheetName(t('insight.download.figuresSheet')));
  utils.book_append_sheet(book, methodSheet(published, t, unitName), sheetName(t('insight.download.methodSheet')));
  const quoteRows = quotes.map((quote) => [t(`insight.groups.${quote.group}`), quote.questionId, quote.theme ? t(`insight.themes.${quote.theme}`) : '', quote.text]);
  utils.book_append_sheet(book, utils.aoa_to_sheet([[t('insight.round.group'), t('insight.download.question'), t('insight.download.theme'), t('insight.dashboard.quotesTitle')], ...quoteRows]), sheetName(t('insight.download.quotesSheet')));
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
