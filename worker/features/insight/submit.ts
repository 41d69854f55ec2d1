/** Storing an answer that came in through a round's open link: anonymous by construction. */
import { refuse } from '../../core/refusals.ts';
import { journeyOf } from '../../engine/journey.ts';
import type { FormDefinition } from '../../engine/schema.ts';
import { isCounted, isFreeText } from '../../engine/survey.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import { answerStatements, Rounds } from './repository.ts';
import { roundStatus } from './round.ts';

/** The ISO 8601 week of a day (2026-W49): the only time an answer keeps. */
export function isoWeek(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/**
 * The statements that store a round draft's answer: the counted answers with round, unit,
 * group and week, and each free-text answer as a quote of its own, not linked to them. The
 * caller deletes the draft in the same batch. Refused once the round has closed.
 */
export async function roundAnswer(database: Database, draft: { id: string; roundLinkId: string | null; formId: string; formVersion: string; answers: Parameters<typeof journeyOf>[1] }, form: FormDefinition, now: Date): Promise<{ statements: Statement[]; done: string }> {
  const found = draft.roundLinkId ? await new Rounds(database).byLinkId(draft.roundLinkId) : undefined;
  if (!found || roundStatus(found.round, now) !== 'open') refuse('roundClosed');
  const { round, link } = found;
  const way = journeyOf(form, draft.answers);
  const counted: Record<string, string> = {};
  const quotes: { questionId: string; text: string }[] = [];
  for (const question of way.pages.flatMap((page) => way.questions(page))) {
    const value = way.valueOf(question);
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (isCounted(question)) counted[question.id] = value;
    else if (isFreeText(question)) quotes.push({ questionId: question.id, text: value.trim() });
  }
  const statements = answerStatements(database, draft.id, { roundId: round.id, unitId: link.unitId, group: link.group, week: isoWeek(now), formId: draft.formId, formVersion: draft.formVersion, answers: counted }, quotes);
  return { statements, done: `/r/${round.municipalityId}/${link.code}/done` };
}
