-- The demo municipality and its public demo forms, for `npm start` and the browser tests.
INSERT OR IGNORE INTO municipalities (id, name, written_standard, suppression_threshold, draft_ttl_days)
VALUES ('demo', 'Demo kommune', 'nb', 5, 30);
INSERT OR IGNORE INTO publications (municipality_id, form_id, opened_at)
VALUES ('demo', 'barnets-stemme-demo', 0), ('demo', 'samtykke-demo', 0);
