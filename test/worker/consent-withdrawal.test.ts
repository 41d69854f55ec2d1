import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { textOf } from './client.ts';
import { eventsOf, signerDevice, signerLink, signingFields, startConsent } from './consent-helpers.ts';
import { newMunicipality } from './municipalities.ts';
import { staffClient } from './staff.ts';

const ALL_YES = { 'health-station': 'approve', school: 'approve', ppt: 'approve' };

/** The withdrawal code the signer's page shows (its text also holds the signed receipt, whose base64url can look like a code). */
const shownCode = async (response: Response) => (await response.text()).match(/<p class="code">\s*([0-9A-Z]{4}-[0-9A-Z]{4})\s*<\/p>/)?.[1] ?? '';

async function signed() {
  const staff = await staffClient('ansatt@demo.medvirk.no');
  const consent = await startConsent(staff, { guardians: '1' });
  const link = await signerLink(staff, consent.id, consent.signers[0]!.id);
  const signer = signerDevice();
  const page = await (await signer.get(link)).text();
  expect((await signer.post(link, signingFields(page, ALL_YES))).status).toBe(303);
  const code = await shownCode(await signer.get(link));
  return { staff, ...consent, link, signer, code };
}

const verdict = async (staff: Awaited<ReturnType<typeof staffClient>>, caseReference: string, service: string) =>
  textOf(await staff.get(`/staff/m/demo/consents/check?case=${caseReference}&service=${service}`));

describe('withdrawal', () => {
  it('by the signer, for one service, counts at once for every check; the rest still stands', async () => {
    const { staff, caseReference, link, signer, signers, id } = await signed();
    expect(await verdict(staff, caseReference, 'school')).toContain('Alle som må signere, har sagt ja.');
    expect((await signer.post(`${link}/withdraw`, { service: 'school' })).status).toBe(303);
    expect(await verdict(staff, caseReference, 'school')).toContain('Samtykket er trukket for denne tjenesten.');
    expect(await verdict(staff, caseReference, 'ppt')).toContain('Alle som må signere, har sagt ja.');
    expect((await eventsOf(id)).at(-1)).toMatchObject({ kind: 'withdrawn', service: 'school', by: `signer:${signers[0]!.id}` });
    // Withdrawing the same again changes nothing.
    expect((await signer.post(`${link}/withdraw`, { service: 'school' })).status).toBe(409);
    expect((await signer.post(`${link}/withdraw`, { service: 'secret' })).status).toBe(422);
    expect((await eventsOf(id)).filter((event) => event.kind === 'withdrawn')).toHaveLength(1);
  });

  it('with the code on the receipt, without the link: the whole consent, once', async () => {
    const { staff, caseReference, code, id } = await signed();
    const device = signerDevice();
    expect((await device.post('/receipts/demo/withdraw', { code: 'ZZZZ-ZZZZ' })).status).toBe(422);
    const done = await device.post('/receipts/demo/withdraw', { code: code.toLowerCase() });
    expect(done.status).toBe(200);
    expect(await textOf(done)).toContain('Samtykket er trukket.');
    expect(await verdict(staff, caseReference, 'ppt')).toContain('Samtykket er trukket for denne tjenesten.');
    expect((await device.post('/receipts/demo/withdraw', { code })).status).toBe(409);
    // A code is good only at its own municipality's address.
    expect((await device.post('/receipts/andre/withdraw', { code })).status).toBe(422);
    expect((await eventsOf(id)).filter((event) => event.kind === 'withdrawn')).toHaveLength(1);
  });

  it('registered by staff after an oral withdrawal, with the note in the history', async () => {
    const { staff, id, signers } = await signed();
    expect((await staff.post(`/staff/m/demo/consents/${id}/withdraw`, { signer: signers[0]!.id, service: 'ppt', note: 'Mor ringte 2. des.' })).status).toBe(303);
    const register = await textOf(await staff.get(`/staff/m/demo/consents/${id}`));
    expect(register).toContain('Mor ringte 2. des.');
    expect(register).toContain('registrert av ansatt');
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'consent.withdraw' AND target_id = ? AND person_id = 'demo-ansatt'").bind(id).first('n')).toBe(1);
  });

  it('by code stops for a while at a municipality after many wrong codes from many addresses, even for the right one', async () => {
    const municipality = await newMunicipality({ members: [['demo-ansatt', 'staff']] });
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const consent = await startConsent(staff, { guardians: '1' }, municipality);
    const link = await signerLink(staff, consent.id, consent.signers[0]!.id, 'nb', municipality);
    const signer = signerDevice();
    expect((await signer.post(link, signingFields(await (await signer.get(link)).text(), ALL_YES))).status).toBe(303);
    const code = await shownCode(await signer.get(link));
    // 100 wrong codes, ten from each address: no address reaches its own limit.
    for (let address = 0; address < 10; address++) {
      const guesser = signerDevice();
      for (let guess = 0; guess < 10; guess++) expect((await guesser.post(`/receipts/${municipality}/withdraw`, { code: `ZZZ${address}-ZZZ${guess}` })).status).toBe(422);
    }
    const refused = await signerDevice().post(`/receipts/${municipality}/withdraw`, { code });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await eventsOf(consent.id)).filter((event) => event.kind === 'withdrawn')).toHaveLength(0);
    // Other municipalities' codes are not held up, and the signer's own link still withdraws.
    expect((await signerDevice().post('/receipts/demo/withdraw', { code: 'ZZZZ-ZZZZ' })).status).toBe(422);
    expect((await signer.post(`${link}/withdraw`, { service: 'all' })).status).toBe(303);
  }, 60_000);
});
