import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkForm, type Problem } from '../../worker/engine/check.ts';
import type { CompiledForm } from '../../worker/engine/schema.ts';
import { formVersion } from '../../worker/engine/version.ts';

export interface FileProblem extends Problem {
  file: string;
}

/** Reads and checks every form in `forms/`; the file name must match the form's id. */
export async function loadForms(dir = 'forms'): Promise<{ forms: CompiledForm[]; problems: FileProblem[] }> {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const forms: CompiledForm[] = [];
  const problems: FileProblem[] = [];
  for (const name of files) {
    const file = join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      problems.push({ file, path: '(file)', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = checkForm(json);
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => ({ file, ...problem })));
      continue;
    }
    if (`${result.definition.id}.json` !== name) {
      problems.push({ file, path: 'id', message: `the id "${result.definition.id}" must match the file name` });
      continue;
    }
    forms.push({ version: await formVersion(result.definition), definition: result.definition });
  }
  return { forms, problems };
}

export const describe = (problem: FileProblem) => `${problem.file}: ${problem.path}: ${problem.message}`;
