/**
 * Form families: one file holds the pages, questions and texts several age versions share,
 * and each version picks and words them for its ages. A family resolves into ordinary form
 * definitions (checked like any other form) when forms are built.
 */
import * as v from 'valibot';
import { Id, Text } from '../core/language.ts';
import type { Problem } from './check.ts';

const Ages = v.strictObject({ min: v.pipe(v.number(), v.integer(), v.minValue(0)), max: v.pipe(v.number(), v.integer(), v.maxValue(120)) });

/** A question as a version uses it: the shared one by id, or with some of its fields worded anew. */
const QuestionUse = v.union([Id, v.looseObject({ use: Id })]);

const VersionPage = v.strictObject({
  use: Id,
  title: v.optional(Text),
  intro: v.optional(Text),
  questions: v.pipe(v.array(QuestionUse), v.minLength(1, 'a page needs at least one question')),
});

const Version = v.strictObject({
  ages: Ages,
  /** Fields of the form that differ in this version (title, description, estimatedMinutes …). */
  form: v.optional(v.record(v.string(), v.unknown()), {}),
  pages: v.pipe(v.array(VersionPage), v.minLength(1, 'a version needs at least one page')),
});

export const FormFamily = v.strictObject({
  /** The family's id; each version's form id is `<family>-<min>-<max>`, such as barnets-stemme-7-12. */
  family: Id,
  /** Questions every version has with the same id, so answers compare across ages. */
  core: v.pipe(v.array(Id), v.minLength(1)),
  /** Form fields every version shares (languages, audience, texts …). */
  form: v.record(v.string(), v.unknown()),
  /** Label sets for smiley scales, used by `"scale": "<name>"` in place of `labels`. */
  scales: v.optional(v.record(Id, v.array(Text)), {}),
  pages: v.record(Id, v.strictObject({ title: Text, intro: v.optional(Text) })),
  questions: v.record(Id, v.looseObject({ type: v.string() })),
  versions: v.pipe(v.array(Version), v.minLength(1)),
});
export type FormFamily = v.InferOutput<typeof FormFamily>;

export interface ResolvedVersion {
  id: string;
  /** A form definition to check with `checkForm`. */
  definition: Record<string, unknown>;
}

export type FamilyResult = { ok: true; versions: ResolvedVersion[] } | { ok: false; problems: Problem[] };

export const versionId = (family: string, ages: { min: number; max: number }) => `${family}-${ages.min}-${ages.max}`;

/** Resolves a family into one form definition per version, or says what is wrong with it. */
export function resolveFamily(input: unknown): FamilyResult {
  const parsed = v.safeParse(FormFamily, input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.issues.map((issue) => ({ path: (issue.path ?? []).map((item) => String(item.key)).join('.') || '(family)', message: issue.message })) };
  }
  const family = parsed.output;
  const problems: Problem[] = [];
  const versions = family.versions.map((version, versionIndex): ResolvedVersion => {
    const at = `versions[${versionIndex}]`;
    const pages = version.pages.map((use, pageIndex) => {
      const shared = family.pages[use.use];
      if (!shared) problems.push({ path: `${at}.pages[${pageIndex}].use`, message: `there is no shared page "${use.use}"` });
      const questions = use.questions.map((item, questionIndex) => {
        const { use: id, ...override } = typeof item === 'string' ? { use: item } : item;
        const question = family.questions[id];
        if (!question) {
          problems.push({ path: `${at}.pages[${pageIndex}].questions[${questionIndex}]`, message: `there is no shared question "${id}"` });
          return { id };
        }
        const { scale, ...merged } = { ...question, ...override } as Record<string, unknown>;
        if (scale === undefined) return { id, ...merged };
        const labels = family.scales[String(scale)];
        if (!labels) problems.push({ path: `${at}.pages[${pageIndex}].questions[${questionIndex}]`, message: `there is no scale "${String(scale)}"` });
        return { id, ...merged, labels };
      });
      return { id: use.use, ...shared, ...(use.title && { title: use.title }), ...(use.intro && { intro: use.intro }), questions };
    });
    const id = versionId(family.family, version.ages);
    return { id, definition: { ...family.form, ...version.form, id, family: family.family, ages: version.ages, pages } };
  });
  problems.push(...agesProblems(family), ...coreProblems(family, versions));
  return problems.length ? { ok: false, problems } : { ok: true, versions };
}

/** Versions are listed youngest first; their ages meet without a gap or an overlap. */
function agesProblems(family: FormFamily): Problem[] {
  const problems: Problem[] = [];
  family.versions.forEach(({ ages }, index) => {
    if (ages.min > ages.max) problems.push({ path: `versions[${index}].ages`, message: 'ages.min must not be above ages.max' });
    const before = family.versions[index - 1]?.ages;
    if (before && ages.min !== before.max + 1) {
      problems.push({ path: `versions[${index}].ages`, message: `ages ${ages.min}–${ages.max} must start at ${before.max + 1}, right after the version before (${before.min}–${before.max}): no gap, no overlap` });
    }
  });
  return problems;
}

const questionsOf = (version: ResolvedVersion) =>
  new Map((version.definition.pages as { questions: { id: string; type?: unknown }[] }[]).flatMap((page) => page.questions.map((question) => [question.id, question.type] as const)));

/** The youngest version has every core question, and every other version has them too, of the same type. */
function coreProblems(family: FormFamily, versions: ResolvedVersion[]): Problem[] {
  const problems: Problem[] = [];
  const [youngest] = versions;
  if (!youngest) return problems;
  const types = questionsOf(youngest);
  for (const id of family.core) if (!types.has(id)) problems.push({ path: 'core', message: `the youngest version (${youngest.id}) lacks the core question "${id}"` });
  versions.slice(1).forEach((version, index) => {
    const own = questionsOf(version);
    for (const id of family.core.filter((core) => types.has(core))) {
      if (!own.has(id)) problems.push({ path: `versions[${index + 1}]`, message: `${version.id} lacks the core question "${id}" that ${youngest.id} has` });
      else if (own.get(id) !== types.get(id)) problems.push({ path: `versions[${index + 1}]`, message: `the core question "${id}" is ${String(own.get(id))} in ${version.id} but ${String(types.get(id))} in ${youngest.id}` });
    }
  });
  return problems;
}
