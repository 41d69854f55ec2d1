/**
 * `npm run bench`: page weight against the budgets (fails the run when exceeded), the
 * time to the first question against a bare HTML page measured in the same run (reported,
 * never asserted), and server cost against a bare Worker (ratios reported; a lost or doubled
 * submit fails the run), aggregation with suppression at 1,000 to 100,000 responses (reported),
 * and a closed user-insight round's CSV and XLSX downloads at 1,000, 10,000 and 100,000
 * responses with their peak memory. Results go to bench/results/latest.json, server-cost.json,
 * suppression.md/.svg, insight-downloads.json, .md and .svg, and latest.md. `tsx bench/run.ts
 * insight` runs the downloads step alone (no app, no browser).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { Client } from './http.ts';
import { summarize, timingMarkdown, timingWarnings, weightMarkdown, round, type Summary } from './report.ts';
import { measureServerCost, serverCostMarkdown, type ServerCost } from './server-cost.ts';
import { measureSuppression } from './suppression.ts';
import { startApp, startBare, type AppServer } from './server.ts';
import { bareHtml, launch, measureTimings, serveBaseline, THROTTLING, type Sample } from './timing.ts';
import { BUDGET, FORM, measureWeights, type WeightResult } from './weight.ts';
import { insightDownloadsMarkdown, insightDownloadsSvg, measureInsightDownloads, stopInsightSteps, type DownloadsResult } from './insight-downloads.ts';

const ITERATIONS = 7;
/**
 * The whole run gives up after this: the server steps take about six and a half minutes; the insight
 * downloads (a size whose publishing takes over four minutes is stopped) and the suppression
 * step (a size over five minutes is stopped) up to about twelve more.
 */
const TIME_LIMIT_MS = 1_800_000;
const ONLY_INSIGHT = process.argv[2] === 'insight';
const RESULTS = new URL('./results/', import.meta.url);

const runStarted = performance.now();
const loadAtStart = loadavg().map((value) => round(value, 2));
const log = (message: string) => console.log(`[bench ${((performance.now() - runStarted) / 1000).toFixed(1)} s] ${message}`);

let app: AppServer | undefined;
let bare: AppServer | undefined;
let browser: Browser | undefined;
let baseline: { url: string; close: () => Promise<void> } | undefined;

async function cleanup() {
  stopInsightSteps();
  await browser?.close().catch(() => {});
  browser = undefined;
  await baseline?.close().catch(() => {});
  baseline = undefined;
  await app?.stop().catch(() => {});
  app = undefined;
  await bare?.stop().catch(() => {});
  bare = undefined;
}

// Whatever happens, wrangler and Chromium do not outlive the run.
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${TIME_LIMIT_MS / 1000} s, stopping`);
  void cleanup().finally(() => process.exit(2));
}, TIME_LIMIT_MS);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void cleanup().finally(() => process.exit(130)));
}

/** The insight downloads step: measured, then written to insight-downloads.json and .svg; its table for latest.md. */
async function insightStep(): Promise<{ text: string; failed: boolean }> {
  log('insight downloads: CSV and XLSX at 1,000, 10,000 and 100,000 responses, each step in a fresh process');
  try {
    const measured: DownloadsResult = await measureInsightDownloads(log);
    await mkdir(RESULTS, { recursive: true });
    await writeFile(new URL('insight-downloads.json', RESULTS), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: cpus().length, ...measured }, null, 2)}\n`);
    await writeFile(new URL('insight-downloads.svg', RESULTS), insightDownloadsSvg(measured.results));
    const text = `${insightDownloadsMarkdown(measured)}\n\n![Peak memory of the downloads](insight-downloads.svg)`;
    await writeFile(new URL('insight-downloads.md', RESULTS), `# User-insight downloads\n\n${new Date().toISOString()}, ${cpus().length} CPUs (load average ${loadavg().map((value) => round(value, 2)).join(' / ')}). Produced by \`npm run bench\` (or \`npx tsx bench/run.ts insight\` alone); see bench/README.md.\n\n${text}\n`);
    return { text, failed: false };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`bench: insight downloads failed: ${message}`);
    return { text: `Insight downloads failed:\n\n\`\`\`\n${message}\n\`\`\``, failed: true };
  }
}

async function main(): Promise<number> {
  if (ONLY_INSIGHT) {
    const insight = await insightStep();
    console.log(`\n${insight.text}\n`);
    return insight.failed ? 1 : 0;
  }
  log('starting the app (wrangler dev, fresh local D1)');
  app = await startApp();
  log(`app on ${app.baseURL}`);

  log('page weight: walking the journey');
  const weights: WeightResult = await measureWeights(app.baseURL);
  const weightText = weightMarkdown(weights);
  console.log(`\n${weightText}\n`);

  // The baseline is the app's own first question page without its stylesheet and script.
  const client = new Client(app.baseURL);
  const question = await client.post(`${FORM}/start`);
  if (question.status !== 200 || !question.url.endsWith(`${FORM}/p/safe`)) throw new Error(`could not reach the first question: ${question.status} ${question.url}`);
  baseline = await serveBaseline(bareHtml(question.body));

  log(`time to first question: ${ITERATIONS} rounds of app (cold), app (warm) and baseline`);
  browser = await launch();
  const chromiumVersion = browser.version();
  let samples: Sample[] = [];
  let summary: Summary | undefined;
  let timingError: string | undefined;
  try {
    samples = await measureTimings(browser, {
      baseURL: app.baseURL,
      baselineURL: baseline.url,
      iterations: ITERATIONS,
      onSample: (sample) => log(`  ${sample.iteration + 1}/${ITERATIONS} ${sample.kind.padEnd(8)} answerable ${Math.round(sample.answerableMs)} ms, playwright ${Math.round(sample.playwrightMs)} ms`),
    });
    summary = summarize(samples);
  } catch (error) {
    timingError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`bench: timing failed: ${timingError}`);
  }
  await browser.close();
  browser = undefined;

  log('server cost: starting the bare Worker');
  let serverCost: ServerCost | undefined;
  let serverCostError: string | undefined;
  try {
    bare = await startBare(question.body);
    serverCost = await measureServerCost({ app, bare, questionPath: '/p/safe', log });
  } catch (error) {
    serverCostError = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`bench: server cost failed: ${serverCostError}`);
  }
  await cleanup();
  const insight = await insightStep();

  // Counting and suppression need no server: each size runs in a process of its own.
  log('aggregation with suppression: 1,000, 10,000 and 100,000 responses');
  let suppressionText: string;
  try {
    suppressionText = (await measureSuppression(log)).text;
  } catch (error) {
    suppressionText = `Suppression failed:\n\n\`\`\`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\`\`\``;
    console.error(`bench: suppression failed: ${suppressionText}`);
  }
  console.log(`\n${suppressionText}\n`);

  const timingText = summary ? timingMarkdown(summary, weights.questionPageServerMs) : `Timing failed:\n\n\`\`\`\n${timingError}\n\`\`\``;
  console.log(`\n${timingText}\n`);
  for (const warning of summary ? timingWarnings(summary) : []) console.warn(`WARNING: ${warning}`);
  const serverCostText = serverCost ? serverCostMarkdown(serverCost) : `Server cost failed:\n\n\`\`\`\n${serverCostError}\n\`\`\``;
  console.log(`\n${serverCostText}\n`);

  const runSeconds = round((performance.now() - runStarted) / 1000);
  const date = new Date().toISOString();
  const environment = {
    date,
    node: process.version,
    chromium: chromiumVersion,
    cpus: cpus().length,
    loadAverage: { atStart: loadAtStart, atEnd: loadavg().map((value) => round(value, 2)) },
    runSeconds,
  };
  await mkdir(RESULTS, { recursive: true });
  await writeFile(
    new URL('latest.json', RESULTS),
    `${JSON.stringify(
      {
        environment,
        budgets: BUDGET,
        weight: weights,
        timing: summary
          ? { throttling: THROTTLING, iterations: ITERATIONS, medians: summary.medians, ratios: summary.ratios, warnings: timingWarnings(summary), samples }
          : { error: timingError },
      },
      null,
      2,
    )}\n`,
  );
  await writeFile(
    new URL('latest.md', RESULTS),
    [
      '# medvirk benchmark results',
      '',
      `${date}, Node ${process.version}, Chromium ${chromiumVersion}, ${environment.cpus} CPUs (load average ${loadAtStart.join(' / ')} at start), run time ${runSeconds} s (after the build). Produced by \`npm run bench\`; see bench/README.md.`,
      '',
      '## Page weight',
      '',
      weightText,
      '',
      '## Time to the first question',
      '',
      timingText,
      '',
      '## Server cost',
      '',
      serverCostText,
      '',
      '## User-insight downloads',
      '',
      insight.text,
      '',
      '## Aggregation with suppression',
      '',
      suppressionText,
      '',
    ].join('\n'),
  );
  await writeFile(new URL('server-cost.json', RESULTS), `${JSON.stringify({ environment, ...(serverCost ?? { error: serverCostError }) }, null, 2)}\n`);
  log(`results written to bench/results/latest.json, server-cost.json, insight-downloads.json and .svg, and latest.md (${runSeconds} s)`);

  if (!weights.withinBudget) {
    console.error('bench: a page is over budget');
    return 1;
  }
  if (serverCost && !serverCost.stored.ok) {
    console.error('bench: a submit was lost or stored twice');
    return 1;
  }
  return timingError || serverCostError || insight.failed ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error('bench failed:', error);
} finally {
  await cleanup();
  clearTimeout(watchdog);
}
process.exit(code);
