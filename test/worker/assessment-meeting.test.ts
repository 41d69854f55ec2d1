import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { location, textOf } from './client.ts';
import { answeredCase, auditCount } from './case-fixture.ts';
import { staffClient } from './staff.ts';

const versions = async (id: string) =>
  (await env.DB.prepare('SELECT number, document, response_id, changes, saved_by FROM meeting_record_versions WHERE meeting_id = ? ORDER BY number').bind(id).all<{ number: number; document: string; response_id: string | null; changes: string; saved_by: string }>()).results.map(
    (row) => ({ ...row, changes: JSON.parse(row.changes) as { field: string; change: string }[] }),
  );
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

describe('the versions of a meeting record', () => {
  it('keeps every save as a sealed version with who saved it and which fields changed, and shows them on the record', async () => {
    const { staff, responseId } = await answeredCase('MOTE-V1');
    const base = location(await staff.post('/staff/m/demo/cases/MOTE-V1/meetings'));
    const id = base.split('/').at(-1)!;
    expect(await versions(id)).toEqual([]);
    expect(await textOf(await staff.get(base))).toContain('Ikke lagret ennå.');

    // Two saves by two people at the unit: two versions, each with its author and its own changes.
    await staff.post(`${base}/p/meeting`, { present: 'Lærer, helsesykepleier', 'minute-taker': 'Siri', purpose: 'Felles plan' });
    const colleague = await staffClient('kollega@demo.medvirk.no');
    await colleague.post(`${base}/p/meeting`, { present: 'Lærer, helsesykepleier', 'minute-taker': 'Siri', purpose: 'Felles plan for høsten' });
    let kept = await versions(id);
    expect(kept.map(({ number, saved_by, changes }) => ({ number, saved_by, changes }))).toEqual([
      { number: 1, saved_by: 'demo-ansatt', changes: [{ field: 'present', change: 'added' }, { field: 'minute-taker', change: 'added' }, { field: 'purpose', change: 'added' }] },
      { number: 2, saved_by: 'demo-kollega', changes: [{ field: 'purpose', change: 'changed' }] },
    ]);
    expect(await auditCount('meeting.save', id)).toBe(2);
    // The same again is no save at all; a reference chosen is a version of its own; an action-plan row is named by its page.
    await colleague.post(`${base}/p/meeting`, { present: 'Lærer, helsesykepleier', 'minute-taker': 'Siri', purpose: 'Felles plan for høsten' });
    expect(await versions(id)).toHaveLength(2);
    await staff.post(`${base}/references`, { response: responseId, assessment: '' });
    await staff.post(`${base}/p/plan/1`, { goal: 'Trygg skolevei', measure: 'Følge til skolen' });
    kept = await versions(id);
    expect(kept.slice(2).map(({ number, changes, response_id }) => ({ number, changes, response_id }))).toEqual([
      { number: 3, changes: [{ field: '@response', change: 'added' }], response_id: responseId },
      { number: 4, changes: [{ field: 'plan', change: 'added' }], response_id: responseId },
    ]);
    expect(await stored(id)).toMatchObject({ revision: 4 });

    // Sealed like the record: nothing written is readable in a stored version, and it opens only as that version.
    for (const version of kept) {
      expect(version.document).toMatch(/^v1\.dev1\./);
      for (const written of ['Felles plan', 'Lærer, helse', 'Trygg skolevei']) expect(version.document).not.toContain(written);
    }
    expect(new Set(kept.map((version) => version.document)).size).toBe(kept.length);
    // A stored version is never changed.
    await expect(env.DB.prepare("UPDATE meeting_record_versions SET saved_by = 'noen' WHERE meeting_id = ?").bind(id).run()).rejects.toThrow(/cannot be changed/);

    // The record's page lists the history, newest first, by name and by the fields' labels.
    const page = await textOf(await staff.get(base));
    const history = page.slice(page.indexOf('Alle versjoner'));
    expect(history).toContain('Hensikt med møtet: endret');
    expect(history).toContain('Barnets stemme: valgt');
    expect(history).toContain('Tiltaksplan: skrevet');
    expect(history).toContain('Kari Kollega');
    expect(history).toContain('Siri Ansatt');
    expect(history.indexOf('Tiltaksplan: skrevet')).toBeLessThan(history.indexOf('Hensikt med møtet: endret'));
    // Each version reads as it was saved, audited as a view.
    const views = await auditCount('meeting.view', id);
    const first = await textOf(await staff.get(`${base}/versions/1`));
    expect(first).toContain('Felles plan');
    expect(first).not.toContain('Felles plan for høsten');
    expect(await auditCount('meeting.view', id)).toBe(views + 1);
    for (const number of ['5', '0', 'x', '1.5']) expect((await staff.get(`${base}/versions/${number}`)).status, number).toBe(404);
  });

  it('a save that loses a race stores neither the version nor its audit entry', async () => {
    const { staff } = await answeredCase('MOTE-V2');
    const base = location(await staff.post('/staff/m/demo/cases/MOTE-V2/meetings'));
    const id = base.split('/').at(-1)!;
    // Someone else's first save lands between the read and this save.
    await env.DB.prepare("INSERT INTO meeting_record_versions (meeting_id, number, municipality_id, document, changes, saved_by, saved_at) VALUES (?, 1, 'demo', 'x', '[]', 'demo-kollega', 0)").bind(id).run();
    const before = await stored(id);
    expect((await staff.post(`${base}/p/meeting`, { purpose: 'Tapt' })).status).toBe(409);
    expect(await stored(id)).toEqual(before);
    expect(await versions(id)).toHaveLength(1);
    expect(await auditCount('meeting.save', id)).toBe(0);
  });

  it('staff of another unit or municipality neither read nor add versions', async () => {
    const { staff } = await answeredCase('MOTE-V3');
    const base = location(await staff.post('/staff/m/demo/cases/MOTE-V3/meetings'));
    const id = base.split('/').at(-1)!;
    await staff.post(`${base}/p/meeting`, { purpose: 'Felles plan' });
    const before = { record: await stored(id), versions: await versions(id) };
    const otherUnit = await staffClient('helse@demo.medvirk.no');
    const otherMunicipality = await staffClient('ansatt@andre.medvirk.no');
    expect((await otherUnit.get(`${base}/versions/1`)).status).toBe(404);
    expect((await otherUnit.post(`${base}/p/meeting`, { purpose: 'Endret av en annen enhet' })).status).toBe(404);
    expect((await otherMunicipality.get(`${base}/versions/1`)).status).toBe(403);
    expect((await otherMunicipality.post(`${base}/p/meeting`, { purpose: 'Endret av en annen kommune' })).status).toBe(403);
    // Nor through their own municipality's address.
    expect((await otherMunicipality.get(`/staff/m/andre/meetings/${id}/versions/1`)).status).toBe(404);
    expect((await otherMunicipality.post(`/staff/m/andre/meetings/${id}/p/meeting`, { purpose: 'Endret av en annen kommune' })).status).toBe(404);
    expect({ record: await stored(id), versions: await versions(id) }).toEqual(before);
  });
});
