/**
 * CPU time of the processes behind a `wrangler dev`, from /proc: utime + stime of every
 * descendant of the spawned wrangler, split into workerd (the Worker, its D1 and wrangler's
 * proxy in front of it) and the rest (wrangler's own Node process).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface ProcessStat {
  ppid: number;
  comm: string;
  /** User plus system CPU, in clock ticks. */
  ticks: number;
}

function stat(pid: number): ProcessStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may itself contain spaces or parentheses.
    const close = text.lastIndexOf(')');
    const fields = text.slice(close + 2).split(' ');
    return { ppid: Number(fields[1]), comm: text.slice(text.indexOf('(') + 1, close), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // exited meanwhile
  }
}

/** CPU so far, in ms, per process under `root` (wrangler's pid), keyed by pid. */
export interface CpuSnapshot {
  workerd: Map<number, number>;
  other: Map<number, number>;
}

export function snapshot(root: number): CpuSnapshot {
  const all = new Map<number, ProcessStat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    const found = Number.isInteger(pid) ? stat(pid) : undefined;
    if (found) all.set(pid, found);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of all) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const result: CpuSnapshot = { workerd: new Map(), other: new Map() };
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift() as number;
    const process = all.get(pid);
    if (process) (process.comm === 'workerd' ? result.workerd : result.other).set(pid, (process.ticks * 1000) / ticksPerSecond);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}

/** CPU used between two snapshots, in ms; a process started in between counts from zero. */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): { workerdMs: number; otherMs: number } {
  const used = (kind: keyof CpuSnapshot) => [...after[kind]].reduce((sum, [pid, ms]) => sum + ms - (before[kind].get(pid) ?? 0), 0);
  return { workerdMs: used('workerd'), otherMs: used('other') };
}
