import * as v from 'valibot';
import { kindOf, type Question } from './questions/index.ts';
import type { Condition } from './condition.ts';
import { FormDefinition } from './schema.ts';
import { isSurvey, surveyProblem } from './survey.ts';

export interface Problem {
  path: string;
  message: string;
}

export type CheckResult = { ok: true; definition: FormDefinition } | { ok: false; problems: Problem[] };

const pathOf = (keys: readonly (string | number)[]) =>
  keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');

/** Objects whose keys are all language codes and values all strings are texts. */
const isText = (value: object) => {
  const entries = Object.entries(value);
  return entries.length > 0 && entries.every(([key, item]) => /^[a-z]{2,3}$/.test(key) && typeof item === 'string');
};

function* missingTranslations(value: unknown, languages: string[], keys: (string | number)[]): Generator<Problem> {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* missingTranslations(item, languages, [...keys, index]);
  } else if (value !== null && typeof value === 'object') {
    if (isText(value)) {
      for (const language of languages) {
        if (!(language in value)) yield { path: pathOf(keys), message: `text is missing in "${language}", a language the form offers` };
      }
      for (const language of Object.keys(value)) {
        if (!languages.includes(language)) yield { path: pathOf([...keys, language]), message: `"${language}" is not among the form's languages` };
      }
      return;
    }
    for (const [key, item] of Object.entries(value)) yield* missingTranslations(item, languages, [...keys, key]);
  }
}

function* conditionProblems(showIf: Condition | Condition[] | undefined, earlier: Map<string, Question>, path: string) {
  for (const [index, condition] of (Array.isArray(showIf) ? showIf : showIf ? [showIf] : []).entries()) {
    const at = Array.isArray(showIf) ? `${path}.showIf[${index}]` : `${path}.showIf`;
    const target = earlier.get(condition.question);
    if (!target) {
      yield { path: at, message: `condition refers to "${condition.question}", which is not a question before this one` };
      continue;
    }
    // The values an answer can take: only choice-like kinds have a fixed set to compare with.
    const allowed = kindOf(target).answers?.(target);
    if (!allowed) {
      yield { path: at, message: `conditions can only look at choice, smiley or yes/no questions; "${target.id}" is ${target.type}` };
      continue;
    }
    const compared = 'equals' in condition ? [condition.equals] : 'oneOf' in condition ? condition.oneOf : [condition.not];
    for (const value of compared.filter((item) => !allowed.includes(item))) {
      yield { path: at, message: `"${value}" is not an answer to "${target.id}" (it has ${allowed.join(', ')})` };
    }
  }
}

/** Flagged answers must be answers the question can take. */
function* flagProblems(question: Question, path: string): Generator<Problem> {
  if (!question.flagAnswers) return;
  const allowed = kindOf(question).answers?.(question);
  if (!allowed) {
    yield { path: `${path}.flagAnswers`, message: `only choice, smiley or yes/no questions can flag answers; "${question.id}" is ${question.type}` };
    return;
  }
  for (const value of question.flagAnswers.filter((item) => !allowed.includes(item))) {
    yield { path: `${path}.flagAnswers`, message: `"${value}" is not an answer to "${question.id}" (it has ${allowed.join(', ')})` };
  }
}

const RESERVED_FORM_IDS = ['meldinger'];

/** Everything the schema alone cannot see: unique ids, sound conditions, complete translations. */
function* semanticProblems(form: FormDefinition): Generator<Problem> {
  const pageIds = new Set<string>();
  const questionIds = new Set<string>();
  const repeatPages: { id: string; path: string }[] = [];
  const earlier = new Map<string, Question>();
  // `/m/<municipality>/meldinger` is the page that explains our messages, not a form's address.
  if (RESERVED_FORM_IDS.includes(form.id)) yield { path: 'id', message: `"${form.id}" is an address of its own; choose another form id` };
  for (const [pageIndex, page] of form.pages.entries()) {
    const pagePath = `pages[${pageIndex}]`;
    if (pageIds.has(page.id)) yield { path: `${pagePath}.id`, message: `page id "${page.id}" is used twice` };
    pageIds.add(page.id);
    yield* conditionProblems(page.showIf, earlier, pagePath);
    // A row's questions may look at earlier questions and at its own row, never at other pages' rows.
    const seen = page.repeat ? new Map(earlier) : earlier;
    for (const [questionIndex, question] of page.questions.entries()) {
      const path = `${pagePath}.questions[${questionIndex}]`;
      if (seen.has(question.id) || questionIds.has(question.id)) yield { path: `${path}.id`, message: `question id "${question.id}" is used twice` };
      yield* conditionProblems(question.showIf, seen, path);
      yield* flagProblems(question, path);
      if (question.type === 'info' && question.required) yield { path: `${path}.required`, message: 'an information block has nothing to answer, so it cannot be required' };
      const surveyMessage = isSurvey(form) ? surveyProblem(question) : undefined;
      if (surveyMessage) yield { path, message: surveyMessage };
      seen.set(question.id, question);
      questionIds.add(question.id);
    }
    if (page.repeat && isSurvey(form)) yield { path: `${pagePath}.repeat`, message: 'a survey counts one answer per question, so it has no repeatable pages' };
    if (page.repeat) repeatPages.push({ id: page.id, path: `${pagePath}.id` });
  }
  // A repeatable page keeps its rows under its own id, next to the answers of other questions.
  for (const repeat of repeatPages) {
    if (questionIds.has(repeat.id)) yield { path: repeat.path, message: `a repeatable page's id "${repeat.id}" must not also be a question id` };
  }
  yield* missingTranslations(form, form.languages, []);
}

/** Validates a form definition, reporting every problem with its path and a plain message. */
export function checkForm(input: unknown): CheckResult {
  const parsed = v.safeParse(FormDefinition, input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.issues.map((issue) => ({
        path: pathOf((issue.path ?? []).map((item) => item.key as string | number)) || '(form)',
        message: issue.message,
      })),
    };
  }
  const problems = [...semanticProblems(parsed.output)];
  return problems.length ? { ok: false, problems } : { ok: true, definition: parsed.output };
}
