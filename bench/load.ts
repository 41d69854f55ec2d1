/**
 * A closed-loop load generator: `concurrency` workers run one operation after another until
 * the cell's operations or time run out, and the server's CPU is read before and after.
 */
import { cpuBetween, snapshot } from './cpu.ts';

export interface CellLimits {
  /** Operations at most, and at most this long; whichever ends first. */
  maxOps: number;
  maxMs: number;
}

export interface Cell {
  label: string;
  concurrency: number;
  /** HTTP requests per operation (a whole journey is many). */
  requestsPerOp: number;
  ops: number;
  failed: number;
  seconds: number;
  opsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** workerd CPU per operation tried; `wranglerCpuMsPerOp` is wrangler's Node process. */
  cpuMsPerOp: number;
  wranglerCpuMsPerOp: number;
  /** Why some operations failed (the first few messages). */
  errors: string[];
}

export interface CellPlan {
  label: string;
  concurrency: number;
  requestsPerOp: number;
  /** wrangler's pid, whose workerd children are measured. */
  serverPid: number;
  limits: CellLimits;
  /** One operation; `index` counts from 0 across all workers. Throws or returns an error message when it fails. */
  op: (index: number) => Promise<string | undefined>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export async function runCell({ label, concurrency, requestsPerOp, serverPid, limits, op }: CellPlan): Promise<Cell> {
  const durations: number[] = [];
  const errors: string[] = [];
  let failed = 0;
  let next = 0;
  const before = snapshot(serverPid);
  const started = performance.now();
  const deadline = started + limits.maxMs;
  const worker = async () => {
    while (next < limits.maxOps && performance.now() < deadline) {
      const index = next++;
      const opStarted = performance.now();
      let error: string | undefined;
      try {
        error = await op(index);
      } catch (thrown) {
        error = thrown instanceof Error ? thrown.message : String(thrown);
      }
      if (error === undefined) durations.push(performance.now() - opStarted);
      else {
        failed++;
        if (errors.length < 5) errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  const { workerdMs, otherMs } = cpuBetween(before, snapshot(serverPid));
  const sorted = durations.sort((a, b) => a - b);
  const tried = Math.max(1, sorted.length + failed);
  return {
    label,
    concurrency,
    requestsPerOp,
    ops: sorted.length,
    failed,
    seconds: round(seconds),
    opsPerSecond: round(sorted.length / seconds, 1),
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    cpuMsPerOp: round(workerdMs / tried),
    wranglerCpuMsPerOp: round(otherMs / tried),
    errors,
  };
}
