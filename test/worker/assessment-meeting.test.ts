import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { location, textOf } from './client.ts';
import { answeredCase, auditCount } from './case-fixture.ts';
import { staffClient } from './staff.ts';

const stored = (id: string) => env.DB.prepare('SELECT document, revision, response_id, assessment_id FROM meeting_records WHERE id = ?').bind(id).first<{ document: string; revision: number; response_id: string | null; assessment_id: string | null }>();

describe('an interdisciplinary meeting record', () => {
  it('is written page by page, its action plan rows added and removed without JavaScript, and refers to the case’s response and assessment', async () => {
    const { staff, responseId } = await answeredCase('MOTE-1');
    const made = await staff.post('/staff/m/demo/cases/MOTE-1/meetings');
    const base = location(made);
    const id = base.split('/').at(-1)!;
    expect(base).toBe(`/staff/m/demo/meetings/${id}`);
    expect(await auditCount('meeting.create', id)).toBe(1);

    expect(location(await staff.post(`${base}/p/meeting`, { 'meeting-date.day': '3', 'meeting-date.month': '12', 'meeting-date.year': '2026', present: 'Lærer, helsesykepleier', 'minute-taker': 'Siri', purpose: 'Felles plan' }))).toBe(`${base}/p/status`);
    // The action plan: add two rows, change the first, remove it; the numbers follow the order.
    const plan = `${base}/p/plan`;
    expect(await textOf(await staff.get(plan))).toContain('Ingen lagt til ennå.');
    expect(location(await staff.post(`${plan}/1`, { goal: 'Trygg skolevei', measure: 'Følge til skolen', responsible: 'Skolen' }))).toBe(plan);
    expect(location(await staff.post(`${plan}/2`, { goal: 'Mer lek', measure: 'Fast venn i friminutt' }))).toBe(plan);
    expect(location(await staff.post(`${plan}/1`, { goal: 'Trygg skolevei hver dag', measure: 'Følge til skolen' }))).toBe(plan);
    let list = await textOf(await staff.get(plan));
    expect(list).toContain('Tiltak 1');
    expect(list).toContain('Trygg skolevei hver dag');
    expect(location(await staff.post(`${plan}/1/remove`))).toBe(plan);
    list = await textOf(await staff.get(plan));
    expect(list).not.toContain('Trygg skolevei');
    expect(list).toContain('Mer lek');
    // A row's required fields are checked like any page's.
    const missing = await staff.post(`${plan}/2`, { goal: '' });
    expect(missing.status).toBe(422);

    // References only among the case's own records.
    const assessment = location(await staff.post('/staff/m/demo/cases/MOTE-1/assessments', { response: responseId })).split('/')[5]!;
    expect(location(await staff.post(`${base}/references`, { response: responseId, assessment }))).toBe(base);
    expect(await stored(id)).toMatchObject({ response_id: responseId, assessment_id: assessment });
    const summary = await textOf(await staff.get(base));
    expect(summary).toContain('Mer lek');
    expect(summary).toContain('Felles plan');

    // Sealed at rest: nothing written is readable in the row.
    const row = await stored(id);
    expect(row?.document).toMatch(/^v1\.dev1\./);
    for (const written of ['Mer lek', 'Felles plan', 'Lærer']) expect(row?.document).not.toContain(written);
  });

  it('refuses rows beyond the maximum, tampered row numbers and foreign references, changing nothing', async () => {
    const { staff } = await answeredCase('MOTE-2');
    const other = await answeredCase('MOTE-3');
    const base = location(await staff.post('/staff/m/demo/cases/MOTE-2/meetings'));
    const plan = `${base}/p/plan`;
    await staff.post(`${plan}/1`, { goal: 'Mål', measure: 'Tiltak' });
    const before = await stored(base.split('/').at(-1)!);
    for (const row of ['0', '01', 'x', '-1', '3', '99999']) {
      expect((await staff.post(`${plan}/${row}`, { goal: 'Mål', measure: 'Tiltak' })).status, row).toBe(404);
      expect((await staff.get(`${plan}/${row}`)).status, row).toBe(404);
    }
    expect((await staff.post(`${plan}/2/remove`)).status).toBe(404);
    expect((await staff.post(`${base}/p/meeting/1`, { present: 'x' })).status).toBe(404);
    // The twenty-first row is beyond the plan's maximum.
    expect((await staff.post(`${plan}/21`, { goal: 'Mål', measure: 'Tiltak' })).status).toBe(400);
    expect((await staff.post(`${base}/references`, { response: other.responseId })).status).toBe(400);
    expect((await staff.post(`${plan}/1`, { goal: 'Mål', measure: 'Tiltak', extra: 'x' })).status).toBe(400);
    expect(await stored(base.split('/').at(-1)!)).toEqual(before);
  });

  it('another unit and another municipality do not see it', async () => {
    const { staff } = await answeredCase('MOTE-4');
    const base = location(await staff.post('/staff/m/demo/cases/MOTE-4/meetings'));
    const before = await stored(base.split('/').at(-1)!);
    const otherUnit = await staffClient('helse@demo.medvirk.no');
    expect((await otherUnit.get(base)).status).toBe(404);
    expect((await otherUnit.post(`${base}/p/meeting`, { purpose: 'x' })).status).toBe(404);
    expect((await otherUnit.post('/staff/m/demo/cases/MOTE-4/meetings')).status).toBe(404);
    expect((await (await staffClient('ansatt@andre.medvirk.no')).get(base)).status).toBe(403);
    expect(await stored(base.split('/').at(-1)!)).toEqual(before);
  });
});
