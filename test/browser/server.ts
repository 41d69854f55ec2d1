/** Starts the app as `npm start` does, on a free port with a throw-away database. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const wrangler = 'node_modules/.bin/wrangler';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

export default async function setup(project: TestProject) {
  const state = mkdtempSync(join(tmpdir(), 'medvirk-browser-'));
  const quiet = { stdio: 'pipe' as const, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } };
  // The real forms plus the test forms the browser tests walk, published in the demo municipality.
  const build = (...args: string[]) => execFileSync('node_modules/.bin/tsx', ['scripts/build.ts', ...args], quiet);
  build('--also', 'test/fixtures/browser-forms');
  execFileSync(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], quiet);
  execFileSync(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', 'scripts/seed.sql'], quiet);
  execFileSync('node_modules/.bin/tsx', ['scripts/seed-insight.ts', join(state, 'insight-seed.sql')], quiet);
  execFileSync(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', join(state, 'insight-seed.sql')], quiet);
  // The demo case, as `npm start` seeds it (made by a script, since its answers are sealed).
  const demoCase = join(state, 'demo-case.sql');
  writeFileSync(demoCase, execFileSync('node_modules/.bin/tsx', ['scripts/seed-case.ts']));
  execFileSync(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--file', demoCase], quiet);
  execFileSync(wrangler, ['d1', 'execute', 'DB', '--local', '--persist-to', state, '--command', "INSERT INTO publications (municipality_id, form_id, opened_at) VALUES ('demo', 'fixture-kinds', 0)"], quiet);

  const port = await freePort();
  const server = spawn(wrangler, ['dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state, '--show-interactive-dev-session=false', '--log-level', 'warn', '--var', 'ENVIRONMENT:development'], {
    ...quiet,
    detached: true,
  });
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));

  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) throw new Error(`wrangler dev did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  project.provide('baseURL', baseURL);

  return () => {
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
    rmSync(state, { recursive: true, force: true });
    build();
  };
}
