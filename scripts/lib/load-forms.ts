import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkForm, type Problem } from '../../worker/engine/check.ts';
import { resolveFamily } from '../../worker/engine/family.ts';
import type { CompiledForm } from '../../worker/engine/schema.ts';
import { formVersion } from '../../worker/engine/version.ts';

export interface FileProblem extends Problem {
  file: string;
}

async function readJson(file: string, problems: FileProblem[]): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    problems.push({ file, path: '(file)', message: `not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
}

/**
 * Reads and checks every form in `forms/`: each `<id>.json` (the file name must match the
 * form's id), and each family in `<family>/family.json`, resolved into one form per version.
 */
export async function loadForms(dir = 'forms'): Promise<{ forms: CompiledForm[]; problems: FileProblem[] }> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const forms: CompiledForm[] = [];
  const problems: FileProblem[] = [];
  const add = async (file: string, input: unknown, expectedId: string | undefined, at = '') => {
    const result = checkForm(input);
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => ({ file, ...problem, path: `${at}${problem.path}` })));
      return;
    }
    if (expectedId !== undefined && result.definition.id !== expectedId) {
      problems.push({ file, path: 'id', message: `the id "${result.definition.id}" must match the file name` });
      return;
    }
    forms.push({ version: await formVersion(result.definition), definition: result.definition });
  };
  for (const entry of entries) {
    if (entry.isFile() && entry.name.endsWith('.json')) {
      const file = join(dir, entry.name);
      const json = await readJson(file, problems);
      if (json !== undefined) await add(file, json, entry.name.slice(0, -'.json'.length));
    } else if (entry.isDirectory()) {
      const file = join(dir, entry.name, 'family.json');
      const json = await readJson(file, problems);
      if (json === undefined) continue;
      const family = resolveFamily(json);
      if (!family.ok) {
        problems.push(...family.problems.map((problem) => ({ file, ...problem })));
        continue;
      }
      if ((json as { family?: unknown }).family !== entry.name) {
        problems.push({ file, path: 'family', message: `the family "${String((json as { family?: unknown }).family)}" must match its folder's name` });
        continue;
      }
      for (const [index, version] of family.versions.entries()) await add(file, version.definition, undefined, `versions[${index}] (${version.id}): `);
    }
  }
  return { forms, problems };
}

export const describe = (problem: FileProblem) => `${problem.file}: ${problem.path}: ${problem.message}`;
