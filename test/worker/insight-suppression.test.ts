/** The suppression rule on small, hand-counted cases: primary hiding, complements, margins, means, zeros, thresholds. */
import { describe, expect, it } from 'vitest';
import { publish, type Cell, type ResponseRow, type TableSpec } from '../../worker/features/insight/suppression/index.ts';

const times = (count: number, row: ResponseRow) => Array.from({ length: count }, () => row);
const cellAt = (published: ReturnType<typeof publish>, table: string, key: Record<string, string>): Cell | undefined =>
  published.find((entry) => entry.id === table)?.cells.find((cell) => JSON.stringify(Object.entries(cell.key).sort()) === JSON.stringify(Object.entries(key).sort()));

/** Respondents and one question, each by nothing and by unit. */
const byUnit = (scores?: Record<string, number>): TableSpec[] => [
  { id: 'r:all', by: [] },
  { id: 'r:unit', by: ['unit'] },
  { id: 'q:all', question: 'q', by: [], ...(scores ? { scores } : {}) },
  { id: 'q:unit', question: 'q', by: ['unit'], ...(scores ? { scores } : {}) },
];

describe('publish', () => {
  it('hides a cell counted from fewer respondents than the threshold: count, share and mean', () => {
    const rows = [...times(3, { unit: 'a', q: '1' }), ...times(9, { unit: 'b', q: '2' })];
    const published = publish(rows, byUnit({ '1': 1, '2': 2 }), { threshold: 5, dimensions: { unit: ['a', 'b'], q: ['1', '2'] } });
    expect(cellAt(published, 'r:unit', { unit: 'a' })).toEqual({ key: { unit: 'a' }, count: null, suppressed: 'primary' });
    expect(cellAt(published, 'q:unit', { unit: 'a' })).toEqual({ key: { unit: 'a' }, count: null, mean: null, suppressed: 'primary' });
    expect(cellAt(published, 'q:unit', { unit: 'a', q: '1' })).toEqual({ key: { unit: 'a', q: '1' }, count: null, share: null, suppressed: 'primary' });
  });

  it('hides a complement in a 2×2 with one small cell, so the totals cannot give it away', () => {
    // Unit a: 2 yes, 8 no; unit b: 7 yes, 9 no. All the margins are large.
    const rows = [...times(2, { unit: 'a', q: 'yes' }), ...times(8, { unit: 'a', q: 'no' }), ...times(7, { unit: 'b', q: 'yes' }), ...times(9, { unit: 'b', q: 'no' })];
    const published = publish(rows, byUnit(), { threshold: 5, dimensions: { unit: ['a', 'b'], q: ['yes', 'no'] } });
    expect(cellAt(published, 'q:unit', { unit: 'a', q: 'yes' })?.suppressed).toBe('primary');
    // The rest of the unit's row and of the answer's column go too, and so the fourth cell.
    for (const key of [{ unit: 'a', q: 'no' }, { unit: 'b', q: 'yes' }, { unit: 'b', q: 'no' }]) expect(cellAt(published, 'q:unit', key)).toMatchObject({ count: null, share: null, suppressed: 'secondary' });
    // The margins stay: each of them is large and none reveals the small cell on its own.
    expect(cellAt(published, 'q:unit', { unit: 'a' })?.count).toBe(10);
    expect(cellAt(published, 'q:unit', { unit: 'b' })?.count).toBe(16);
    expect(cellAt(published, 'q:all', { q: 'yes' })?.count).toBe(9);
    expect(cellAt(published, 'q:all', {})?.count).toBe(26);
  });

  it('hides a unit whose small count the other units would give away through the total', () => {
    // Unit c has 2 respondents; a and b are large, so one of them is hidden beside c.
    const rows = [...times(2, { unit: 'c', q: 'yes' }), ...times(20, { unit: 'a', q: 'yes' }), ...times(12, { unit: 'b', q: 'yes' })];
    const published = publish(rows, byUnit(), { threshold: 5, dimensions: { unit: ['a', 'b', 'c'], q: ['yes', 'no'] } });
    expect(cellAt(published, 'r:unit', { unit: 'c' })?.suppressed).toBe('primary');
    expect(cellAt(published, 'r:all', {})?.count).toBe(34);
    // The smaller of the others goes; the larger stays.
    expect(cellAt(published, 'r:unit', { unit: 'b' })).toMatchObject({ count: null, suppressed: 'secondary' });
    expect(cellAt(published, 'r:unit', { unit: 'a' })?.count).toBe(20);
  });

  it('hides a mean that would reveal, with its count, how a small group answered', () => {
    // Unit a: 2 answered 1 and 3 answered 2. Its count 5 is shown, both option cells hidden;
    // a mean of 1.6 beside 5 would give 1·x + 2·(5 − x) = 8, so x = 2.
    const rows = [...times(2, { unit: 'a', q: '1' }), ...times(3, { unit: 'a', q: '2' }), ...times(6, { unit: 'b', q: '1' }), ...times(7, { unit: 'b', q: '2' })];
    const published = publish(rows, byUnit({ '1': 1, '2': 2 }), { threshold: 5, dimensions: { unit: ['a', 'b'], q: ['1', '2'] } });
    const total = cellAt(published, 'q:unit', { unit: 'a' })!;
    expect(cellAt(published, 'q:unit', { unit: 'a', q: '1' })?.count).toBeNull();
    // Either the count or the mean is hidden, never both shown.
    expect(total.count === null || total.mean === null).toBe(true);
    if (total.count !== null) expect(total.meanSuppressed).toBe('secondary');
  });

  it('shows a mean where the option cells are shown as well', () => {
    const rows = [...times(6, { unit: 'a', q: '1' }), ...times(6, { unit: 'a', q: '2' })];
    const published = publish(rows, byUnit({ '1': 1, '2': 2 }), { threshold: 5, dimensions: { unit: ['a'], q: ['1', '2'] } });
    expect(cellAt(published, 'q:unit', { unit: 'a' })).toEqual({ key: { unit: 'a' }, count: 12, mean: 1.5 });
  });

  it('gives no cell for an option nobody chose, and shows the others in full', () => {
    const rows = times(6, { unit: 'a', q: 'yes' });
    const published = publish(rows, byUnit(), { threshold: 5, dimensions: { unit: ['a'], q: ['yes', 'no'] } });
    expect(cellAt(published, 'q:unit', { unit: 'a', q: 'no' })).toBeUndefined();
    expect(cellAt(published, 'q:unit', { unit: 'a', q: 'yes' })).toEqual({ key: { unit: 'a', q: 'yes' }, count: 6, share: 1 });
  });

  it('uses the municipality threshold: 4 answers are shown at 3 and hidden at 5', () => {
    const rows = [...times(4, { unit: 'a', q: 'yes' }), ...times(4, { unit: 'a', q: 'no' })];
    const at = (threshold: number) => cellAt(publish(rows, byUnit(), { threshold, dimensions: { unit: ['a'], q: ['yes', 'no'] } }), 'q:unit', { unit: 'a', q: 'yes' });
    expect(at(3)).toEqual({ key: { unit: 'a', q: 'yes' }, count: 4, share: 0.5 });
    expect(at(5)).toMatchObject({ count: null, suppressed: 'primary' });
  });

  it('keeps a respondent count hidden that a question answered by everyone would give away', () => {
    // Everyone answered, so a question's totals equal the respondent counts: hiding one in one
    // table and showing it in the other would reveal it.
    const rows = [...times(3, { unit: 'a', grade: '5', q: 'yes' }), ...times(7, { unit: 'a', grade: '6', q: 'yes' }), ...times(9, { unit: 'b', grade: '6', q: 'no' })];
    const tables: TableSpec[] = [
      { id: 'r:unit+grade', by: ['unit', 'grade'] },
      { id: 'r:unit', by: ['unit'] },
      { id: 'q:unit+grade', question: 'q', by: ['unit', 'grade'] },
      { id: 'q:unit', question: 'q', by: ['unit'] },
    ];
    const published = publish(rows, tables, { threshold: 5, dimensions: { unit: ['a', 'b'], grade: ['5', '6'], q: ['yes', 'no'] } });
    const respondents = cellAt(published, 'r:unit+grade', { unit: 'a', grade: '6' })!;
    const answered = cellAt(published, 'q:unit+grade', { unit: 'a', grade: '6' })!;
    const total = cellAt(published, 'q:unit', { unit: 'a' })!;
    // 10 in unit a, 3 of them in grade 5: neither 7 is shown beside a total of 10.
    expect(respondents.count === null || total.count === null).toBe(true);
    expect(answered.count === null || total.count === null).toBe(true);
  });
});
