/**
 * Conditions decide whether a page or question is shown. This module has no runtime
 * dependencies so the browser island can evaluate exactly the same rules as the server.
 */
import type { AnswerValue } from './answer.ts';

export type Condition =
  | { question: string; equals: string }
  | { question: string; oneOf: string[] }
  | { question: string; not: string };

/** A single condition, or a list that must all hold. */
export type ShowIf = Condition | Condition[];

/** The answer's comparable values: a choice gives one, a multiple choice several. */
function comparable(answer: AnswerValue | undefined): string[] | undefined {
  if (answer === undefined) return undefined;
  if (typeof answer === 'string') return [answer];
  if (typeof answer === 'number') return [String(answer)];
  if (Array.isArray(answer)) return answer.filter((value): value is string => typeof value === 'string');
  return undefined; // declined, or a structured answer: never matches
}

/** An unanswered or declined question matches no condition, not even `not`. */
export function conditionHolds(condition: Condition, answers: Readonly<Record<string, AnswerValue>>): boolean {
  const values = comparable(answers[condition.question]);
  if (!values) return false;
  if ('equals' in condition) return values.includes(condition.equals);
  if ('oneOf' in condition) return values.some((value) => condition.oneOf.includes(value));
  return !values.includes(condition.not);
}

export function isShown(showIf: ShowIf | undefined, answers: Readonly<Record<string, AnswerValue>>): boolean {
  if (!showIf) return true;
  const all = Array.isArray(showIf) ? showIf : [showIf];
  return all.every((condition) => conditionHolds(condition, answers));
}
