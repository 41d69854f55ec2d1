import * as v from 'valibot';
import { fieldName } from '../paths.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { base, fail, ok, Option, single, type QuestionKind } from './kind.ts';

export const AGENCY_DECISIONS = ['approve', 'decline'] as const;

/** One row per agency (a service, never a named employee), each approved or declined. */
export const agencyTableDefinition = v.strictObject({
  ...base,
  type: v.literal('agency-table'),
  agencies: v.pipe(v.array(Option), v.minLength(1)),
});
type AgencyTable = v.InferOutput<typeof agencyTableDefinition>;

export const agencyTableKind: QuestionKind<AgencyTable> = {
  fields: (question) => question.agencies.map((agency) => ({ suffix: agency.value })),
  decline: 'never',
  requiredError: 'requiredAgencies',
  validate(question, raw) {
    const decisions: Record<string, string> = {};
    for (const agency of question.agencies) {
      const decision = single(raw, agency.value);
      if (decision === '') continue;
      if (!(AGENCY_DECISIONS as readonly string[]).includes(decision)) return fail('unknownOption');
      decisions[agency.value] = decision;
    }
    const answered = Object.keys(decisions).length;
    if (answered === 0) return ok(undefined);
    // Consent must be explicit for every service: a half-filled table is not an answer.
    const missing = question.agencies.find((agency) => !(agency.value in decisions));
    if (missing) return fail('agencyMissing', { agency: missing.value });
    return ok(decisions);
  },
  toRaw: (_question, value) =>
    typeof value === 'object' && !Array.isArray(value) && !('declined' in value) && !('confirmed' in value) ? { ...value } : {},
  cell(question, value, lang, t) {
    if (typeof value !== 'object' || Array.isArray(value)) return [];
    const decisions = value as Record<string, string>;
    return question.agencies.map(
      (agency) => `${pickText(agency.label, lang)}: ${t(`answers.${decisions[agency.value] ?? 'unanswered'}`)}`,
    );
  },
  columns: (question, value, lang, t) =>
    question.agencies.map((agency) => {
      const decision = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, string>)[agency.value] : undefined;
      return {
        key: fieldName({ question: question.id, part: agency.value }),
        heading: `${pickText(question.label, lang)}: ${pickText(agency.label, lang)}`,
        text: decision ? t(`answers.${decision}`) : '',
      };
    }),
  countable: (question, value) =>
    typeof value === 'object' && !Array.isArray(value)
      ? question.agencies.map((agency) => `${agency.value}:${(value as Record<string, string>)[agency.value] ?? ''}`)
      : [],
};
