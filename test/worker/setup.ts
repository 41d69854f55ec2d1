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
    "INSERT OR IGNORE INTO municipalities (id, name, written_standard, database, link_visibility) VALUES ('streng', 'Streng kommune', 'nn', 'DB', 'sender')",
  ),
  env.DB.prepare(
    "INSERT OR IGNORE INTO publications (municipality_id, form_id, opened_at) VALUES ('demo', 'fixture-child', 0), ('demo', 'fixture-kinds', 0), ('nynorsk', 'fixture-child', 0), ('andre', 'fixture-child', 0), ('demo', 'fixture-household', 0), ('demo', 'fixture-flow', 0), ('demo', 'barnets-stemme-3-6', 0), ('demo', 'barnets-stemme-7-12', 0), ('demo', 'barnets-stemme-13-18', 0)",
  ),
  env.DB.prepare("INSERT OR IGNORE INTO units (id, municipality_id, name, kind, contact) VALUES ('demo-skole', 'demo', 'Demo skole', 'school', 'telefon 22 33 44 55'), ('demo-helsestasjon', 'demo', 'Demo helsestasjon', 'health-station', NULL), ('andre-skole', 'andre', 'Andre skole', 'school', NULL), ('streng-skule', 'streng', 'Streng skule', 'school', NULL)"),
  env.DB.prepare(
    "INSERT OR IGNORE INTO people (id, email, name, created_at) VALUES ('demo-ansatt', 'ansatt@demo.medvirk.no', 'Siri Ansatt', 0), ('demo-kollega', 'kollega@demo.medvirk.no', 'Kari Kollega', 0), ('demo-helse', 'helse@demo.medvirk.no', 'Hanne Helse', 0), ('demo-planlegger', 'planlegger@demo.medvirk.no', 'Per Planlegger', 0), ('demo-admin', 'admin@demo.medvirk.no', 'Ada Administrator', 0), ('andre-ansatt', 'ansatt@andre.medvirk.no', 'Ola Andre', 0), ('uten-rolle', 'ingen@demo.medvirk.no', 'Uten Rolle', 0), ('streng-a', 'a@streng.medvirk.no', 'Anne Streng', 0), ('streng-b', 'b@streng.medvirk.no', 'Bjørn Streng', 0), ('felles-barnevern', 'barnevern@felles.medvirk.no', 'Frida Felles', 0)",
  ),
  env.DB.prepare(
    "INSERT OR IGNORE INTO memberships (person_id, municipality_id, role, unit_id) VALUES ('demo-ansatt', 'demo', 'staff', 'demo-skole'), ('demo-kollega', 'demo', 'staff', 'demo-skole'), ('demo-helse', 'demo', 'staff', 'demo-helsestasjon'), ('demo-planlegger', 'demo', 'planner', NULL), ('demo-admin', 'demo', 'admin', NULL), ('andre-ansatt', 'andre', 'staff', 'andre-skole'), ('andre-ansatt', 'andre', 'admin', NULL), ('streng-a', 'streng', 'staff', 'streng-skule'), ('streng-b', 'streng', 'staff', 'streng-skule'), ('felles-barnevern', 'demo', 'staff', NULL), ('felles-barnevern', 'andre', 'staff', NULL)",
  ),
]);
