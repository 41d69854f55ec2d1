/** What the API returns: links, forms and responses as plain JSON, dates as ISO strings. */
import type { FormDefinition, CompiledForm } from '../../engine/schema.ts';
import { journeyOf } from '../../engine/journey.ts';
import { responseDocument } from '../../engine/output.ts';
import { linkStatus } from '../links/index.ts';
import type { FormLink } from '../links/index.ts';
import type { StoredResponse } from '../respond/index.ts';
import { localized, type Ui } from '../../../web/ui.ts';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A link without its token hash; `responseId` is set once it is answered. */
export const linkJson = (link: FormLink, now: Date) => ({
  id: link.id,
  form: link.formId,
  language: link.language,
  respondent: link.respondent,
  caseReference: link.caseReference,
  singleUse: link.singleUse,
  status: linkStatus(link, now),
  createdBy: link.createdBy,
  createdAt: link.createdAt.toISOString(),
  expiresAt: link.expiresAt.toISOString(),
  sentAt: iso(link.sentAt),
  openedAt: iso(link.openedAt),
  startedAt: iso(link.startedAt),
  submittedAt: iso(link.submittedAt),
  revokedAt: iso(link.revokedAt),
  responseId: link.responseId,
});

export const formJson = ({ version, definition }: CompiledForm) => ({
  id: definition.id,
  version,
  title: definition.title,
  languages: definition.languages,
  audience: definition.audience,
  anonymous: definition.anonymous,
});

/**
 * The raw answers for systems that map them, and the same answers as the staff's reading page
 * shows them (labels and texts in the reader's language), for systems that just file them.
 */
export function responseJson(response: StoredResponse, form: FormDefinition, ui: Ui) {
  const readable = responseDocument(journeyOf(form, response.answers), ui.lang, ui.t).flatMap(({ page, rows }) =>
    rows.flatMap(({ number, answers }) =>
      answers.map(({ question, state, cell, columns, json }) => ({
        questionId: question.id,
        page: page.id,
        // Only on a repeatable page: which item (from 1) the answer belongs to.
        ...(number ? { row: number } : {}),
        label: localized(ui, question.label).text,
        state,
        answer: cell,
        ...(json === undefined ? {} : { value: json }),
        columns: Object.fromEntries(columns.map((column) => [column.key, column.text])),
      })),
    ),
  );
  return {
    id: response.id,
    reference: response.reference,
    linkId: response.linkId,
    formId: response.formId,
    formVersion: response.formVersion,
    language: response.language,
    submittedAt: iso(response.submittedAt),
    submittedPeriod: response.submittedPeriod,
    assisted: response.assisted,
    assistedRole: response.assistedRole,
    answers: response.answers,
    readable,
  };
}
