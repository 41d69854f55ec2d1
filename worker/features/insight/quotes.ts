/** The quotes a round may publish: approved ones only, as the planner redacted them, each with the theme of its question. */
import type { Theme } from '../../core/vocabulary.ts';
import type { Database } from '../../platform/storage/database.ts';
import { currentForm } from '../../platform/forms.ts';
import type { PublishedQuote } from './published.ts';
import { Quotes } from './repository.ts';
import type { Round } from './round.ts';

/** The theme of a (free-text) question in any of the round's forms. */
function themeOf(round: Round, questionId: string): Theme | undefined {
  for (const { form } of round.groups) {
    const question = currentForm(form)?.definition.pages.flatMap((page) => page.questions).find((candidate) => candidate.id === questionId);
    if (question) return question.theme;
  }
  return undefined;
}

export async function approvedQuotes(database: Database, round: Round): Promise<PublishedQuote[]> {
  const approved = await new Quotes(database).list(round.id, ['approved']);
  return approved.map((quote) => ({ group: quote.group, questionId: quote.questionId, theme: themeOf(round, quote.questionId), text: quote.text }));
}
