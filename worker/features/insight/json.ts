/**
 * A closed round's published figures as JSON, for the download and the API alike: every table
 * of the one publication with its cells as `publish()` gave them (a hidden cell has `count: null`
 * and says why), who answered, and the approved quotes. Nothing here counts anything. Streamed a
 * batch of cells at a time, as the CSV is: a round can publish a quarter of a million cells.
 */
import type { Cell } from './suppression/index.ts';
import { respondents, type Published, type PublishedQuote } from './published.ts';
import { textStream } from './download.ts';

const BATCH = 1000;

const cellJson = (cell: Cell) => ({ key: cell.key, count: cell.count, ...('share' in cell ? { share: cell.share ?? null } : {}), ...('mean' in cell ? { mean: cell.mean ?? null } : {}), ...(cell.suppressed ? { suppressed: true } : {}) });

/** Everything before the tables: the round, the threshold, who answered, the questions. */
function head(published: Published) {
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
  };
}

function* pieces(published: Published, quotes: PublishedQuote[]): Generator<string> {
  yield `${JSON.stringify(head(published)).slice(0, -1)},"tables":[`;
  for (const [index, spec] of published.tables.specs.entries()) {
    yield `${index ? ',' : ''}{"id":${JSON.stringify(spec.id)},"question":${JSON.stringify(spec.question ?? null)},"by":${JSON.stringify(spec.by)},"cells":[`;
    let batch: string[] = [];
    let first = true;
    for (const cell of published.cells.get(spec.id)?.values() ?? []) {
      batch.push(JSON.stringify(cellJson(cell)));
      if (batch.length === BATCH) {
        yield `${first ? '' : ','}${batch.join(',')}`;
        first = false;
        batch = [];
      }
    }
    if (batch.length) yield `${first ? '' : ','}${batch.join(',')}`;
    yield ']}';
  }
  yield `],"quotes":${JSON.stringify(quotes.map((quote) => ({ group: quote.group, question: quote.questionId, theme: quote.theme ?? null, text: quote.text })))}}`;
}

export const roundJson = (published: Published, quotes: PublishedQuote[]) => textStream(pieces(published, quotes));
