/** Summaries of a benchmark run: numbers for people (Markdown) next to the JSON. */
import { BUDGET, type WeightResult } from './weight.ts';
import { median, THROTTLING, type Kind, type Sample } from './timing.ts';

export const METRICS = {
  answerableMs: 'First radio answerable (in page: first frame with it visible and tappable)',
  firstContentfulPaintMs: 'First contentful paint',
  firstPaintMs: 'First paint',
  domContentLoadedMs: 'DOMContentLoaded',
  playwrightMs: 'Playwright: goto(commit) → radio visible → trial click',
} as const;

export type Metric = keyof typeof METRICS;

export interface Summary {
  /** Median per kind and metric, in ms. */
  medians: Record<Kind, Record<Metric, number>>;
  /** App median ÷ baseline median, per metric. */
  ratios: Record<'app-cold' | 'app-warm', Record<Metric, number>>;
  samples: number;
}

export function summarize(samples: Sample[]): Summary {
  const kinds: Kind[] = ['baseline', 'app-cold', 'app-warm'];
  const medians = Object.fromEntries(
    kinds.map((kind) => {
      const mine = samples.filter((sample) => sample.kind === kind);
      return [kind, Object.fromEntries((Object.keys(METRICS) as Metric[]).map((metric) => [metric, round(median(mine.map((sample) => sample[metric])))]))];
    }),
  ) as Summary['medians'];
  const ratio = (kind: 'app-cold' | 'app-warm') =>
    Object.fromEntries((Object.keys(METRICS) as Metric[]).map((metric) => [metric, round(medians[kind][metric] / medians.baseline[metric], 2)])) as Record<Metric, number>;
  return { medians, ratios: { 'app-cold': ratio('app-cold'), 'app-warm': ratio('app-warm') }, samples: samples.filter((sample) => sample.kind === 'baseline').length };
}

export const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const bytes = (value: number) => value.toLocaleString('en-US');

export function weightMarkdown(weights: WeightResult): string {
  const lines = [
    `Budgets: everything a page needs (HTML + CSS + JS) ≤ ${bytes(BUDGET.totalGzip)} B compressed; JavaScript ≤ ${bytes(BUDGET.jsGzip)} B compressed. Each file is compressed on its own, as served: gzip level 9 and brotli quality 11 (Cloudflare serves both); the budget is checked on both.`,
    '',
    '| Page | HTTP | HTML raw | HTML gzip | CSS gzip | JS gzip | **Total gzip** | Total brotli | Within budget |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
    ...weights.pages.map(
      (page) =>
        `| ${page.label} | ${page.status} | ${bytes(page.html.raw)} | ${bytes(page.html.gzip)} | ${bytes(page.css.gzip)} | ${bytes(page.js.gzip)} | **${bytes(page.total.gzip)}** | ${bytes(page.total.brotli)} | ${page.over.length ? `NO: ${page.over.join('; ')}` : 'yes'} |`,
    ),
    '',
    'Files the pages reference (bytes):',
    '',
    '| File | Raw | gzip | brotli |',
    '|---|---:|---:|---:|',
    ...[...new Map(weights.pages.flatMap((page) => page.assets).map((asset) => [asset.url, asset])).values()].map(
      (asset) => `| \`${asset.url}\` | ${bytes(asset.raw)} | ${bytes(asset.gzip)} | ${bytes(asset.brotli)} |`,
    ),
    '',
    `All JavaScript together (${weights.allJs.files.length} file(s)): ${bytes(weights.allJs.gzip)} B gzip, ${bytes(weights.allJs.brotli)} B brotli, of ${bytes(BUDGET.jsGzip)} B. ` +
      `Largest page: ${bytes(Math.max(...weights.pages.map((page) => page.total.gzip)))} B gzip of ${bytes(BUDGET.totalGzip)} B.`,
    '',
    `Result: **${weights.withinBudget ? 'every page within budget' : 'BUDGET EXCEEDED'}**.`,
  ];
  return lines.join('\n');
}

export function timingMarkdown(summary: Summary, serverMs: number[]): string {
  const { medians, ratios } = summary;
  const ms = (value: number) => `${bytes(Math.round(value))} ms`;
  const lines = [
    `Chromium with CPU throttling ×${THROTTLING.cpuRate} and ${THROTTLING.downloadKbit} kbit/s down, ${THROTTLING.uploadKbit} kbit/s up, ${THROTTLING.latencyMs} ms latency (DevTools protocol), 360×640 viewport, a fresh browser context per load. ${summary.samples} loads of each kind, rotating order; medians; in-page times are from navigation start.`,
    '',
    '- **baseline**: the first question page as a bare HTML page (the app’s own HTML with its stylesheet and script removed), from a tiny Node server on loopback, gzipped.',
    '- **app, cold cache**: `/p/safe` after a draft was made over HTTP in the same context; HTML, CSS and JS all come over the slow network (a first visit).',
    '- **app, warm cache**: `/p/safe` after the start page and Start, as a child gets there; the immutable CSS and JS come from the cache.',
    '',
    '| Metric (median) | Baseline | App, cold | Ratio cold | App, warm | Ratio warm |',
    '|---|---:|---:|---:|---:|---:|',
    ...(Object.keys(METRICS) as Metric[]).map(
      (metric) =>
        `| ${METRICS[metric]} | ${ms(medians.baseline[metric])} | ${ms(medians['app-cold'][metric])} | ${ratios['app-cold'][metric].toFixed(2)} | ${ms(medians['app-warm'][metric])} | ${ratios['app-warm'][metric].toFixed(2)} |`,
    ),
    '',
    `For scale: the app answers \`/p/safe\` on loopback without throttling in ${ms(median(serverMs))} (median of ${serverMs.length}); the baseline server in well under 1 ms.`,
  ];
  const warnings = timingWarnings(summary);
  if (warnings.length) lines.push('', ...warnings.map((warning) => `**Warning:** ${warning}`));
  return lines.join('\n');
}

/** A ratio above 2 is worth a look; it is reported, never a failure. */
export function timingWarnings(summary: Summary): string[] {
  const warnings: string[] = [];
  for (const kind of ['app-cold', 'app-warm'] as const) {
    for (const metric of ['answerableMs', 'playwrightMs'] as const) {
      const ratio = summary.ratios[kind][metric];
      if (ratio > 2) warnings.push(`${kind}: "${METRICS[metric]}" is ${ratio.toFixed(2)}× the bare HTML page (more than 2×).`);
    }
  }
  return warnings;
}
