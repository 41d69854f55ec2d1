import type * as v from 'valibot';
import type { Translate } from '../../core/i18n/translate.ts';

export interface Problem {
  field: string;
  message: string;
}

/**
 * One problem per field, in the client's language. Schemas used here name a key under
 * `links.errors` as each field's message, as the staff pages' link form does.
 */
export function problemsOf(issues: readonly v.BaseIssue<unknown>[], t: Translate): Problem[] {
  const byField = new Map<string, string>();
  for (const issue of issues) {
    const field = String(issue.path?.[0]?.key ?? '');
    if (!byField.has(field)) byField.set(field, t(`links.errors.${issue.message}`));
  }
  return [...byField].map(([field, message]) => ({ field, message }));
}
