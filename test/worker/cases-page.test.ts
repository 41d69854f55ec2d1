import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../worker/features/cases/index.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { location, textOf } from './client.ts';
import { answeredCase, auditCount } from './case-fixture.ts';
import { staffClient } from './staff.ts';

/** The flag a form's rule sets when the child's answers call for a prompt look (see the engine's isFlagged). */
async function flag(responseId: string): Promise<string> {
  await env.DB.prepare('UPDATE responses SET flagged = 1 WHERE id = ?').bind(responseId).run();
  const row = await env.DB.prepare('SELECT submitted_at FROM responses WHERE id = ?').bind(responseId).first<{ submitted_at: number }>();
  // The date it must be reviewed by, as the page writes it (the counting itself is tested above).
  return formatDate(addWorkingDays(new Date(row!.submitted_at), 2), 'nb');
}
const reviews = async (responseId: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM response_reviews WHERE response_id = ?').bind(responseId).first<{ n: number }>())?.n;

describe('review-by dates count working days in Norway', () => {
  it('skips the weekend', () => {
    // Friday 4 December 2026, 14:00 in Oslo, is due on Tuesday; Monday's on Wednesday.
    expect(addWorkingDays(new Date('2026-12-04T13:00:00Z'), 2).toISOString()).toBe('2026-12-08T13:00:00.000Z');
    expect(addWorkingDays(new Date('2026-12-07T08:00:00Z'), 2).toISOString()).toBe('2026-12-09T08:00:00.000Z');
    // Saturday night counts from Monday.
    expect(addWorkingDays(new Date('2026-12-05T22:00:00Z'), 2).toISOString()).toBe('2026-12-08T22:00:00.000Z');
  });
});

describe('the case page', () => {
  it('shows everything of the case in time order, and a flagged response first on the sender’s overview until it is reviewed', async () => {
    const { staff, responseId } = await answeredCase('SAK-1');
    const due = await flag(responseId);
    const calm = await answeredCase('SAK-2');

    // The overview: flagged responses first with their review-by date (two working days), for the sender and their unit.
    const overview = await textOf(await staff.get('/staff/m/demo/cases'));
    const flaggedPart = overview.slice(overview.indexOf('Svar som må leses snart'), overview.indexOf('Alle saker'));
    expect(flaggedPart).toContain('SAK-1');
    expect(flaggedPart).toContain(due);
    expect(flaggedPart).not.toContain('SAK-2');
    expect(await textOf(await (await staffClient('kollega@demo.medvirk.no')).get('/staff/m/demo/cases'))).toContain('SAK-1');
    const otherUnit = await textOf(await (await staffClient('helse@demo.medvirk.no')).get('/staff/m/demo/cases'));
    expect(otherUnit).not.toContain('SAK-1');

    // Everything of the case in time order: link, answer (flagged), assessment versions, meeting record.
    await staff.post('/staff/m/demo/cases/SAK-1/assessments', { response: responseId });
    const meeting = location(await staff.post('/staff/m/demo/cases/SAK-1/meetings'));
    await staff.post(`${meeting}/p/meeting`, { purpose: 'Felles plan' });
    const page = await textOf(await staff.get('/staff/m/demo/cases/SAK-1'));
    const order = ['Lenke sendt av Siri Ansatt', 'Barnets stemme: svar kom inn', `Må leses innen ${due}`, 'Vurdering, versjon 1 (Utkast), av Siri Ansatt', 'Møtereferat skrevet av Siri Ansatt', 'Møtereferat, versjon 1, lagret av Siri Ansatt'].map((text) => page.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(page).not.toContain('SAK-2');

    // Reviewing is an event with its audit entry; the response leaves the flagged list.
    const audits = await auditCount('response.review', responseId);
    expect(location(await staff.post(`/staff/m/demo/cases/SAK-1/responses/${responseId}/review`))).toBe('/staff/m/demo/cases/SAK-1');
    expect(await reviews(responseId)).toBe(1);
    expect(await auditCount('response.review', responseId)).toBe(audits + 1);
    const after = await textOf(await staff.get('/staff/m/demo/cases'));
    expect(after.slice(after.indexOf('Svar som må leses snart'), after.indexOf('Alle saker'))).not.toContain('SAK-1');
    expect(await textOf(await staff.get('/staff/m/demo/cases/SAK-1'))).toContain('Svaret ble lest av Siri Ansatt');

    // A response of another case cannot be reviewed through this one.
    expect((await staff.post(`/staff/m/demo/cases/SAK-1/responses/${calm.responseId}/review`)).status).toBe(404);
    expect(await reviews(calm.responseId)).toBe(0);
  });

  it('is not shown outside the visibility rule, nor to another municipality, and a bad reference is no case', async () => {
    const { staff, responseId } = await answeredCase('SAK-3');
    const otherUnit = await staffClient('helse@demo.medvirk.no');
    expect((await otherUnit.get('/staff/m/demo/cases/SAK-3')).status).toBe(404);
    expect((await otherUnit.post(`/staff/m/demo/cases/SAK-3/responses/${responseId}/review`)).status).toBe(404);
    expect((await (await staffClient('ansatt@andre.medvirk.no')).get('/staff/m/demo/cases/SAK-3')).status).toBe(403);
    expect((await staff.get('/staff/m/demo/cases/%20bad%20ref')).status).toBe(404);
    expect((await staff.get('/staff/m/demo/cases/12345678901')).status).toBe(404);
    expect(await reviews(responseId)).toBe(0);
    // An admin without the municipality's grant to read every answer sees no other unit's case.
    expect((await (await staffClient('admin@demo.medvirk.no')).get('/staff/m/demo/cases/SAK-3')).status).toBe(404);
  });
});

describe('a child’s answers at rest', () => {
  it('are sealed in the stored row of a form that is not anonymous, and read back on the staff page', async () => {
    const { staff, responseId } = await answeredCase('SAK-SEGL');
    const row = await env.DB.prepare('SELECT answers FROM responses WHERE id = ?').bind(responseId).first<{ answers: string }>();
    expect(JSON.parse(row!.answers)).toMatch(/^v1\.dev1\.[\w-]+\.[\w-]+$/);
    expect(row!.answers).not.toContain('pappa');
    expect(row!.answers).not.toContain('adults-should-know');
    // Moved into another row, the value does not open: the staff page refuses rather than showing another child's answers.
    expect(await textOf(await staff.get(`/staff/m/demo/responses/${responseId}`))).toContain('Jeg vil bo hos pappa i helgene');
    const other = await answeredCase('SAK-SEGL-2');
    await env.DB.prepare('UPDATE responses SET answers = ? WHERE id = ?').bind(row!.answers, other.responseId).run();
    const refused = await other.staff.get(`/staff/m/demo/responses/${other.responseId}`);
    expect(refused.status).toBe(503);
    const text = await textOf(refused);
    expect(text).toContain('Kan ikke vises akkurat nå');
    expect(text).not.toContain('pappa');
  });
});
