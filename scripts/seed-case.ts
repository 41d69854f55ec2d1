/**
 * Prints the SQL of the demo case (`npm start` and the browser tests apply it after seed.sql):
 * a child's-voice response through a personal link of Siri Ansatt at Demo skole, flagged for a
 * prompt look, and a draft best-interests assessment drawing on it. The answers and the
 * assessment are sealed as the app seals them, with the public development keys. The link's
 * token is random and never printed, so the demo link cannot be opened; its answer can be read.
 */
import { DEVELOPMENT_DATA_KEYS, DEVELOPMENT_LOOKUP_KEY } from '../worker/platform/development-keys.ts';
import { keyringFrom, seal } from '../worker/core/sealed.ts';
import { referenceFor, sha256Hex } from '../worker/core/secrets.ts';
import { compiledForms } from '../worker/generated/forms.ts';
import { answersContext } from '../worker/features/respond/answers-context.ts';
import { versionContext } from '../worker/features/assessment/sealed-document.ts';

const DEMO_CASE = 'DEMO-SAK-1';
const LINK = '00000000-0000-4000-8000-00000000d001';
const RESPONSE = '00000000-0000-4000-8000-00000000d002';
const ASSESSMENT = '00000000-0000-4000-8000-00000000d003';

const keyring = await keyringFrom(DEVELOPMENT_DATA_KEYS, DEVELOPMENT_LOOKUP_KEY);
const form = compiledForms['barnets-stemme-7-12']!;
const now = Date.now();
const answered = now - 3_600_000;
// The saddest face on "safe at school" flags the response (the form's flag rule).
const answers = {
  'safe-home': '3',
  'safe-school': '1',
  'safe-way': '2',
  'trusted-adult': 'yes',
  'good-friend': 'no',
  'listened-to': '2',
  'what-is-hard': 'Friminuttene er lange, og noen erter meg.',
  'who-worries': ['me', 'school'],
  'adults-should-know': 'Jeg gruer meg til skolen hver morgen.',
  'who-at-meeting': ['parent', 'teacher'],
};
const assessment = { 'know-views': 'Barnet sier at det gruer seg til skolen og blir ertet i friminuttene.' };

const quote = (value: string | number | null) => (value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replace(/'/g, "''")}'`);
const row = (table: string, values: Record<string, string | number | null>) =>
  `INSERT OR IGNORE INTO ${table} (${Object.keys(values).join(', ')}) VALUES (${Object.values(values).map(quote).join(', ')});`;

console.log(
  [
    row('form_versions', { form_id: form.definition.id, version: form.version, definition: JSON.stringify(form.definition), first_used_at: answered }),
    row('form_links', {
      id: LINK, municipality_id: 'demo', token_hash: await sha256Hex(crypto.randomUUID()), form_id: form.definition.id, language: 'nb', respondent: 'child',
      case_reference: DEMO_CASE, created_by: 'demo-ansatt', unit_id: 'demo-skole', single_use: 1, created_at: answered - 86_400_000, expires_at: now + 13 * 86_400_000,
      opened_at: answered - 600_000, started_at: answered - 600_000, submitted_at: answered, response_id: RESPONSE,
    }),
    row('responses', {
      id: RESPONSE, reference: await referenceFor(RESPONSE), municipality_id: 'demo', form_id: form.definition.id, form_version: form.version, language: 'nb',
      answers: JSON.stringify(await seal(keyring, JSON.stringify(answers), answersContext(RESPONSE))), submitted_period: new Date(answered).toISOString().slice(0, 7),
      submitted_at: answered, link_id: LINK, flagged: 1,
    }),
    row('assessments', {
      id: ASSESSMENT, municipality_id: 'demo', case_reference: DEMO_CASE, created_by: 'demo-ansatt', unit_id: 'demo-skole', response_id: RESPONSE, link_id: LINK,
      status: 'draft', version: 2, created_at: now - 1_800_000, updated_at: now - 1_200_000,
    }),
    row('assessment_versions', { assessment_id: ASSESSMENT, number: 1, municipality_id: 'demo', status: 'draft', document: await seal(keyring, '{}', versionContext(ASSESSMENT, 1)), changes: '[]', saved_by: 'demo-ansatt', saved_at: now - 1_800_000 }),
    row('assessment_versions', {
      assessment_id: ASSESSMENT, number: 2, municipality_id: 'demo', status: 'draft', document: await seal(keyring, JSON.stringify(assessment), versionContext(ASSESSMENT, 2)),
      changes: JSON.stringify([{ field: 'know-views', change: 'added' }]), saved_by: 'demo-ansatt', saved_at: now - 1_200_000,
    }),
  ].join('\n'),
);
