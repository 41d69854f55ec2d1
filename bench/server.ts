/**
 * Starts the app for the benchmarks the way the browser tests do: `wrangler dev` on a free
 * loopback port, with a throw-away local D1 that is migrated and seeded from scripts/seed.sql.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const wrangler = 'node_modules/.bin/wrangler';

export interface AppServer {
  baseURL: string;
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

export async function startApp({ startTimeoutMs = 90_000 } = {}): Promise<AppServer> {
  const state = mkdtempSync(join(tmpdir(), 'medvirk-bench-'));
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false' };
  const quiet = { env, timeout: 60_000 };
  try {
    await run(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], quiet);
    await run(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', 'scripts/seed.sql'], quiet);
  } catch (error) {
    rmSync(state, { recursive: true, force: true });
    throw error;
  }

  const port = await freePort();
  const server = spawn(wrangler, ['dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state, '--show-interactive-dev-session=false'], {
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
      if ((await fetch(`${baseURL}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      await stop();
      throw new Error(`wrangler dev did not start:\n${output}`);
    }
    await sleep(300);
  }
  return { baseURL, stop };
}
