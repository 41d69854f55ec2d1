/**
 * `npm start`: builds, migrates and seeds a local D1, prints where the demo forms are, and
 * serves the app with `wrangler dev` (the real Workers runtime) on http://localhost:8787.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PORT = process.env.PORT ?? '8787';
const wrangler = 'node_modules/.bin/wrangler';
const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'inherit' });

run('node_modules/.bin/tsx', ['scripts/build.ts']);
run(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local']);
run(wrangler, ['d1', 'execute', 'DB', '--local', '--file', 'scripts/seed.sql']);
// The demo case's answers are sealed as the app seals them, so its SQL is made, not written.
const demoCase = join(mkdtempSync(join(tmpdir(), 'medvirk-seed-')), 'demo-case.sql');
writeFileSync(demoCase, execFileSync('node_modules/.bin/tsx', ['scripts/seed-case.ts']));
run(wrangler, ['d1', 'execute', 'DB', '--local', '--file', demoCase]);

const origin = `http://localhost:${PORT}`;
console.log(`
  medvirk is starting on ${origin}

  Demo municipality "Demo kommune" (written standard: bokmål) offers:
    Child's voice (ages 7–12):      ${origin}/m/demo/barnets-stemme-demo
    Consent for cooperation:        ${origin}/m/demo/samtykke-demo
  Add ?lang=nn or ?lang=en to any page for nynorsk or English.

  Staff sign in at ${origin}/staff/sign-in with one of these addresses:
    staff:    ansatt@demo.medvirk.no       (Demo skole)
    planner:  planlegger@demo.medvirk.no
    admin:    admin@demo.medvirk.no        (also staff at Demo helsestasjon)
  No e-mail leaves your machine: the sign-in link is shown at ${origin}/dev/outbox.

  A demo case with a flagged child's-voice answer and a draft best-interests assessment
  (signed in as ansatt@demo.medvirk.no or admin@demo.medvirk.no):
    ${origin}/staff/m/demo/cases/DEMO-SAK-1
  Requests are not printed (a personal link's address holds its token); warnings and errors are.
`);

// At "warn", wrangler dev prints no request lines (they hold the path, so a personal link's
// token); the app's own error lines, which hold route patterns only, still show.
const server = spawn(wrangler, ['dev', '--port', PORT, '--log-level', 'warn', '--var', 'ENVIRONMENT:development'], { stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false' } });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
