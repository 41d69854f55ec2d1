import { isDeclined, type Answers } from '../../engine/answer.ts';
import { pruneHidden } from '../../engine/flow.ts';
import { DECLINE_OPTION } from '../../engine/page-input.ts';
import type { FormDefinition } from '../../engine/schema.ts';
import { kindOf } from '../../engine/questions/index.ts';
import type { Draft, NewResponse } from './repository.ts';
import { referenceFor } from '../../core/secrets.ts';

/** Turns a finished draft into the response to store: only answers the person could see. */
export async function responseFrom(draft: Draft, form: FormDefinition, now: Date): Promise<NewResponse> {
  const answers: Answers = pruneHidden(form, draft.answers);
  const values = form.pages.flatMap((page) =>
    page.questions.flatMap((question) => {
      const value = answers[question.id];
      if (value === undefined) return [];
      if (isDeclined(value)) return [{ questionId: question.id, value: DECLINE_OPTION }];
      return (kindOf(question).countable?.(question, value) ?? []).map((item) => ({ questionId: question.id, value: item }));
    }),
  );
  return {
    id: draft.submissionId,
    reference: await referenceFor(draft.submissionId),
    municipalityId: draft.municipalityId,
    formId: draft.formId,
    formVersion: draft.formVersion,
    language: draft.language,
    answers,
    values,
    submittedPeriod: now.toISOString().slice(0, 7),
    // An anonymous response keeps only the month it came in.
    submittedAt: form.anonymous ? null : now,
    linkId: draft.linkId,
    assisted: draft.assistedRole !== null,
    assistedRole: draft.assistedRole,
  };
}
