import { isDeclined, type QuestionValue } from '../../engine/answer.ts';
import { isFlagged } from '../../engine/flag.ts';
import { journeyOf } from '../../engine/journey.ts';
import { DECLINE_OPTION } from '../../engine/page-input.ts';
import type { FormDefinition } from '../../engine/schema.ts';
import { kindOf, type Question } from '../../engine/questions/index.ts';
import type { Draft, NewResponse } from './repository.ts';
import { referenceFor } from '../../core/secrets.ts';

/** Turns a finished draft into the response to store: only answers the person could see. */
export async function responseFrom(draft: Draft, form: FormDefinition, now: Date): Promise<NewResponse> {
  const journey = journeyOf(form, draft.answers);
  const counted = (question: Question, value: QuestionValue | undefined) => {
    if (value === undefined) return [];
    if (isDeclined(value)) return [{ questionId: question.id, value: DECLINE_OPTION }];
    return (kindOf(question).countable?.(question, value) ?? []).map((item) => ({ questionId: question.id, value: item }));
  };
  // Every row of a repeatable page counts, under its question's id. Only anonymous answers are
  // counted this way: an identifiable form's choices stay sealed with the rest of its answers.
  const values = !form.anonymous ? [] : journey.pages.flatMap((page) =>
    page.repeat
      ? journey.rows(page).flatMap((_, index) => page.questions.flatMap((question) => counted(question, journey.valueOf(question, index + 1))))
      : page.questions.flatMap((question) => counted(question, journey.valueOf(question))),
  );
  return {
    id: draft.submissionId,
    reference: await referenceFor(draft.submissionId),
    municipalityId: draft.municipalityId,
    formId: draft.formId,
    formVersion: draft.formVersion,
    language: draft.language,
    answers: journey.answers,
    values,
    submittedPeriod: now.toISOString().slice(0, 7),
    // An anonymous response keeps only the month it came in.
    submittedAt: form.anonymous ? null : now,
    linkId: draft.linkId,
    assisted: draft.assistedRole !== null,
    assistedRole: draft.assistedRole,
    flagged: isFlagged(form, journey.answers),
  };
}
