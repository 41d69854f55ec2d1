/**
 * The one function every view and download of user-insight results goes through.
 *
 * `publish(rows, tables, { threshold, dimensions })` counts the rows into every table and hides
 * what must not be shown. A cell's key names the dimensions it is fixed on; a dimension left out
 * of the key is its margin (all values), a key no row falls in has no cell, and a question
 * table's cell with the question in its key counts one answer option, without it every answer.
 *
 * - Primary: a cell counted from 1 to threshold − 1 respondents is hidden (count, share and
 *   mean null). Zero is not protected: a zero cell is no cell, and readers may take it as 0.
 * - Secondary: every table of one question, with the respondent counts, is one linked set over
 *   the same fine cells (each dimension's value or "not answered", and each answer or none);
 *   more cells (and means) are hidden, smallest first, until no hidden cell is a linear
 *   combination of what is shown (see secondary.ts).
 * - Intervals: where the shown figures and non-negativity would still bound a hidden cell below
 *   the threshold, more is hidden (see intervals.ts).
 *
 * docs/suppression.md says what is guaranteed and what is not.
 */
import { figuresOf, type Figure } from './figures.ts';
import { PARTS, pinnedBy, type Constraint } from './intervals.ts';
import { mod } from './modular.ts';
import { publishable, type Vector } from './secondary.ts';
import { tally, type Tally } from './tally.ts';
import type { Cell, PublishedTable, PublishOptions, ResponseRow, TableSpec } from './types.ts';

export { Counting } from './tally.ts';
export type { Cell, PublishedTable, PublishOptions, ResponseRow, TableSpec } from './types.ts';

/** One figure the set may publish: a cell's count, or a total's score-weighted sum (its mean). */
interface Item {
  figure: Figure;
  mean: boolean;
  vector: Vector;
  weights: number[];
}

/** A scale's scores as whole numbers (a common factor does not change a span). */
const integral = (score: number) => Math.round(score * 1_000_000);

/** The columns of one linked set: its non-empty (fine cell, answer) pairs; answer is -1 for the respondents alone. */
function columnsOf(tally: Tally, question: string | undefined) {
  const fines = tally.respondents.length;
  if (!question) return { count: fines, at: (fine: number) => [fine], width: 1 };
  const { counts } = tally.questions.get(question)!;
  const width = counts.length / fines;
  const index = new Int32Array(counts.length).fill(-1);
  let count = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i]! > 0) index[i] = count++;
  return { count, index, width };
}

function itemsOf(tally: Tally, tables: readonly TableSpec[], figures: readonly Figure[], question: string | undefined) {
  const columns = columnsOf(tally, question);
  const options = question ? tally.questions.get(question)!.options : [];
  const items: Item[] = [];
  for (const figure of figures) {
    const cols: number[] = [];
    const scores: number[] = [];
    const scoreOf = tables[figure.table]!.scores;
    // The answers it sums: all (respondents), the options (a total) or one option.
    const from = typeof figure.answer === 'number' ? figure.answer : 0;
    const to = typeof figure.answer === 'number' ? figure.answer + 1 : figure.answer === 'answered' ? columns.width - 1 : columns.width;
    for (const fine of figure.fines) {
      if (!('index' in columns)) {
        cols.push(fine);
        continue;
      }
      for (let answer = from; answer < to; answer++) {
        const col = columns.index![fine * columns.width + answer]!;
        if (col < 0) continue;
        cols.push(col);
        if (figure.mean) scores.push(scoreOf?.[options[answer]!] ?? 0);
      }
    }
    // A count's weights are all 1, for the span test and the interval checks alike (read only).
    const ones = cols.map(() => 1);
    items.push({ figure, mean: false, vector: { cols, vals: ones }, weights: ones });
    if (figure.mean) {
      const kept = cols.filter((_, i) => scores[i] !== 0);
      const weights = scores.filter((score) => score !== 0);
      items.push({ figure, mean: true, vector: { cols: kept, vals: weights.map((score) => mod(integral(score))) }, weights });
    }
  }
  return { columns: columns.count, items };
}

const statusOf = (item: Item) => (item.mean ? item.figure.mean!.status : item.figure.status);
function hideOne(item: Item) {
  if (item.mean) item.figure.mean!.status = 'secondary';
  else {
    item.figure.status = 'secondary';
    if (item.figure.mean) item.figure.mean.status = 'secondary';
  }
}

/** The secondary and interval steps over one linked set; hides by changing the figures' status. */
function protect(tally: Tally, tables: readonly TableSpec[], figures: readonly Figure[], question: string | undefined, threshold: number, guarded: ReadonlySet<Figure> = new Set()) {
  const { columns, items: all } = itemsOf(tally, tables, figures, question);
  // Figures over the same columns are one figure (a total where everyone chose one option, a
  // table whose extra dimension has one value): decided once, for all of them.
  const twins = new Map<Item, Item[]>();
  const representative = new Map<Item, Item>();
  for (const group of sameColumns(all)) {
    twins.set(group[0]!, group);
    for (const item of group) representative.set(item, group[0]!);
  }
  const items = [...twins.keys()];
  const hide = (item: Item) => twins.get(item)!.forEach(hideOne);
  // Showing a twin of a figure hidden already (in the respondents' own set) would show that figure.
  for (const group of twins.values()) if (group.some((item) => statusOf(item) === 'secondary')) hide(group[0]!);
  const primaries = items.filter((item) => !item.mean && item.figure.status === 'primary');
  // What no shown figure may add up to: the primaries, and the guarded figures (hidden elsewhere).
  const kept = [...primaries, ...items.filter((item) => !item.mean && twins.get(item)!.some(({ figure }) => guarded.has(figure)))];
  if (kept.length === 0) return;
  // Largest first: those are the ones kept; margins before finer cells when counts tie. In a
  // question's set the respondent counts shown in their own set go first: hidden here, one would
  // have to be guarded in every other set too, so the question's own cells are hidden instead.
  const respondentsFirst = (item: Item) => (question && item.figure.answer === 'all' ? 0 : 1);
  const candidates = items
    .map((item, order) => ({ item, order }))
    .filter(({ item }) => statusOf(item) === 'published')
    .sort((a, b) => respondentsFirst(a.item) - respondentsFirst(b.item) || b.item.figure.count - a.item.figure.count || a.item.figure.fixed - b.item.figure.fixed || a.order - b.order)
    .map(({ item }) => item);
  const verdicts = publishable(
    columns,
    kept.map((item) => item.vector),
    candidates.map((item) => item.vector),
  );
  candidates.forEach((item, i) => {
    // A mean is only a candidate while its count is shown.
    if (!verdicts[i] || (item.mean && item.figure.status !== 'published')) hide(item);
  });
  const partsOf = partsIn(tally, tables, all.filter((item) => !item.mean), representative);
  const shown = (item: Item) => statusOf(item) === 'published' && item.figure.status === 'published';
  const bounds = boundsOf(items);
  for (;;) {
    const sources = items.filter((item) => shown(item) && bounds.has(item));
    const at = new Map(sources.map((item, index) => [item, index]));
    const shownParts = new Map<number, number[]>();
    const constraints = sources.map((item) => bounds.get(item)!.own);
    const derived: Constraint[] = [];
    const derivedFrom: number[] = [];
    sources.forEach((item, index) => {
      for (const constraint of bounds.get(item)!.derived) {
        derived.push(constraint);
        derivedFrom.push(index);
      }
    });
    const pinned = pinnedBy(
      columns,
      [...constraints, ...derived],
      primaries.map((item) => item.vector.cols),
      threshold,
      (c) => {
        if (c >= sources.length || sources[c]!.mean) return [];
        let parts = shownParts.get(c);
        if (!parts) {
          parts = [];
          for (const part of partsOf(sources[c]!)) if (shown(part) && parts.push(at.get(part)!) >= PARTS) break;
          shownParts.set(c, parts);
        }
        return parts;
      },
    );
    const widen = new Set(pinned.flatMap((from) => [...from].map((index) => sources[index < sources.length ? index : derivedFrom[index - sources.length]!]!)));
    if (widen.size === 0) return;
    for (const item of widen) hide(item);
  }
}

/** The items in groups over the same columns (counts and means apart), in the order first met. */
function sameColumns(items: readonly Item[]) {
  const groups: { cols: readonly number[]; mean: boolean; items: Item[] }[] = [];
  const byHash = new Map<number, number[]>();
  for (const item of items) {
    const cols = ascending(item.vector.cols);
    let hash = item.mean ? 1 : 2;
    for (const col of cols) hash = Math.imul(hash ^ col, 16_777_619);
    const found = byHash.get(hash);
    const same = found?.find((at) => groups[at]!.mean === item.mean && equal(groups[at]!.cols, cols));
    if (same !== undefined) {
      groups[same]!.items.push(item);
      continue;
    }
    if (found) found.push(groups.length);
    else byHash.set(hash, [groups.length]);
    groups.push({ cols, mean: item.mean, items: [item] });
  }
  return groups.map((group) => group.items);
}

const ascending = (cols: readonly number[]) => (cols.every((col, i) => i === 0 || cols[i - 1]! < col) ? cols : [...cols].sort((a, b) => a - b));
const equal = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * What each figure with positive weights says to the interval checks, worked out once per set:
 * its own sum and, for a mean with its count, the sums that bound the options by how far each
 * is from the lowest and the highest score.
 */
function boundsOf(items: readonly Item[]) {
  const bounds = new Map<Item, { own: Constraint; derived: Constraint[] }>();
  for (const item of items) {
    if (!item.weights.every((weight) => weight > 0)) continue;
    const { cols } = item.vector;
    const coefs = item.weights;
    const own: Constraint = { cols, coefs, value: item.mean ? item.figure.mean!.scoreSum : item.figure.count };
    const derived: Constraint[] = [];
    if (item.mean) {
      const low = Math.min(...coefs);
      const high = Math.max(...coefs);
      const { count } = item.figure;
      const { scoreSum } = item.figure.mean!;
      for (const [weights, value] of [[coefs.map((coef) => coef - low), scoreSum - low * count], [coefs.map((coef) => high - coef), high * count - scoreSum]] as const) {
        const kept = weights.map((weight, i) => [cols[i]!, weight] as const).filter(([, weight]) => weight > 0);
        if (kept.length > 0) derived.push({ cols: kept.map(([col]) => col), coefs: kept.map(([, weight]) => weight), value });
      }
    }
    bounds.set(item, { own, derived });
  }
  return bounds;
}

/**
 * Each count's parts: the counts of the same kind whose key fixes more dimensions and agrees
 * on the rest, and for a question's count also the respondent count over the same or fewer,
 * largest first. A key is a number: its fine cell's digit on each dimension it fixes (0
 * elsewhere), its answer, and whether it counts respondents, in mixed radix.
 */
function partsIn(tally: Tally, tables: readonly TableSpec[], counts: readonly Item[], representative: Map<Item, Item>) {
  const width = tally.dims.length;
  const dimAt = new Map(tally.dims.map((dim, index) => [dim, index]));
  // Place values: the kind, then each dimension, then the answer (options and "none").
  const answers = 2 + Math.max(0, ...[...tally.questions.values()].map(({ options }) => options.length));
  const place = [2];
  for (const values of tally.values) place.push(place.at(-1)! * values.length);
  if (place.at(-1)! * answers > Number.MAX_SAFE_INTEGER) throw new Error('Too many dimension values to key the figures');
  const keyed = counts.map((item) => {
    const { figure } = item;
    const kind = tables[figure.table]!.question ? 1 : 0;
    // The digit and place value of each dimension the key fixes.
    const fixed = tables[figure.table]!.by.map((dim) => {
      const d = dimAt.get(dim)!;
      return tally.digits[figure.fines[0]! * width + d]! * place[d]!;
    });
    if (typeof figure.answer === 'number') fixed.push((figure.answer + 1) * place[width]!);
    return { item, kind, fixed, key: kind + fixed.reduce((sum, value) => sum + value, 0) };
  });
  const byKey = new Map(keyed.map(({ item, key }) => [key, representative.get(item)!]));
  const parts = new Map<Item, Item[]>();
  // A part reaches one whole by more than one key only while it is being joined: the last one added says.
  const join = (whole: Item | undefined, part: Item) => {
    if (!whole || whole === part) return;
    const list = parts.get(whole);
    if (!list) parts.set(whole, [part]);
    else if (list.at(-1) !== part) list.push(part);
  };
  const left = new Float64Array(1 << Math.max(0, ...keyed.map(({ fixed }) => fixed.length)));
  // Parts joined largest first (stably), so that each whole's list is in that order.
  const largestFirst = keyed.map((entry, order) => ({ entry, order })).sort((a, b) => b.entry.item.figure.count - a.entry.item.figure.count || a.order - b.order);
  for (const { entry: { item: part, kind, fixed, key } } of largestFirst) {
    if (representative.get(part) !== part) continue;
    // left[mask]: the key less the digits of the dimensions in the mask (each subset from a smaller one).
    left[0] = key;
    for (let mask = 1; mask < 1 << fixed.length; mask++) {
      const bit = 31 - Math.clz32(mask & -mask);
      left[mask] = left[mask & (mask - 1)]! - fixed[bit]!;
      join(byKey.get(left[mask]!), part);
    }
    // A question's count is also part of the respondent count over the same or fewer dimensions.
    if (!kind) continue;
    const answer = typeof part.figure.answer === 'number' ? fixed.length - 1 : -1;
    for (let mask = 0; mask < 1 << fixed.length; mask++) {
      const unfixed = answer >= 0 && !(mask & (1 << answer)) ? fixed[answer]! : 0;
      join(byKey.get(left[mask]! - 1 - unfixed), part);
    }
  }
  return (whole: Item) => parts.get(whole) ?? [];
}

export function publish(rows: Iterable<ResponseRow>, tables: readonly TableSpec[], options: PublishOptions): PublishedTable[] {
  return publishCounted(tally(rows, tables, options), tables, options);
}

/** `publish` from rows counted already (`Counting`, for answers read page by page). */
export function publishCounted(counted: Tally, tables: readonly TableSpec[], options: PublishOptions): PublishedTable[] {
  const byTable = figuresOf(counted, tables, options.threshold);
  const respondents = byTable.filter((_, index) => !tables[index]!.question).flat();
  protect(counted, tables, respondents, undefined, options.threshold);
  const questions = new Map<string, Figure[]>();
  byTable.forEach((figures, index) => {
    const question = tables[index]!.question;
    if (question) questions.set(question, [...(questions.get(question) ?? []), ...figures]);
  });
  // Each question's set holds the respondent counts too; one hidden there is hidden everywhere.
  // One hidden in a question's set, to protect that question's cells, must not be worked out from
  // another question's figures either (where everyone answered that question, its totals are the
  // respondent counts): every set guards it as it guards its primaries, and a set that was worked
  // out before it was hidden is worked out again, until no set hides another.
  const ownHidden = new Set(respondents.filter((figure) => figure.status === 'secondary'));
  const guarded = new Set<Figure>();
  const guardedWhenDone = new Map<string, number>();
  for (let again = [...questions.keys()]; again.length > 0; again = [...questions.keys()].filter((question) => guardedWhenDone.get(question)! < guarded.size)) {
    for (const question of again) {
      protect(counted, tables, [...respondents, ...questions.get(question)!], question, options.threshold, guarded);
      for (const figure of respondents) if (figure.status === 'secondary' && !ownHidden.has(figure)) guarded.add(figure);
      guardedWhenDone.set(question, guarded.size);
    }
  }
  // A mean beside a hidden option is a weighted sum of hidden counts, which with the shown total
  // can narrow them to one whole number: it is hidden too. (Hiding more never helps a reader.)
  for (const figures of byTable) for (const figure of figures) if (figure.base?.mean && figure.status !== 'published') figure.base.mean.status = 'secondary';
  return tables.map((table, index) => ({ id: table.id, cells: byTable[index]!.map((figure) => cellOf(figure, table)) }));
}

function cellOf(figure: Figure, table: TableSpec): Cell {
  const { key, count } = figure;
  const shown = figure.status === 'published';
  const hidden = shown ? {} : { suppressed: figure.status as 'primary' | 'secondary' };
  if (figure.base) {
    // A share beside a hidden total would reveal the total.
    const share = shown && figure.base.status === 'published' ? count / figure.base.count : null;
    return { key, count: shown ? count : null, share, ...hidden };
  }
  if (!table.question || !table.scores) return { key, count: shown ? count : null, ...hidden };
  const mean = figure.mean!;
  const meanShown = shown && mean.status === 'published';
  return {
    key,
    count: shown ? count : null,
    mean: meanShown && mean.scored ? mean.scoreSum / mean.scored : null,
    ...hidden,
    ...(shown && !meanShown ? { meanSuppressed: 'secondary' as const } : {}),
  };
}
