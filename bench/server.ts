/**
 * Starts the app for the benchmarks the way the browser tests do: `wrangler dev` on a free
 * loopback port, with a throw-away local D1 that is migrated and seeded from scripts/seed.sql;
 * and the bare Worker (bench/bare/) it is compared with, the same way.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const wrangler = 'node_modules/.bin/wrangler';

export interface AppServer {
  baseURL: string;
  /** wrangler's process id; its workerd children serve the requests. */
  pid: number;
  /** Runs SQL against the server's local D1 (DB) with `wrangler d1 execute`, and returns the rows. */
  query: (sql: string) => Promise<Record<string, unknown>[]>;
  /** Stops wrangler (its whole process group) and removes the database. Safe to call twice. */
  stop: () => Promise<void>;
}

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fresh sealing keys for a run, as production has its own secrets (the development keys are for ENVIRONMENT=development only). */
const key = (bytes: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(bytes))).toString('base64url');
const sealingKeys = () => ['--var', `DATA_KEYS:bench1:${key(32)}`, '--var', `LOOKUP_KEY:${key(32)}`];

export const startApp = ({ startTimeoutMs = 90_000 } = {}) =>
  startWrangler({ config: [], setup: [['d1', 'migrations', 'apply', 'DB'], ['d1', 'execute', 'DB', '--file', 'scripts/seed.sql']], readyPath: '/', startTimeoutMs, vars: sealingKeys() });

/** The bare Worker, serving `page` at /page (written where its worker.ts imports it from). */
export function startBare(page: string, { startTimeoutMs = 90_000 } = {}): Promise<AppServer> {
  mkdirSync('bench/tmp', { recursive: true });
  writeFileSync('bench/tmp/page.html', page);
  return startWrangler({ config: ['--config', 'bench/bare/wrangler.toml'], setup: [['d1', 'execute', 'DB', '--file', 'bench/bare/schema.sql']], readyPath: '/page', startTimeoutMs });
}

interface WranglerOptions {
  /** `--config <file>` for another Worker than the project's wrangler.toml, or nothing. */
  config: string[];
  /** wrangler commands that prepare the local D1 before the server starts. */
  setup: string[][];
  /** A path that answers 200 once the server is up. */
  readyPath: string;
  startTimeoutMs: number;
  /** `--var` pairs for the server only. */
  vars?: string[];
}

async function startWrangler({ config, setup, readyPath, startTimeoutMs, vars = [] }: WranglerOptions): Promise<AppServer> {
  const state = mkdtempSync(join(tmpdir(), 'medvirk-bench-'));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  const quiet = { env, timeout: 60_000 };
  const local = ['--local', '--persist-to', state, ...config];
  try {
    for (const command of setup) await run(wrangler, [...command, ...local], quiet);
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    throw error;
  }

  const port = await freePort();
  const server = spawn(wrangler, ['dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state, '--show-interactive-dev-session=false', ...config, ...vars], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (server.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      if ((await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)])) === false) {
        try {
          process.kill(-server.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
    rmSync(state, { recursive: true, force: true });
  };

  // Same host name as the browser tests: browsers treat localhost as secure, so the
  // app's `__Host-` (Secure) draft cookie is kept over plain http.
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}${readyPath}`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev did not start:\n${output}`);
    }
    await sleep(300);
  }
  const query = async (sql: string) => {
    const { stdout } = await run(wrangler, ['d1', 'execute', 'DB', ...local, '--json', '--command', sql], quiet);
    const [result] = JSON.parse(stdout) as { results: Record<string, unknown>[] }[];
    return result?.results ?? [];
  };
  return { baseURL, pid: server.pid ?? 0, query, stop };
}
