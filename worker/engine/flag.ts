import { questionValue, rowsOf, type Answers, type QuestionValue } from './answer.ts';
import type { Question } from './questions/index.ts';
import type { FormDefinition } from './schema.ts';

const flags = (question: Question, value: QuestionValue | undefined): boolean => {
  const marked = question.flagAnswers;
  if (!marked || value === undefined) return false;
  // A declined answer is an object and an open answer a free text: neither flags.
  if (typeof value === 'string') return marked.includes(value);
  return Array.isArray(value) && value.some((item) => marked.includes(item));
};

/**
 * Whether any answer is one the form marks as a sign that the respondent may not be safe or
 * is being hurt (`flagAnswers`), in the rows of repeatable pages too. Give it the answers the
 * person could see (the journey's), so an answer hidden by a later change does not count.
 */
export function isFlagged(definition: FormDefinition, answers: Answers): boolean {
  return definition.pages.some((page) =>
    page.repeat
      ? rowsOf(answers[page.id]).some((row) => page.questions.some((question) => flags(question, row[question.id])))
      : page.questions.some((question) => flags(question, questionValue(answers[question.id]))),
  );
}
