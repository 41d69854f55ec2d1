/**
 * Questions as the pages and documents show them: each a chart's rows (this round within the
 * filters, a row per cross-tab value, and the round before at the same filters), labelled in
 * the reader's language. Every figure is a published cell, copied as it is.
 */
import { pickText } from '../../core/i18n/pick.ts';
import type { DashboardRow, QuestionView } from '../../../web/insight/dashboard.tsx';
import type { Ui } from '../../../web/ui.ts';
import type { Published } from './published.ts';
import { questionRows, type Filters } from './results.ts';
import type { RoundQuestion } from './specs.ts';

/** The favourable end of a question, for the one sentence under its chart: the top two of a scale, "yes", or the first option. */
export const favourable = (question: RoundQuestion) => (question.type === 'smiley-scale' ? [question.options.length - 2, question.options.length - 1] : [0]);

export function optionText(ui: Ui, question: RoundQuestion, value: string) {
  const option = question.options.find((candidate) => candidate.value === value);
  return option?.label ? pickText(option.label, ui.lang) : ui.t(`answers.${value}`);
}

const toRow = (label: string, row: ReturnType<typeof questionRows>[number], extra: Partial<DashboardRow> = {}): DashboardRow => ({
  label,
  respondents: row.respondents?.count ?? null,
  mean: row.respondents?.mean,
  cells: row.options.map(({ cell }) => ({ count: cell?.count ?? null, share: cell ? (cell.share ?? null) : null })),
  ...extra,
});

/** One question's chart and table rows; `before` is the previous round's publication, if there is one. */
export function questionView(ui: Ui, published: Published, before: Published | undefined, question: RoundQuestion, filters: Filters): QuestionView {
  const { t, lang } = ui;
  const crossQuestion = published.tables.backgrounds.find((item) => item.id === filters.crossBy);
  const rows = questionRows(published, question, filters).map((row) => toRow(row.value === undefined || !crossQuestion ? t('insight.dashboard.all') : optionText(ui, crossQuestion, row.value), row));
  const earlier = before?.tables.questions.find((item) => item.id === question.id);
  // The previous round's figure for the same filters, where that round had this question (and unit).
  if (earlier && before && (!filters.unit || before.tables.dimensions.unit?.includes(filters.unit))) {
    const previousRows = questionRows(before, { ...earlier, options: question.options }, { ...filters, crossBy: undefined });
    rows.push(toRow(t('insight.dashboard.previous', { round: before.round.name }), previousRows[previousRows.length - 1]!, { previous: true }));
  }
  return { id: question.id, label: pickText(question.label, lang), options: question.options.map((option) => optionText(ui, question, option.value)), ordered: question.type === 'smiley-scale', rows, favourable: favourable(question) };
}
