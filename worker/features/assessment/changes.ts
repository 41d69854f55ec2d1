import * as v from 'valibot';
import type { Answers } from '../../engine/answer.ts';
import { canonicalJson } from '../../engine/version.ts';

export const Change = v.object({ field: v.string(), change: v.picklist(['added', 'changed', 'removed']) });
export type Change = v.InferOutput<typeof Change>;
export const Changes = v.array(Change);

/** Which fields a save added, changed or removed: the summary kept with each version (ids only, never content). */
export function changesBetween(before: Answers, after: Answers): Change[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.flatMap((field): Change[] => {
    const was = before[field];
    const is = after[field];
    if (was === undefined) return is === undefined ? [] : [{ field, change: 'added' }];
    if (is === undefined) return [{ field, change: 'removed' }];
    return canonicalJson(was) === canonicalJson(is) ? [] : [{ field, change: 'changed' }];
  });
}
