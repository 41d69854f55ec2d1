import * as v from 'valibot';
import { canonicalJson } from '../../engine/version.ts';

export const Change = v.object({ field: v.string(), change: v.picklist(['added', 'changed', 'removed']) });
export type Change = v.InferOutput<typeof Change>;
export const Changes = v.array(Change);

/**
 * Which fields a save added, changed or removed: the summary kept with each version of an
 * assessment or a meeting record (ids only, never content).
 */
export function changesBetween(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): Change[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.flatMap((field): Change[] => {
    const was = before[field];
    const is = after[field];
    if (was === undefined) return is === undefined ? [] : [{ field, change: 'added' }];
    if (is === undefined) return [{ field, change: 'removed' }];
    return canonicalJson(was) === canonicalJson(is) ? [] : [{ field, change: 'changed' }];
  });
}

/** A stored version with its change summary (a JSON column) read back through the schema. */
export const withChanges = <Row extends { changes: unknown }>(row: Row): Omit<Row, 'changes'> & { changes: Change[] } => ({ ...row, changes: v.parse(Changes, row.changes) });
