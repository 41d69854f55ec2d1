import { applyD1Migrations, env } from 'cloudflare:test';

// Setup files may run more than once; both steps are idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await applyD1Migrations(env.DB_SECOND, env.TEST_MIGRATIONS);
// "andre" keeps its data in a database of its own; the directory (DB) only knows where.
await env.DB.batch([
  env.DB.prepare(
    "INSERT OR IGNORE INTO municipalities (id, name, written_standard, database) VALUES ('demo', 'Demo kommune', 'nb', 'DB'), ('nynorsk', 'Nynorsk kommune', 'nn', 'DB'), ('andre', 'Andre kommune', 'nb', 'DB_SECOND')",
  ),
  env.DB.prepare(
    "INSERT OR IGNORE INTO publications (municipality_id, form_id, opened_at) VALUES ('demo', 'barnets-stemme-demo', 0), ('demo', 'samtykke-demo', 0), ('nynorsk', 'barnets-stemme-demo', 0), ('andre', 'barnets-stemme-demo', 0)",
  ),
]);
