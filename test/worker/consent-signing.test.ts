import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { open } from '../../worker/core/sealed.ts';
import { sha256Hex } from '../../worker/core/secrets.ts';
import { canonicalJson } from '../../worker/engine/version.ts';
import { keyringFor } from '../../worker/platform/keys.ts';
import { location, textOf } from './client.ts';
import { eventsOf, nationalId, signerDevice, signerLink, signingFields, startConsent } from './consent-helpers.ts';
import { staffClient } from './staff.ts';

const ALL_YES = { 'health-station': 'approve', school: 'approve', ppt: 'approve' };

async function twoGuardians() {
  const staff = await staffClient('ansatt@demo.medvirk.no');
  const consent = await startConsent(staff);
  const links = [await signerLink(staff, consent.id, consent.signers[0]!.id), await signerLink(staff, consent.id, consent.signers[1]!.id, 'nn')];
  return { staff, ...consent, links };
}

async function sign(path: string, decisions: Record<string, string> = ALL_YES, extra: Record<string, string> = {}) {
  const signer = signerDevice();
  const page = await (await signer.get(path)).text();
  return signer.post(path, signingFields(page, decisions, extra));
}

const signatureCount = async (consentId: string) => (await env.DB.prepare('SELECT COUNT(*) AS n FROM consent_signatures WHERE consent_id = ?').bind(consentId).first<{ n: number }>())?.n;

describe('signing through a personal link', () => {
  it('shows the consent in the link’s language: each service with its plain explanation, the legal bases, withdrawal and refusal', async () => {
    const { links } = await twoGuardians();
    const nn = await textOf(await signerDevice().get(links[1]!));
    for (const text of ['PPT hjelper born som treng meir hjelp til å læra.', 'Forvaltningslova § 13', 'Du kan trekkja samtykket når du vil.', 'Det endrar ikkje pliktene til tenestene.', 'Ikkje aktuelt', 'Fødselsnummeret til barnet']) expect(nn).toContain(text);
    const html = await (await signerDevice().get(links[0]!)).text();
    expect(html).toContain('<html lang="nb"');
    // Every text can be read aloud: each info block and each question has its button.
    expect(html.match(/class="read-aloud"/g)?.length).toBe(4 + 2 + 1 + 3 + 2 + 1);
  });

  it('records one guardian’s answers as partial, sealed, with the hash of exactly what was shown', async () => {
    const { staff, id, signers, links } = await twoGuardians();
    const signed = await sign(links[0]!, { 'health-station': 'approve', school: 'decline', ppt: 'not-relevant' }, { 'limit-subject': 'Lesing' });
    expect(signed.status).toBe(303);
    expect(location(signed)).toBe(links[0]);
    expect(await textOf(await signerDevice().get(links[0]!))).toContain('Takk, du har signert');
    expect((await eventsOf(id)).filter((event) => event.kind !== 'requested').map((event) => [event.kind, event.service, event.by])).toEqual([
      ['signed', 'health-station', `signer:${signers[0]!.id}`],
      ['declined', 'school', `signer:${signers[0]!.id}`],
      ['declined', 'ppt', `signer:${signers[0]!.id}`],
      ['limited', null, `signer:${signers[0]!.id}`],
    ]);
    const row = await env.DB.prepare('SELECT * FROM consent_signatures WHERE consent_id = ?').bind(id).first<Record<string, string>>();
    // Sealed values are random base64url, which can hold 'Ola' by chance: whole names (with their
    // space) are looked for everywhere, first names only in the columns stored in the clear.
    const stored = JSON.stringify(row);
    for (const secret of ['Kari Nordmann', 'Ola Nordmann', nationalId()]) expect(stored).not.toContain(secret);
    const clear = JSON.stringify(Object.entries(row!).filter(([column]) => !column.startsWith('sealed_')));
    for (const secret of ['Kari', 'Ola']) expect(clear).not.toContain(secret);
    const keyring = await keyringFor(env);
    const document = JSON.parse(await open(keyring, row!.sealed_document!, `consent.document:${row!.id}`));
    expect(document.choices).toMatchObject({ childName: 'Ola Nordmann', childNationalId: nationalId(), subject: 'Lesing', signature: { name: 'Kari Nordmann', confirmed: true } });
    expect(JSON.stringify(document.sections)).toContain('PPT hjelper barn som trenger mer hjelp til å lære.');
    expect(row!.text_hash).toBe(await sha256Hex(canonicalJson(document)));
    // The register shows the name masked, and the consent waits for the other guardian.
    const register = await textOf(await staff.get(`/staff/m/demo/consents/${id}`));
    expect(register).toContain('Signert av K*** N***');
    expect(register).not.toContain('Kari');
    expect(register).toContain('Venter på signatur');
  });

  it('approves a service only where both guardians said yes', async () => {
    const { staff, caseReference, links } = await twoGuardians();
    expect((await sign(links[0]!)).status).toBe(303);
    expect((await sign(links[1]!, { 'health-station': 'approve', school: 'approve', ppt: 'decline' }, { 'signature.name': 'Per Nordmann' })).status).toBe(303);
    expect(await textOf(await staff.get(`/staff/m/demo/consents/check?case=${caseReference}&service=school`))).toContain('Alle som må signere, har sagt ja.');
    expect(await textOf(await staff.get(`/staff/m/demo/consents/check?case=${caseReference}&service=ppt`))).toContain('Noen som må signere, har sagt nei.');
  });
});

describe('bad input and misuse: a clear 4xx that changes nothing', () => {
  it('an invalid national ID is shown at its field (422)', async () => {
    const { id, links } = await twoGuardians();
    const response = await sign(links[0]!, ALL_YES, { 'child-national-id': '01012012345' });
    expect(response.status).toBe(422);
    expect(await response.text()).toMatch(/id="q-child-national-id-error"/);
    expect(await signatureCount(id)).toBe(0);
  });

  it('a service left unanswered, or a signature without the confirmation, is shown (422)', async () => {
    const { id, links } = await twoGuardians();
    expect((await sign(links[0]!, { 'health-station': 'approve', school: 'approve' })).status).toBe(422);
    expect((await sign(links[0]!, ALL_YES, { 'signature.confirm': '' })).status).toBe(422);
    expect(await signatureCount(id)).toBe(0);
  });

  it('one guardian’s link cannot sign for the other (403)', async () => {
    const { id, signers, links } = await twoGuardians();
    expect((await sign(links[0]!, ALL_YES, { signer: signers[1]!.id })).status).toBe(403);
    expect(await signatureCount(id)).toBe(0);
  });

  it('a tampered version or a service not in the consent is refused (409)', async () => {
    const { id, links } = await twoGuardians();
    expect((await sign(links[0]!, ALL_YES, { version: 'abc.0' })).status).toBe(409);
    expect((await sign(links[0]!, { ...ALL_YES, nav: 'approve' })).status).toBe(409);
    expect(await signatureCount(id)).toBe(0);
  });

  it('signing twice is refused (409), and so is a second guardian naming another child (409)', async () => {
    const { id, links } = await twoGuardians();
    expect((await sign(links[0]!)).status).toBe(303);
    const again = signerDevice();
    const page = await (await again.get(links[0]!)).text();
    expect(page).toContain('Takk, du har signert');
    expect((await again.post(links[0]!, [['signer', 'x']])).status).toBe(403);
    expect((await sign(links[1]!, ALL_YES, { 'child-national-id': nationalId('010120', 1) })).status).toBe(409);
    expect(await signatureCount(id)).toBe(1);
  });

  it('a withdrawn consent cannot be signed (409)', async () => {
    const { staff, id, signers, links } = await twoGuardians();
    expect((await sign(links[0]!)).status).toBe(303);
    expect((await staff.post(`/staff/m/demo/consents/${id}/withdraw`, { signer: signers[0]!.id, service: 'all', note: 'Ringte' })).status).toBe(303);
    expect((await staff.post(`/staff/m/demo/consents/${id}/withdraw`, { signer: signers[0]!.id, service: 'all', note: 'Ringte igjen' })).status).toBe(409);
    expect((await signerDevice().get(links[1]!)).status).toBe(409);
    expect((await sign(links[1]!, ALL_YES, { signer: signers[1]!.id })).status).toBe(409);
    expect(await signatureCount(id)).toBe(1);
  });

  it('an unknown or malformed token is not found (404)', async () => {
    expect((await signerDevice().get('/c/demo/short')).status).toBe(404);
    expect((await signerDevice().get(`/c/demo/${'A'.repeat(43)}`)).status).toBe(404);
  });
});
