/**
 * CSV and XLSX downloads of a closed user-insight round at 1,000, 10,000 and 100,000 responses,
 * with their peak memory. Each measurement runs in a fresh Node process of its own, so one
 * does not inherit another's heap:
 *
 * - `publish`: generates the responses (the demo seed's generator, four groups, 40 units),
 *   counts them into the round's tables and publishes them through `publish()`, as the
 *   download route does, and writes the publication to a file;
 * - `csv` / `xlsx`: reads that publication back and builds the download from it with the
 *   route's own code (the CSV stream read to its end, the XLSX workbook written).
 *
 * Peak memory is the process's peak resident set (`maxRSS`); the download's own cost is that
 * peak minus the resident set just before the download started. Node's own start-up (with tsx)
 * is in every absolute figure and is reported alone.
 */
import { execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { promisify } from 'node:util';

export const SIZES = [1_000, 10_000, 100_000] as const;
const UNITS = 40;
const FORMS = { children: 'innsikt-barn', youth: 'innsikt-ungdom', guardians: 'innsikt-foresatte', staff: 'innsikt-tilsette' } as const;
/** Roughly how a municipality's answers split between the groups. */
const WEIGHTS = { children: 0.3, youth: 0.35, guardians: 0.25, staff: 0.1 } as const;

const megabytes = (kilobytes: number) => Math.round((kilobytes / 1024) * 10) / 10;
const maxRssKb = () => process.resourceUsage().maxRSS;
const rssKb = () => process.memoryUsage().rss / 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

export interface PublishResult {
  responses: number;
  cells: number;
  hidden: number;
  ms: number;
  startMb: number;
  peakMb: number;
}

export interface DownloadResult {
  format: 'csv' | 'xlsx';
  bytes: number;
  ms: number;
  startMb: number;
  beforeMb: number;
  peakMb: number;
  /** The download's own peak: peak minus the resident set just before it. */
  extraMb: number;
  /** The JavaScript heap's peak above where it was before, sampled at every chunk written (garbage not yet collected included). */
  heapExtraMb: number;
  /** What the download keeps alive above the publication (heap and buffers, collected every ten chunks). */
  liveMb: number;
}

export interface SizeResult {
  responses: number;
  publish: PublishResult;
  csv: DownloadResult;
  xlsx: DownloadResult;
}

async function publishChild(responses: number, file: string): Promise<PublishResult> {
  const startMb = megabytes(rssKb());
  const { generatedAnswer, random } = await import('../scripts/lib/insight-seed.ts');
  const { roundTables, responseRow } = await import('../worker/features/insight/specs.ts');
  const { publishRows } = await import('../worker/features/insight/published.ts');
  const { currentForm } = await import('../worker/platform/forms.ts');
  const started = performance.now();
  const units = Array.from({ length: UNITS }, (_, n) => `unit-${String(n + 1).padStart(2, '0')}`);
  const groups = (Object.keys(FORMS) as (keyof typeof FORMS)[]).map((group) => ({ group, form: FORMS[group] }));
  const round = { id: 'bench-round', municipalityId: 'bench', name: 'Bench', opensOn: '2026-10-01', closesOn: '2026-10-31', closedAt: new Date('2026-10-31'), groups, localQuestions: [] };
  const tables = roundTables(round, units);
  const questions = Object.fromEntries(groups.map(({ group, form }) => [group, currentForm(form)!.definition.pages.flatMap((page) => page.questions)]));
  const next = random(responses);
  // One at a time, as the app counts a round's answers page by page: none is held.
  function* rows() {
    for (let n = 0; n < responses; n++) {
      let roll = next();
      const group = groups.find(({ group: candidate }) => (roll -= WEIGHTS[candidate]) < 0)?.group ?? 'staff';
      yield responseRow(tables, { unitId: units[Math.floor(next() * UNITS)]!, group, answers: generatedAnswer(questions[group]!, next, 0) });
    }
  }
  const links = units.flatMap((unitId) => groups.map(({ group }) => ({ id: `${unitId}-${group}`, roundId: round.id, unitId, group, code: '', invited: null })));
  const published = publishRows(round, links, tables, rows(), 5);
  const ms = performance.now() - started;
  const all = [...published.cells.values()].flatMap((table) => [...table.values()]);
  await writeFile(file, serialize(published));
  return { responses, cells: all.length, hidden: all.filter((cell) => cell.count === null).length, ms: Math.round(ms), startMb, peakMb: megabytes(maxRssKb()) };
}

/** The heap a download keeps alive above the publication, collected every few chunks: its own need, without garbage V8 has not yet collected. */
async function liveChild(format: 'csv' | 'xlsx', file: string): Promise<{ liveMb: number }> {
  const { roundCsv } = await import('../worker/features/insight/download.ts');
  const { roundXlsx } = await import('../worker/features/insight/xlsx.ts');
  const { translator } = await import('../worker/core/i18n/translate.ts');
  const published = deserialize(await readFile(file));
  gc();
  const live = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const before = live();
  let peak = before;
  const reader = (format === 'csv' ? roundCsv(published) : roundXlsx(published, [], translator('nb'), (id) => id)).getReader();
  let chunks = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    if (++chunks % 10 === 0) {
      gc();
      peak = Math.max(peak, live());
    }
  }
  return { liveMb: megabytes((peak - before) / 1024) };
}

async function downloadChild(format: 'csv' | 'xlsx', file: string): Promise<Omit<DownloadResult, 'liveMb'>> {
  const startMb = megabytes(rssKb());
  const { roundCsv } = await import('../worker/features/insight/download.ts');
  const { roundXlsx } = await import('../worker/features/insight/xlsx.ts');
  const { translator } = await import('../worker/core/i18n/translate.ts');
  const published = deserialize(await readFile(file));
  gc();
  const beforeKb = rssKb();
  const started = performance.now();
  let bytes = 0;
  let peakHeap = process.memoryUsage().heapUsed;
  const heapBefore = peakHeap;
  const reader = (format === 'csv' ? roundCsv(published) : roundXlsx(published, [], translator('nb'), (id) => id)).getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    bytes += chunk.value.byteLength;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  const ms = performance.now() - started;
  const peakKb = maxRssKb();
  return { format, bytes, ms: Math.round(ms), startMb, beforeMb: megabytes(beforeKb), peakMb: megabytes(peakKb), extraMb: megabytes(Math.max(0, peakKb - beforeKb)), heapExtraMb: megabytes((peakHeap - heapBefore) / 1024) };
}

const run = promisify(execFile);
const self = fileURLToPath(import.meta.url);

/** The steps running now, so a run that is stopped does not leave one behind. */
const running = new Set<ChildProcess>();

async function child<T>(args: string[], timeout = 0): Promise<T> {
  const step = run(process.execPath, ['--import', 'tsx', '--expose-gc', self, 'child', ...args], { maxBuffer: 1 << 20, timeout });
  running.add(step.child);
  try {
    const { stdout } = await step;
    return JSON.parse(stdout.trim().split('\n').pop()!) as T;
  } finally {
    running.delete(step.child);
  }
}

/** Stops every step still running (the bench's watchdog). */
export function stopInsightSteps(): void {
  for (const step of running) step.kill('SIGKILL');
}

/** A download needs its publication first; a size whose publishing takes longer is not measured (nor any larger). */
export const PUBLISH_LIMIT_MS = 240_000;

export interface DownloadsResult {
  results: SizeResult[];
  /** The sizes left out because publishing one took over PUBLISH_LIMIT_MS. */
  notMeasured: number[];
}

/** Every size in turn, each step in its own process. */
export async function measureInsightDownloads(log: (message: string) => void): Promise<DownloadsResult> {
  const folder = await mkdtemp(join(tmpdir(), 'medvirk-insight-'));
  try {
    const results: SizeResult[] = [];
    for (const [index, responses] of SIZES.entries()) {
      const file = join(folder, `published-${responses}`);
      let publish: PublishResult;
      try {
        publish = await child<PublishResult>(['publish', String(responses), file], PUBLISH_LIMIT_MS);
      } catch (error) {
        if (!(error as { killed?: boolean }).killed) throw error;
        log(`  ${responses} responses: publishing took over ${PUBLISH_LIMIT_MS / 1000} s; not measured`);
        return { results, notMeasured: SIZES.slice(index) };
      }
      const csv = { ...(await child<Omit<DownloadResult, 'liveMb'>>(['csv', file])), ...(await child<{ liveMb: number }>(['csv-live', file])) };
      const xlsx = { ...(await child<Omit<DownloadResult, 'liveMb'>>(['xlsx', file])), ...(await child<{ liveMb: number }>(['xlsx-live', file])) };
      log(`  ${responses} responses: ${publish.cells} cells; CSV ${csv.ms} ms, peak +${csv.extraMb} MB, live +${csv.liveMb} MB; XLSX ${xlsx.ms} ms, peak +${xlsx.extraMb} MB, live +${xlsx.liveMb} MB`);
      results.push({ responses, publish, csv, xlsx });
    }
    return { results, notMeasured: [] };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const number = (value: number) => value.toLocaleString('en-GB');

export function insightDownloadsMarkdown({ results, notMeasured }: DownloadsResult): string {
  return [
    ...(notMeasured.length
      ? [
          `Not measured: ${notMeasured.map(number).join(' and ')} responses, since publishing ${notMeasured.length > 1 ? 'each' : 'them'} (which a download reads) took over ${PUBLISH_LIMIT_MS / 1000} s; see suppression.md and docs/suppression.md, "Performance".`,
          '',
        ]
      : []),
    `Each step in a fresh Node process (${process.version}, with tsx); its resident set at start-up alone: ${results[0]?.csv.startMb ?? '?'} MB. ` +
      'For each download: the peak resident set above the one just before it (as run, garbage V8 had not collected yet included), and what it keeps alive above the publication (heap and buffers, collected every ten chunks). ' +
      'The publication itself (all cells of the round) is in memory before the download begins; its size is in "Peak RSS" of the count-and-publish step, which counts the responses one at a time, as the app does page by page, and holds none of them.',
    '',
    '| Responses | Published cells (hidden) | Count + publish | Peak RSS there | CSV | CSV size | CSV peak above start | CSV live | XLSX | XLSX size | XLSX peak above start | XLSX live |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(({ responses, publish, csv, xlsx }) =>
      `| ${number(responses)} | ${number(publish.cells)} (${number(publish.hidden)}) | ${number(publish.ms)} ms | ${publish.peakMb} MB | ${number(csv.ms)} ms | ${number(Math.round(csv.bytes / 1024))} KB | ${csv.extraMb} MB | ${csv.liveMb || '< 0.1'} MB | ${number(xlsx.ms)} ms | ${number(Math.round(xlsx.bytes / 1024))} KB | ${xlsx.extraMb} MB | ${xlsx.liveMb || '< 0.1'} MB |`,
    ),
  ].join('\n');
}

/**
 * Peak memory against the number of responses (log scale): each download's peak above the
 * process before it, and, for scale, the count-and-publish step's whole peak and a Worker's 128 MB.
 */
export function insightDownloadsSvg(results: SizeResult[]): string {
  const width = 640;
  const height = 340;
  const left = 60;
  const bottom = 40;
  const top = 50;
  const plotWidth = width - left - 60;
  const plotHeight = height - top - bottom;
  const limit = 128;
  const most = Math.ceil(Math.max(limit, ...results.map((result) => result.publish.peakMb)) / 64) * 64;
  const x = (responses: number) => left + ((Math.log10(responses) - 3) / 2) * plotWidth;
  const y = (mb: number) => top + plotHeight - (mb / most) * plotHeight;
  const series = (label: string, colour: string, value: (result: SizeResult) => number, row: number) =>
    `<polyline fill="none" stroke="${colour}" stroke-width="3" points="${results.map((result) => `${x(result.responses).toFixed(1)},${y(value(result)).toFixed(1)}`).join(' ')}"/>` +
    results.map((result) => `<circle cx="${x(result.responses).toFixed(1)}" cy="${y(value(result)).toFixed(1)}" r="4" fill="${colour}"/>`).join('') +
    `<rect x="${left + 8}" y="${8 + row * 14}" width="10" height="10" fill="${colour}"/><text x="${left + 24}" y="${17 + row * 14}" font-size="12">${label}</text>`;
  const ticks = Array.from({ length: most / 64 + 1 }, (_, n) => n * 64);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t"><title id="t">Peak memory by number of responses: the CSV and XLSX downloads above the process before them, and the count-and-publish step</title>
<rect width="${width}" height="${height}" fill="#fff"/>
<line x1="${left}" y1="${y(limit)}" x2="${left + plotWidth}" y2="${y(limit)}" stroke="#d4351c" stroke-dasharray="6 4"/><text x="${left + plotWidth}" y="${y(limit) - 6}" font-size="12" text-anchor="end" fill="#d4351c">128 MB: a Worker's memory</text>
<line x1="${left}" y1="${top + plotHeight}" x2="${left + plotWidth}" y2="${top + plotHeight}" stroke="#0b0c0c"/><line x1="${left}" y1="${top}" x2="${left}" y2="${top + plotHeight}" stroke="#0b0c0c"/>
${ticks.map((mb) => `<text x="${left - 6}" y="${y(mb) + 4}" font-size="12" text-anchor="end">${mb}</text>`).join('')}
${results.map((result) => `<text x="${x(result.responses)}" y="${top + plotHeight + 18}" font-size="12" text-anchor="middle">${number(result.responses)}</text>`).join('')}
<text x="${left + plotWidth / 2}" y="${height - 4}" font-size="12" text-anchor="middle">responses</text><text x="14" y="${top + plotHeight / 2}" font-size="12" transform="rotate(-90 14 ${top + plotHeight / 2})" text-anchor="middle">MB</text>
${series('CSV download, peak above the process before it', '#1d70b8', (result) => result.csv.extraMb, 0)}
${series('XLSX download, peak above the process before it', '#005a30', (result) => result.xlsx.extraMb, 1)}
${series('count + publish, whole process (responses counted one at a time)', '#505a5f', (result) => result.publish.peakMb, 2)}
</svg>
`;
}

// A child process: one step, its result as the last line of output.
if (process.argv[2] === 'child') {
  const [, , , step, ...args] = process.argv;
  const result =
    step === 'publish' ? await publishChild(Number(args[0]), args[1]!) : step?.endsWith('-live') ? await liveChild(step.slice(0, -5) as 'csv' | 'xlsx', args[0]!) : await downloadChild(step as 'csv' | 'xlsx', args[0]!);
  console.log(JSON.stringify(result));
}
