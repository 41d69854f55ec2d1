import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { location, textOf } from './client.ts';
import { answeredCase, auditCount } from './case-fixture.ts';
import { deliveredTo, lastOutboxId, staffClient } from './staff.ts';

const versions = (id: string) => env.DB.prepare('SELECT number, status, document, changes, saved_by FROM assessment_versions WHERE assessment_id = ? ORDER BY number').bind(id).all<{ number: number; status: string; document: string; changes: string; saved_by: string }>();
const state = (id: string) => env.DB.prepare('SELECT status, version, feedback_version FROM assessments WHERE id = ?').bind(id).first<{ status: string; version: number; feedback_version: number | null }>();

describe('a best-interests assessment, from the child’s answers to the feedback the child reads', () => {
  it('walks the four steps, keeps every version, completes only with feedback and is revised, never edited', async () => {
    const { staff, child, linkPath, responseId } = await answeredCase('VURD-1');
    const started = await staff.post('/staff/m/demo/cases/VURD-1/assessments', { response: responseId });
    expect(started.status).toBe(303);
    const [, id] = location(started).match(/\/assessments\/([0-9a-f-]{36})\/p\/know$/) ?? [];
    expect(id).toBeDefined();
    const base = `/staff/m/demo/assessments/${id}`;
    expect(await auditCount('assessment.create', id!)).toBe(1);

    // Step 1 shows what the child said beside the element that draws on it, and the read is audited.
    const viewsBefore = await auditCount('response.view', responseId);
    const know = await textOf(await staff.get(`${base}/p/know`));
    expect(know).toContain('Steg 1: Vite');
    expect(know).toContain('Jeg vil bo hos pappa i helgene');
    expect(await auditCount('response.view', responseId)).toBe(viewsBefore + 1);

    // Each save that changes something is a version, with the fields it changed; the stored document is sealed.
    expect(location(await staff.post(`${base}/p/know`, { 'know-views': 'Barnet ønsker mer tid med far.', 'know-family': 'Bor hos mor.' }))).toBe(`${base}/p/assess`);
    expect(location(await staff.post(`${base}/p/know`, { 'know-views': 'Barnet ønsker mer tid med far, og har sagt det lenge.', 'know-family': 'Bor hos mor.', _action: 'stay' }))).toBe(`${base}/p/know`);
    let rows = (await versions(id!)).results;
    expect(rows.map((row) => row.number)).toEqual([1, 2, 3]);
    expect(JSON.parse(rows[1]!.changes)).toEqual([
      { field: 'know-views', change: 'added' },
      { field: 'know-family', change: 'added' },
    ]);
    expect(JSON.parse(rows[2]!.changes)).toEqual([{ field: 'know-views', change: 'changed' }]);
    for (const row of rows) {
      expect(row.document).toMatch(/^v1\.dev1\./);
      // Whole words with their spaces: sealed base64url cannot hold a space, but can hold 'far' by chance.
      for (const words of ['med far', 'Bor hos mor']) expect(row.document).not.toContain(words);
    }
    expect(rows.every((row) => row.saved_by === 'demo-ansatt')).toBe(true);
    expect(await auditCount('assessment.save', id!)).toBe(2);
    // Saving the same again is no new version.
    await staff.post(`${base}/p/know`, { 'know-views': 'Barnet ønsker mer tid med far, og har sagt det lenge.', 'know-family': 'Bor hos mor.' });
    expect((await versions(id!)).results).toHaveLength(3);

    // The summary names each version's changes by the field's label.
    const summary = await textOf(await staff.get(base));
    expect(summary).toContain('Barnets eget syn: endret');

    // Completing without the feedback to the child is refused, and nothing changes.
    const refused = await staff.post(`${base}/complete`);
    expect(refused.status).toBe(422);
    expect(await textOf(refused)).toContain('Skriv tilbakemeldingen til barnet før du fullfører vurderingen');
    expect(await state(id!)).toMatchObject({ status: 'draft', version: 3 });

    await staff.post(`${base}/p/weigh`, { 'view-held': 'strong-long', 'view-consequences': 'partly', 'view-weight': 'great' });
    expect(location(await staff.post(`${base}/p/show`, { conclusion: 'Mer samvær med far.', reasons: 'Barnets syn veier tungt.', 'feedback-to-child': 'Vi har hørt deg. Du skal få være mer hos pappa.' }))).toBe(base);
    expect(location(await staff.post(`${base}/complete`))).toBe(base);
    expect(await state(id!)).toMatchObject({ status: 'completed', version: 6 });
    rows = (await versions(id!)).results;
    expect(rows.at(-1)).toMatchObject({ number: 6, status: 'completed', changes: '[]' });

    // A completed assessment is never edited: its pages are refused and nothing is stored.
    expect((await staff.get(`${base}/p/know`)).status).toBe(409);
    expect((await staff.post(`${base}/p/know`, { 'know-views': 'Endret i ettertid' })).status).toBe(409);
    expect((await staff.post(`${base}/complete`)).status).toBe(409);
    expect((await versions(id!)).results).toHaveLength(6);

    // Print and PDF for the case file, each read audited.
    const printed = await textOf(await staff.get(`${base}/document`));
    expect(printed).toContain('Mer samvær med far.');
    const pdf = await staff.get(`${base}/pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5))).toBe('%PDF-');
    expect(await auditCount('assessment.download', id!)).toBe(1);

    // Before it is sent, the child's used link still says it was used.
    expect((await child.get(linkPath)).status).toBe(410);
    // "Tell the child": the feedback shows through the child's own link, in the link's language; the message names nothing personal.
    const before = await lastOutboxId();
    expect(location(await staff.post(`${base}/feedback`, { email: 'forelder@example.no' }))).toBe(base);
    expect(await state(id!)).toMatchObject({ feedback_version: 6 });
    const message = await deliveredTo('forelder@example.no', before);
    expect(message?.subject).toBe('Du har fått svar');
    expect(message?.body).not.toMatch(/pappa|VURD|med far/);
    // It says how to check that it is genuine.
    expect(message?.body).toContain('Slik sjekker du at meldingen er ekte: https://medvirk.test/m/demo/meldinger');
    const seen = await child.get(linkPath);
    expect(seen.status).toBe(200);
    const page = await seen.text();
    expect(page).toContain('<html lang="nb"');
    expect(page).toContain('Vi har hørt deg. Du skal få være mer hos pappa.');
    expect(page).not.toContain('Mer samvær med far.');

    // Revising keeps the completed version and opens a new draft from it.
    expect(location(await staff.post(`${base}/revise`))).toBe(`${base}/p/know`);
    expect(await state(id!)).toMatchObject({ status: 'draft', version: 7 });
    rows = (await versions(id!)).results;
    expect(rows[5]).toMatchObject({ number: 6, status: 'completed' });
    expect((await staff.post(`${base}/revise`)).status).toBe(409);
    // The child still reads the feedback that was sent.
    expect(await (await child.get(linkPath)).text()).toContain('Vi har hørt deg.');
  });

  it('a save that loses a race stores neither the version nor its audit entry', async () => {
    const { staff, responseId } = await answeredCase('VURD-2');
    const id = location(await staff.post('/staff/m/demo/cases/VURD-2/assessments', { response: responseId })).split('/')[5]!;
    // Someone else's version 2 lands first.
    await env.DB.prepare("INSERT INTO assessment_versions (assessment_id, number, municipality_id, status, document, changes, saved_by, saved_at) VALUES (?, 2, 'demo', 'draft', 'x', '[]', 'demo-kollega', 0)").bind(id).run();
    const audits = await auditCount('assessment.save', id);
    const lost = await staff.post(`/staff/m/demo/assessments/${id}/p/know`, { 'know-views': 'Tapt' });
    expect(lost.status).toBe(409);
    expect(await auditCount('assessment.save', id)).toBe(audits);
    expect(await state(id)).toMatchObject({ version: 1 });
  });

  it('refuses a response of another case, unknown fields and tampered versions, changing nothing', async () => {
    const first = await answeredCase('VURD-3');
    const other = await answeredCase('VURD-4');
    const count = async () => (await env.DB.prepare("SELECT COUNT(*) AS n FROM assessments WHERE case_reference IN ('VURD-3', 'VURD-4')").first<{ n: number }>())?.n;
    expect((await first.staff.post('/staff/m/demo/cases/VURD-3/assessments', { response: other.responseId })).status).toBe(400);
    expect((await first.staff.post('/staff/m/demo/cases/UKJENT-9/assessments', {})).status).toBe(404);
    expect(await count()).toBe(0);
    const id = location(await first.staff.post('/staff/m/demo/cases/VURD-3/assessments', {})).split('/')[5]!;
    expect((await first.staff.post(`/staff/m/demo/assessments/${id}/p/know`, { 'know-views': 'x', sneaky: '1' })).status).toBe(400);
    expect((await first.staff.get(`/staff/m/demo/assessments/${id}/document?version=99`)).status).toBe(404);
    expect((await first.staff.get(`/staff/m/demo/assessments/${id}/p/nope`)).status).toBe(404);
    // Without a child's link there is nobody to tell.
    await first.staff.post(`/staff/m/demo/assessments/${id}/p/show`, { 'feedback-to-child': 'Hei' });
    await first.staff.post(`/staff/m/demo/assessments/${id}/complete`);
    expect((await first.staff.post(`/staff/m/demo/assessments/${id}/feedback`, { email: '' })).status).toBe(409);
    expect((await versions(id)).results).toHaveLength(3);
  });

  it('another unit’s staff and another municipality’s staff do not see it', async () => {
    const { staff, responseId } = await answeredCase('VURD-5');
    const id = location(await staff.post('/staff/m/demo/cases/VURD-5/assessments', { response: responseId })).split('/')[5]!;
    const before = (await versions(id)).results.length;
    const otherUnit = await staffClient('helse@demo.medvirk.no');
    expect((await otherUnit.get(`/staff/m/demo/assessments/${id}`)).status).toBe(404);
    expect((await otherUnit.post(`/staff/m/demo/assessments/${id}/p/know`, { 'know-views': 'x' })).status).toBe(404);
    expect((await otherUnit.post('/staff/m/demo/cases/VURD-5/assessments', {})).status).toBe(404);
    // A colleague at the same unit does (the municipality shares by unit).
    expect((await (await staffClient('kollega@demo.medvirk.no')).get(`/staff/m/demo/assessments/${id}`)).status).toBe(200);
    expect((await (await staffClient('ansatt@andre.medvirk.no')).get(`/staff/m/demo/assessments/${id}`)).status).toBe(403);
    expect((await versions(id)).results.length).toBe(before);
  });
});

describe('telling the child by text message', () => {
  /** A completed assessment of a case the child answered through a link, with the feedback written. */
  async function completed(caseReference: string) {
    const answered = await answeredCase(caseReference);
    const id = location(await answered.staff.post(`/staff/m/demo/cases/${caseReference}/assessments`, { response: answered.responseId })).split('/')[5]!;
    const base = `/staff/m/demo/assessments/${id}`;
    await answered.staff.post(`${base}/p/show`, { conclusion: 'Mer samvær med far.', reasons: 'Barnets syn veier tungt.', 'feedback-to-child': 'Vi har hørt deg. Du skal få være mer hos pappa.' });
    expect(location(await answered.staff.post(`${base}/complete`))).toBe(base);
    return { ...answered, id, base };
  }
  const queued = (id: string) => env.DB.prepare('SELECT channel, status, recipient, body FROM outbox_messages WHERE subject_ref = ?').bind(`assessment:${id}`).all<{ channel: string; status: string; recipient: string | null; body: string | null }>();

  it('texts the number that an answer is ready and where the link opens, naming nothing personal, and keeps no number', async () => {
    const { staff, child, linkPath, id, base } = await completed('SMS-VURD-1');
    const before = await lastOutboxId();
    expect(location(await staff.post(`${base}/feedback`, { email: '', phone: '+47 987 65 432' }))).toBe(base);
    const sms = await deliveredTo('+4798765432', before);
    expect(sms?.body).toBe('De voksne i Demo kommune har svart deg. Åpne lenken du fikk fra oss for å lese svaret, eller skriv koden din på https://medvirk.test/l/demo\nEr meldingen ekte? Se https://medvirk.test/m/demo/meldinger');
    // Nothing of the case, the child, the answer or the staff member.
    for (const personal of ['SMS-VURD', 'pappa', 'far', 'Siri', 'Ansatt', 'Jeg vil bo']) expect(sms?.body).not.toContain(personal);
    expect(await state(id)).toMatchObject({ feedback_version: 3 });
    expect(await auditCount('assessment.feedback', id)).toBe(1);
    // Once delivered, the outbox keeps neither the number nor the text; no other table has the number.
    expect((await queued(id)).results).toEqual([{ channel: 'sms', status: 'sent', recipient: null, body: null }]);
    for (const table of ['assessments', 'assessment_versions', 'audit_log']) {
      expect(JSON.stringify((await env.DB.prepare(`SELECT * FROM ${table}`).all()).results)).not.toContain('98765432');
    }
    // And the child reads the feedback through the link.
    expect(await (await child.get(linkPath)).text()).toContain('Vi har hørt deg.');
  });

  it('refuses a number that is not a Norwegian mobile by its field (422), sending and changing nothing', async () => {
    const { staff, id, base } = await completed('SMS-VURD-2');
    for (const phone of ['12345', '22 33 44 55', '+46 70 123 45 67']) {
      const refused = await staff.post(`${base}/feedback`, { email: 'forelder@example.no', phone });
      expect(refused.status, phone).toBe(422);
      const html = await refused.text();
      expect(html).toContain('Skriv et norsk mobilnummer med 8 sifre');
      expect(html).toContain('href="#phone"');
      expect(html).toMatch(/id="phone"[^>]*aria-describedby="[^"]*phone-error/);
      // What was typed is shown again to be put right.
      expect(html).toContain(`value="${phone}"`);
    }
    expect(await state(id)).toMatchObject({ feedback_version: null });
    expect(await auditCount('assessment.feedback', id)).toBe(0);
    expect((await queued(id)).results).toEqual([]);
  });
});
