/**
 * A closed round's results for the planner, per theme: each question as a chart, its data
 * table and one sentence, under filters sent as a plain GET form. Every figure comes from the
 * published tables; a cell hidden there is "too few answers to show" here.
 */
import { Table } from '../components/table.tsx';
import { SelectField, type Option } from '../components/fields.tsx';
import { StaffLayout } from '../staff/staff-layout.tsx';
import type { Ui } from '../ui.ts';
import { StackedBars } from './chart.tsx';

export interface FigureCell {
  count: number | null;
  share?: number | null;
}

export interface DashboardRow {
  label: string;
  respondents: number | null;
  mean?: number | null;
  cells: FigureCell[];
  /** The row of the previous round, shown beside this round's. */
  previous?: boolean;
}

export interface QuestionView {
  id: string;
  label: string;
  options: string[];
  /** A scale (ordered answers, with a mean), or a choice. */
  ordered: boolean;
  rows: DashboardRow[];
  /** Which options count as the favourable end, for the sentence (the top two of a scale, "yes"). */
  favourable: number[];
}

export interface ThemeView {
  id: string;
  title: string;
  questions: QuestionView[];
  quotes: string[];
}

export interface DashboardProps {
  ui: Ui;
  name: string;
  back: string;
  here: string;
  /** The figures as CSV, XLSX and JSON, and the plan's section 8.4 as a page to print and as DOCX. */
  downloads: { csv: string; xlsx: string; json: string; document: string; docx: string };
  round: { name: string; opensOn: string; closesOn: string };
  previousName?: string;
  filters: { unit: string; group: string; background: string; crossBy: string };
  choices: { units: Option[]; groups: Option[]; backgrounds: Option[]; crossBy: Option[] };
  rates: { unit: string; group: string; respondents: number | null; invited: number | null; rate: number | null }[];
  themes: ThemeView[];
}

export const percent = (ui: Ui, share: number) => new Intl.NumberFormat(ui.lang === 'en' ? 'en-GB' : 'nb-NO', { style: 'percent', maximumFractionDigits: 0 }).format(share);
export const decimal = (ui: Ui, value: number) => new Intl.NumberFormat(ui.lang === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(value);

/** The favourable share of a row, if every part of it is shown; undefined otherwise. */
export function favourableShare(row: DashboardRow, favourable: number[]): number | undefined {
  const parts = favourable.map((index) => row.cells[index]?.share);
  if (row.respondents === null || parts.some((share) => share === null || share === undefined)) return undefined;
  return parts.reduce<number>((sum, part) => sum + (part ?? 0), 0);
}

/** One plain sentence on what the chart shows: the favourable share of all (within the filters), if every part of it is shown. */
function sentence(ui: Ui, question: QuestionView): string {
  const { t } = ui;
  const all = question.rows.find((row) => !row.previous && row.label === t('insight.dashboard.all'));
  const share = all && favourableShare(all, question.favourable);
  if (!all || share === undefined) return t('insight.dashboard.sentenceSuppressed');
  const chosen = question.favourable.map((index) => `«${question.options[index]}»`).join(t('insight.dashboard.or'));
  return t('insight.dashboard.sentence', { respondents: all.respondents ?? 0, share: percent(ui, share), chosen });
}

/** A question's chart, its data table and its sentence; `level` is its heading's (3 on the dashboard). */
export function QuestionFigure({ ui, question, level = 3 }: { ui: Ui; question: QuestionView; level?: 3 | 4 }) {
  const Heading = level === 3 ? 'h3' : 'h4';
  const { t } = ui;
  const chartRows = question.rows.map((row) => ({ label: row.label, shares: row.respondents === null ? undefined : row.cells.map((cell) => cell.share ?? null) }));
  const headers = [t('insight.dashboard.row'), t('insight.dashboard.respondents'), ...question.options, ...(question.ordered ? [t('insight.dashboard.mean')] : [])];
  return (
    <section class="figure" aria-labelledby={`q-${question.id}`}>
      <Heading id={`q-${question.id}`}>{question.label}</Heading>
      <StackedBars ui={ui} id={`chart-${question.id}`} title={t('insight.dashboard.chartTitle', { question: question.label })} rows={chartRows} options={question.options} ordered={question.ordered} />
      <Table caption={t('insight.dashboard.tableCaption', { question: question.label })} headers={headers}>
        {question.rows.map((row) => (
          <tr class={row.previous ? 'previous' : undefined}>
            <th scope="row">{row.label}</th>
            <td>{row.respondents === null ? t('insight.suppressed') : row.respondents}</td>
            {row.cells.map((cell) => (
              <td>{cell.share === null || cell.share === undefined || cell.count === null ? t('insight.suppressed') : `${percent(ui, cell.share)} (${cell.count})`}</td>
            ))}
            {question.ordered && <td>{row.mean === null || row.mean === undefined ? t('insight.suppressed') : decimal(ui, row.mean)}</td>}
          </tr>
        ))}
      </Table>
      <p>{sentence(ui, question)}</p>
    </section>
  );
}

/** Respondents and response rate per unit and group. */
export function RatesTable({ ui, rates }: { ui: Ui; rates: DashboardProps['rates'] }) {
  const { t } = ui;
  return (
    <Table caption={t('insight.dashboard.ratesTitle')} headers={[t('insight.round.unit'), t('insight.round.group'), t('insight.dashboard.respondents'), t('insight.round.invited'), t('insight.dashboard.rate')]}>
      {rates.map((rate) => (
        <tr>
          <td>{rate.unit}</td>
          <td>{rate.group}</td>
          <td>{rate.respondents === null ? t('insight.suppressed') : rate.respondents}</td>
          <td>{rate.invited ?? '–'}</td>
          <td>{rate.rate === null ? '–' : percent(ui, rate.rate)}</td>
        </tr>
      ))}
    </Table>
  );
}

export function DashboardPage({ ui, name, back, here, downloads, round, previousName, filters, choices, rates, themes }: DashboardProps) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('insight.dashboard.titleOf', { round: round.name })} name={name} here={here}>
      <a class="back" href={back}>
        {round.name}
      </a>
      <h1>{t('insight.dashboard.titleOf', { round: round.name })}</h1>
      <p>{t('insight.dashboard.intro')}</p>
      {previousName && <p>{t('insight.dashboard.comparedWith', { round: previousName })}</p>}
      <ul>
        <li>
          <a href={downloads.document}>{t('insight.dashboard.document')}</a>
        </li>
        <li>
          <a href={downloads.docx}>{t('insight.dashboard.docx')}</a>
        </li>
        <li>
          <a href={downloads.csv}>{t('insight.dashboard.download')}</a>
        </li>
        <li>
          <a href={downloads.xlsx}>{t('insight.dashboard.xlsx')}</a>
        </li>
        <li>
          <a href={downloads.json}>{t('insight.dashboard.json')}</a>
        </li>
      </ul>
      <form method="get" action={here} class="filters">
        <SelectField ui={ui} id="unit" label={t('insight.round.unit')} compact value={filters.unit} options={[{ value: '', text: t('insight.dashboard.allUnits') }, ...choices.units]} />
        <SelectField ui={ui} id="group" label={t('insight.round.group')} compact value={filters.group} options={[{ value: '', text: t('insight.dashboard.allGroups') }, ...choices.groups]} />
        <SelectField ui={ui} id="background" label={t('insight.dashboard.background')} compact value={filters.background} options={[{ value: '', text: t('insight.dashboard.everyone') }, ...choices.backgrounds]} />
        <SelectField ui={ui} id="crossBy" label={t('insight.dashboard.crossBy')} compact value={filters.crossBy} options={[{ value: '', text: t('insight.dashboard.noCrossTab') }, ...choices.crossBy]} />
        <button class="button button--secondary" type="submit">
          {t('insight.dashboard.show')}
        </button>
      </form>
      <h2>{t('insight.dashboard.ratesTitle')}</h2>
      <RatesTable ui={ui} rates={rates} />
      {themes.map((theme) => (
        <section class="theme" aria-labelledby={`theme-${theme.id}`}>
          <h2 id={`theme-${theme.id}`}>{theme.title}</h2>
          {theme.questions.map((question) => (
            <QuestionFigure ui={ui} question={question} />
          ))}
          {theme.quotes.length > 0 && (
            <>
              <h3>{t('insight.dashboard.quotesTitle')}</h3>
              {theme.quotes.map((quote) => (
                <blockquote class="quote">{quote}</blockquote>
              ))}
            </>
          )}
        </section>
      ))}
    </StaffLayout>
  );
}
