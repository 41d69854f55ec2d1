/** `npm run forms:check`: validates every form in forms/ and reports each problem plainly. */
import { describe, loadForms } from './lib/load-forms.ts';

const { forms, problems } = await loadForms(process.argv[2]);
for (const problem of problems) console.error(describe(problem));
if (problems.length) {
  console.error(`\n${problems.length} problem(s) in forms/.`);
  process.exit(1);
}
console.log(`forms:check: ${forms.length} form(s) valid: ${forms.map((form) => `${form.definition.id}@${form.version}`).join(', ')}`);
