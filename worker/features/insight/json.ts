/**
 * A closed round's published figures as JSON, for the download and the API alike: every table
 * of the one publication with its cells as `publish()` gave them (a hidden cell has `count: null`
 * and says why), who answered, and the approved quotes. Nothing here counts anything.
 */
import { respondents, type Published, type PublishedQuote } from './published.ts';

export function roundJson(published: Published, quotes: PublishedQuote[]) {
  const { round, tables } = published;
  const who = respondents(published);
  return {
    round: { id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, groups: round.groups.map(({ group, form }) => ({ group, form })) },
    threshold: published.threshold,
    respondents: {
      all: who.all,
      groups: who.groups,
      units: who.rates.map((rate) => ({ unit: rate.unitId, group: rate.group, respondents: rate.cell?.count ?? null, invited: rate.invited, rate: rate.rate })),
    },
    questions: [...tables.backgrounds, ...tables.questions].map((question) => ({ id: question.id, theme: question.theme, type: question.type, groups: question.groups, options: question.options.map((option) => option.value), backgrounds: question.backgrounds })),
    tables: tables.specs.map((spec) => ({
      id: spec.id,
      question: spec.question ?? null,
      by: spec.by,
      cells: [...(published.cells.get(spec.id)?.values() ?? [])].map((cell) => ({ key: cell.key, count: cell.count, ...('share' in cell ? { share: cell.share ?? null } : {}), ...('mean' in cell ? { mean: cell.mean ?? null } : {}), ...(cell.suppressed ? { suppressed: cell.suppressed } : {}) })),
    })),
    quotes: quotes.map((quote) => ({ group: quote.group, question: quote.questionId, theme: quote.theme ?? null, text: quote.text })),
  };
}

export type RoundJson = ReturnType<typeof roundJson>;
