/**
 * `npm start`: builds, migrates and seeds a local D1, prints where the demo forms are, and
 * serves the app with `wrangler dev` (the real Workers runtime) on http://localhost:8787.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OPEN_LINKS } from './lib/insight-seed.ts';

const PORT = process.env.PORT ?? '8787';
const wrangler = 'node_modules/.bin/wrangler';
const run = (command: string, args: string[]) => execFileSync(command, args, { stdio: 'inherit' });

run('node_modules/.bin/tsx', ['scripts/build.ts']);
mkdirSync('.wrangler', { recursive: true });
run(wrangler, ['d1', 'migrations', 'apply', 'DB', '--local']);
run(wrangler, ['d1', 'execute', 'DB', '--local', '--file', 'scripts/seed.sql']);
// The user-insight demo: generated answers, written to a file wrangler can execute.
run('node_modules/.bin/tsx', ['scripts/seed-insight.ts', '.wrangler/insight-seed.sql']);
run(wrangler, ['d1', 'execute', 'DB', '--local', '--file', '.wrangler/insight-seed.sql']);
// The demo case's answers are sealed as the app seals them, so its SQL is made, not written.
const demoCase = join(mkdtempSync(join(tmpdir(), 'medvirk-seed-')), 'demo-case.sql');
writeFileSync(demoCase, execFileSync('node_modules/.bin/tsx', ['scripts/seed-case.ts']));
run(wrangler, ['d1', 'execute', 'DB', '--local', '--file', demoCase]);

const origin = `http://localhost:${PORT}`;
console.log(`
  medvirk is starting on ${origin}

  Demo municipality "Demo kommune" (written standard: bokmål) offers:
    Child's voice, ages 3–6:        ${origin}/m/demo/barnets-stemme-3-6
    Child's voice, ages 7–12:       ${origin}/m/demo/barnets-stemme-7-12
    Child's voice, ages 13–18:      ${origin}/m/demo/barnets-stemme-13-18
  Add ?lang=nn or ?lang=en to any page for nynorsk or English; the child's voice also opens
  with ?lang=se (North Sámi), uk (Ukrainian), pl (Polish), ar (Arabic) and so (Somali).
  At these public addresses the child's voice is a demo: its answers reach no one.

  The open user-insight round "Brukerundersøkelse 2027" (anonymous, no sign-in):
${OPEN_LINKS.map((link) => `    ${link.group.padEnd(10)} ${origin}/r/demo/${link.code}`).join('\n')}
  Its results and those of the closed 2025 and 2026 rounds: sign in as the planner.

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

/**
 * Once the server answers: a demo consent with one guardian signed and one still to sign.
 * Their personal links are printed here, on purpose, for trying it out; they work only on this
 * machine's throw-away database.
 */
async function seedConsentDemo() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const response = await fetch(`${origin}/dev/consent-demo`, { method: 'POST', headers: { origin, 'content-type': 'application/x-www-form-urlencoded' } });
      if (!response.ok) throw new Error(String(response.status));
      const demo = (await response.json()) as Record<string, string>;
      console.log(`
  Demo consent for case ${demo.caseReference} (two guardians):
    Guardian 1 has signed (receipt): ${demo.signed}
    Guardian 2 has not signed yet:   ${demo.pending}
    The register (as ansatt@demo.medvirk.no): ${demo.register}
    Check a receipt:                 ${demo.receiptCheck}
`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
void seedConsentDemo();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
