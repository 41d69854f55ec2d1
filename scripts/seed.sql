-- The demo municipality and its public demo forms, for `npm start` and the browser tests.
INSERT OR IGNORE INTO municipalities (id, name, written_standard, suppression_threshold, draft_ttl_days)
VALUES ('demo', 'Demo kommune', 'nb', 5, 30);
INSERT OR IGNORE INTO publications (municipality_id, form_id, opened_at)
VALUES ('demo', 'barnets-stemme-3-6', 0), ('demo', 'barnets-stemme-7-12', 0), ('demo', 'barnets-stemme-13-18', 0);

-- Demo units and staff. Sign in at /staff/sign-in with one of these addresses; the link
-- lands in the development outbox (/dev/outbox) and in the console.
INSERT OR IGNORE INTO units (id, municipality_id, name, kind, contact) VALUES
  ('demo-skole', 'demo', 'Demo skole', 'school', 'telefon 22 33 44 55'),
  ('demo-helsestasjon', 'demo', 'Demo helsestasjon', 'health-station', 'telefon 22 33 44 66, Storgata 1');
INSERT OR IGNORE INTO people (id, email, name, created_at) VALUES
  ('demo-ansatt', 'ansatt@demo.medvirk.no', 'Siri Ansatt', 0),
  ('demo-planlegger', 'planlegger@demo.medvirk.no', 'Per Planlegger', 0),
  ('demo-admin', 'admin@demo.medvirk.no', 'Ada Administrator', 0);
INSERT OR IGNORE INTO memberships (person_id, municipality_id, role, unit_id) VALUES
  ('demo-ansatt', 'demo', 'staff', 'demo-skole'),
  ('demo-planlegger', 'demo', 'planner', NULL),
  ('demo-admin', 'demo', 'admin', NULL),
  ('demo-admin', 'demo', 'staff', 'demo-helsestasjon');
