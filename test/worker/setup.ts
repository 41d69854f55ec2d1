import { applyD1Migrations, env } from 'cloudflare:test';

// Setup files may run more than once; both steps are idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await env.DB.batch([
  env.DB.prepare("INSERT OR IGNORE INTO municipalities (id, name, written_standard) VALUES ('demo', 'Demo kommune', 'nb'), ('nynorsk', 'Nynorsk kommune', 'nn')"),
  env.DB.prepare(
    "INSERT OR IGNORE INTO publications (municipality_id, form_id, opened_at) VALUES ('demo', 'barnets-stemme-demo', 0), ('demo', 'samtykke-demo', 0), ('nynorsk', 'barnets-stemme-demo', 0)",
  ),
]);
