/**
 * Aggregation with suppression at 1,000, 10,000 and 100,000 responses: the real survey forms'
 * tables (`roundTables`: every question by unit, group and its background questions, and the
 * respondent counts), 15 units of which three are tiny, answers skewed as real ones are and
 * some left out. Each size runs in its own process, so its peak memory is its own: the time is
 * the median of three `publish` calls after a first one (or that first call alone, where it took
 * over LONG_MS: the compiler's warm-up is nothing beside it), the memory the process's peak
 * resident set and the heap in use after the calls. Writes bench/results/suppression.md and suppression.svg.
 *
 * `npx tsx bench/suppression.ts` runs all sizes; `--size N` one (used by the parent).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { INSIGHT_GROUPS } from '../worker/core/vocabulary.ts';
import { responseRow, roundTables } from '../worker/features/insight/specs.ts';
import { publish } from '../worker/features/insight/suppression/index.ts';
import { indexed } from '../worker/features/insight/published.ts';
import { packed, unpacked } from '../worker/features/insight/packed-tables.ts';

export const SIZES = [1_000, 10_000, 100_000];
/** One size may take this long; a larger size is not tried after one over it. */
const SIZE_LIMIT_MS = 300_000;
/** A first publish this long is the measurement. */
const LONG_MS = 10_000;
const RESULTS = new URL('./results/', import.meta.url);
const FORMS: Record<(typeof INSIGHT_GROUPS)[number], string> = { children: 'innsikt-barn', youth: 'innsikt-ungdom', guardians: 'innsikt-foresatte', staff: 'innsikt-tilsette' };
const SHARE = { children: 0.4, youth: 0.35, guardians: 0.15, staff: 0.1 };
const UNITS = Array.from({ length: 15 }, (_, at) => `unit-${at + 1}`);
/** Units 13–15 are tiny whatever the size: 3, 8 and 15 respondents. */
const TINY = [3, 8, 15];

/** A small deterministic generator, so every run counts the same answers. */
function random(seed: number) {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
}

export function responses(size: number) {
  const round = { groups: INSIGHT_GROUPS.map((group) => ({ group, form: FORMS[group] })), localQuestions: [] };
  const tables = roundTables(round, UNITS);
  const next = random(size);
  const big = size - TINY.reduce((sum, n) => sum + n, 0);
  const units = [...Array.from({ length: big }, () => UNITS[Math.floor(next() ** 1.5 * 12)]!), ...TINY.flatMap((n, at) => Array.from({ length: n }, () => UNITS[12 + at]!))];
  const rows = units.map((unitId) => {
    let pick = next();
    const group = INSIGHT_GROUPS.find((candidate) => (pick -= SHARE[candidate]) < 0) ?? 'staff';
    const answers: Record<string, string> = {};
    for (const question of [...tables.backgrounds, ...tables.questions]) {
      if (!question.groups.includes(group) || next() < 0.06) continue;
      // Skewed towards the favourable end, as real answers are; a rare option stays rare.
      const options = question.options;
      answers[question.id] = options[Math.min(options.length - 1, Math.floor(options.length * Math.sqrt(next())))]!.value;
    }
    return responseRow(tables, { unitId, group, answers });
  });
  return { tables, rows };
}

interface Result {
  size: number;
  tables: number;
  cells: number;
  hidden: number;
  /** null: over the limit, not measured. */
  ms: number | null;
  peakRssMb: number | null;
  heapMb: number | null;
  /** The publication as stored (compressed JSON in base64), and reading it back for a view. */
  storedKb: number | null;
  readMs: number | null;
}

async function measureOne(size: number): Promise<Result> {
  const { tables, rows } = responses(size);
  const first = performance.now();
  let published = publish(rows, tables.specs, { threshold: 5, dimensions: tables.dimensions });
  const firstMs = performance.now() - first;
  const times: number[] = firstMs >= LONG_MS ? [firstMs] : [];
  while (times.length < 3 && firstMs < LONG_MS) {
    const started = performance.now();
    published = publish(rows, tables.specs, { threshold: 5, dimensions: tables.dimensions });
    times.push(performance.now() - started);
  }
  const cells = published.flatMap((table) => table.cells);
  // What a view does instead, once the round is stored: unpack the stored set and index it.
  const stored = await packed(published);
  const reads: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    indexed(await unpacked(stored));
    reads.push(performance.now() - started);
  }
  return {
    size,
    tables: published.length,
    cells: cells.length,
    hidden: cells.filter((cell) => cell.count === null).length,
    ms: Math.round(times.sort((a, b) => a - b)[times.length >> 1]!),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    heapMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    storedKb: Math.round(stored.length / 1024),
    readMs: Math.round(reads.sort((a, b) => a - b)[1]!),
  };
}

const markdown = (results: Result[]) =>
  [
    ...(results.length < SIZES.length ? [`Not tried after a size over the limit: ${SIZES.slice(results.length).map((size) => size.toLocaleString('en')).join(', ')} responses.`, ''] : []),
    `Node ${process.version}, ${cpus().length} CPUs, ${new Date().toISOString()}. Threshold 5; the real survey forms' tables; target under 1,000 ms at 100,000 responses.`,
    '',
    'A view reads the publication the cron stored instead (`stored-publication.ts`): "stored" is its size in the database, "read" the time to unpack and index it.',
    '',
    '| responses | tables | cells | hidden | publish (ms: median of 3, or one call where it took over 10 s) | peak RSS (MB) | heap after (MB) | stored (KB) | read (ms, median of 3) |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) =>
      r.ms === null
        ? `| ${r.size.toLocaleString('en')} | | | | over ${SIZE_LIMIT_MS / 1000} s (not measured) | | | | |`
        : `| ${r.size.toLocaleString('en')} | ${r.tables} | ${r.cells.toLocaleString('en')} | ${r.hidden.toLocaleString('en')} | ${r.ms.toLocaleString('en')} | ${r.peakRssMb} | ${r.heapMb} | ${r.storedKb} | ${r.readMs} |`,
    ),
  ].join('\n');

/** Time against responses on log-scaled x, with the 1 s target as a line. */
function svg(all: Result[]) {
  const results = all.filter((r): r is Result & { ms: number } => r.ms !== null);
  const [width, height, left, bottom, top, right] = [480, 280, 60, 40, 20, 20];
  const maxMs = Math.max(1000, ...results.map((r) => r.ms)) * 1.1;
  const x = (size: number) => left + ((Math.log10(size) - 3) / 2) * (width - left - right);
  // Sizes over the limit are left out of the plot and said in its title.
  const y = (ms: number) => height - bottom - (ms / maxMs) * (height - bottom - top);
  const points = results.map((r) => `${x(r.size).toFixed(1)},${y(r.ms).toFixed(1)}`).join(' ');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-labelledby="t"><title id="t">publish time (ms) against responses: ${all.map((r) => `${r.size}: ${r.ms === null ? `over ${SIZE_LIMIT_MS / 1000} s` : `${r.ms} ms`}`).join(', ')}</title>
<rect width="100%" height="100%" fill="#fff"/>
<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#000"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#000"/>
<line x1="${left}" y1="${y(1000).toFixed(1)}" x2="${width - right}" y2="${y(1000).toFixed(1)}" stroke="#b00" stroke-dasharray="4 4"/>
<text x="${width - right}" y="${(y(1000) - 6).toFixed(1)}" text-anchor="end" font-size="12" fill="#b00">target 1 s</text>
<polyline points="${points}" fill="none" stroke="#036" stroke-width="2"/>
${results.map((r) => `<circle cx="${x(r.size).toFixed(1)}" cy="${y(r.ms).toFixed(1)}" r="4" fill="#036"/><text x="${x(r.size).toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" font-size="12">${r.size.toLocaleString('en')}</text><text x="${(x(r.size) + 6).toFixed(1)}" y="${(y(r.ms) - 8).toFixed(1)}" font-size="12">${r.ms} ms</text>`).join('\n')}
<text x="${(width + left) / 2}" y="${height - 6}" text-anchor="middle" font-size="12">responses</text>
<text x="14" y="${(height - bottom + top) / 2}" transform="rotate(-90 14 ${(height - bottom + top) / 2})" text-anchor="middle" font-size="12">ms</text>
</svg>
`;
}

/** Runs every size in its own process and writes the table and the plot; returns the table. */
export async function measureSuppression(log: (message: string) => void = console.log) {
  const results: Result[] = [];
  for (const size of SIZES) {
    let result: Result;
    try {
      const output = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--size', String(size)], { encoding: 'utf8', timeout: SIZE_LIMIT_MS });
      result = JSON.parse(output.trim().split('\n').pop()!) as Result;
    } catch {
      // Over the limit (or failed): reported as such, never left running.
      result = { size, tables: 0, cells: 0, hidden: 0, ms: null, peakRssMb: null, heapMb: null, storedKb: null, readMs: null };
    }
    log(`suppression: ${size} responses, ${result.ms === null ? `over ${SIZE_LIMIT_MS / 1000} s` : `${result.ms} ms, peak RSS ${result.peakRssMb} MB`}`);
    results.push(result);
    if (result.ms === null) break;
  }
  const text = markdown(results);
  await mkdir(RESULTS, { recursive: true });
  await writeFile(new URL('suppression.md', RESULTS), `# Aggregation with suppression\n\nProduced by \`npx tsx bench/suppression.ts\` (also a step of \`npm run bench\`).\n\n${text}\n`);
  await writeFile(new URL('suppression.svg', RESULTS), svg(results));
  return { results, text, withinTarget: results.some((r) => r.size === 100_000 && r.ms !== null && r.ms < 1000) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--size');
  if (at > 0) console.log(JSON.stringify(await measureOne(Number(process.argv[at + 1]))));
  else console.log((await measureSuppression()).text);
}
