import { env } from 'cloudflare:test';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../worker/engine/version.ts';
import { ReceiptKeys } from '../../worker/features/consent/receipt-keys.ts';
import { keyringFor } from '../../worker/platform/keys.ts';
import { Database } from '../../worker/platform/storage/database.ts';
import { textOf } from './client.ts';
import { signerDevice, signerLink, signingFields, startConsent } from './consent-helpers.ts';
import { staffClient } from './staff.ts';

const ALL_YES = { 'health-station': 'approve', school: 'approve', ppt: 'approve' };

async function signedGuardian() {
  const staff = await staffClient('ansatt@demo.medvirk.no');
  const consent = await startConsent(staff, { guardians: '1' });
  const link = await signerLink(staff, consent.id, consent.signers[0]!.id);
  const signer = signerDevice();
  const page = await (await signer.get(link)).text();
  expect((await signer.post(link, signingFields(page, ALL_YES))).status).toBe(303);
  const receipt = (await (await signer.get(`${link}/receipt.json`)).json()) as { receipt: Record<string, unknown> & { medvirk: Record<string, string> }; kid: string; alg: string; signature: string };
  return { staff, ...consent, link, signer, receipt };
}

const check = async (receipt: unknown) => textOf(await signerDevice().post('/receipts/check', { receipt: typeof receipt === 'string' ? receipt : JSON.stringify(receipt) }));

describe('the consent receipt', () => {
  it('carries the Kantara fields, signed with the municipality’s published Ed25519 key', async () => {
    const { receipt, id } = await signedGuardian();
    expect(receipt.alg).toBe('EdDSA');
    expect(receipt.receipt).toMatchObject({ version: 'KI-CR-v1.1.0', jurisdiction: 'NO', language: 'nb', sensitive: true, spiCat: ['health'], policyUrl: 'https://medvirk.test/privacy' });
    for (const field of ['consentReceiptID', 'consentTimestamp', 'collectionMethod', 'piiPrincipalId', 'piiControllers', 'services']) expect(receipt.receipt).toHaveProperty(field);
    expect(receipt.receipt.medvirk.consentId).toBe(id);
    expect(JSON.stringify(receipt)).not.toContain('Kari');
    const keys = (await (await signerDevice().get('/api/v1/consent-keys/demo')).json()) as { keys: { kid: string; kty: string; crv: string; x: string }[] };
    const key = keys.keys.find((entry) => entry.kid === receipt.kid);
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    // Anyone can verify it with the published key alone.
    const publicKey = await crypto.subtle.importKey('jwk', { kty: 'OKP', crv: 'Ed25519', x: key!.x }, { name: 'Ed25519' }, false, ['verify']);
    const signature = Uint8Array.from(atob(receipt.signature.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
    expect(await crypto.subtle.verify('Ed25519', publicKey, signature, new TextEncoder().encode(canonicalJson(receipt.receipt)))).toBe(true);
    // The private half is sealed, never stored readable.
    const row = await env.DB.prepare('SELECT sealed_private_key FROM consent_receipt_keys WHERE id = ?').bind(receipt.kid).first<{ sealed_private_key: string }>();
    expect(row?.sealed_private_key).toMatch(/^v1\./);
  });

  it('is checked on the public page: genuine and in force; after withdrawal genuine but not in force', async () => {
    const { receipt, link, signer } = await signedGuardian();
    const first = await check(receipt);
    expect(first).toContain('Kvitteringen er ekte');
    expect(first).toContain('Samtykket gjelder fortsatt.');
    expect((await signer.post(`${link}/withdraw`, { service: 'all' })).status).toBe(303);
    const after = await check(receipt);
    expect(after).toContain('Kvitteringen er ekte');
    expect(after).toContain('Samtykket gjelder ikke lenger.');
  });

  it('says "not genuine" for an altered, forged or replayed receipt, and for text that is not a receipt', async () => {
    const { receipt } = await signedGuardian();
    const other = await signedGuardian();
    const altered = { ...receipt, receipt: { ...receipt.receipt, services: [] } };
    const moved = { ...receipt, receipt: { ...receipt.receipt, medvirk: { ...receipt.receipt.medvirk, consentId: other.id } } };
    const swapped = { ...other.receipt, signature: receipt.signature };
    const badSignature = { ...receipt, signature: receipt.signature.replace(/^./, (char) => (char === 'A' ? 'B' : 'A')) };
    for (const forged of [altered, moved, swapped, badSignature, { ...receipt, kid: 'andre-key' }, 'not json', '{"receipt":1}']) {
      expect(await check(forged)).toContain('Kvitteringen er ikke ekte');
    }
    const empty = await signerDevice().post('/receipts/check', { receipt: '' });
    expect(empty.status).toBe(422);
  });

  it('keeps verifying after the key is rotated: old keys stay published', async () => {
    const { receipt } = await signedGuardian();
    const database = new Database(env.DB);
    await database.commit(await new ReceiptKeys(database).rotate(await keyringFor(env), 'demo', new Date()));
    const keys = (await (await signerDevice().get('/api/v1/consent-keys/demo')).json()) as { keys: { kid: string; retired: string | null }[] };
    expect(keys.keys.find((key) => key.kid === receipt.kid)?.retired).not.toBeNull();
    expect(keys.keys.filter((key) => key.retired === null)).toHaveLength(1);
    expect(await check(receipt)).toContain('Kvitteringen er ekte');
    const fresh = await signedGuardian();
    expect(fresh.receipt.kid).not.toBe(receipt.kid);
  });

  it('can be fetched again through the link, with a PDF of exactly what was signed', async () => {
    const { link, signer } = await signedGuardian();
    const page = await textOf(await signer.get(link));
    expect(page).toMatch(/Kode for å trekke samtykket [0-9A-Z]{4}-[0-9A-Z]{4}/);
    const pdf = await signer.get(`${link}/receipt.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const document = await PDFDocument.load(await pdf.arrayBuffer());
    expect(document.getTitle()).toBe('Samtykke til samarbeid om barnet');
    expect(document.getPageCount()).toBeGreaterThan(0);
  });
});

describe('the consent API', () => {
  it('checks a receipt as JSON: genuine or not, without a token', async () => {
    const { receipt } = await signedGuardian();
    const post = (body: unknown) => signerDevice().request('/api/v1/consent-receipts/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(await (await post(receipt)).json()).toMatchObject({ genuine: true, inForce: true });
    expect(await (await post({ ...receipt, receipt: { ...receipt.receipt, jurisdiction: 'SE' } })).json()).toEqual({ genuine: false });
    expect((await signerDevice().request('/api/v1/consent-receipts/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[' })).status).toBe(400);
    expect((await signerDevice().get('/api/v1/consent-keys/nowhere')).status).toBe(404);
  });
});
