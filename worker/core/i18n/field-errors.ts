/** Valibot issues as the messages a page shows beside its fields. */
import type * as v from 'valibot';
import type { Translate } from './translate.ts';

/** Each refused field's message by the field's name: the issue's message is the key under `prefix`. */
export const fieldErrors = (t: Translate, prefix: string, issues: readonly v.BaseIssue<unknown>[]): Record<string, string> =>
  Object.fromEntries(issues.map((issue) => [String(issue.path?.[0]?.key), t(`${prefix}.${issue.message}`)]));
