/** Starting a consent and making its signers' links as staff do, for the consent tests. */
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { location, type Client } from './client.ts';

export const caseRef = () => `SAK-${Math.floor(Math.random() * 1e9)}`;

export async function startConsent(staff: Client, fields: Record<string, string | string[]> = {}, municipality = 'demo') {
  const caseReference = (fields.caseReference as string | undefined) ?? caseRef();
  const services = (fields.services as string[] | undefined) ?? ['school', 'health-station', 'ppt'];
  const body: [string, string][] = [
    ['caseReference', caseReference],
    ['guardians', (fields.guardians as string | undefined) ?? '2'],
    ['childAge', (fields.childAge as string | undefined) ?? '10'],
    ['listVersion', (fields.listVersion as string | undefined) ?? '0'],
    ...services.map((service): [string, string] => ['services', service]),
  ];
  const response = await staff.post(`/staff/m/${municipality}/consents`, body);
  expect(response.status).toBe(303);
  const id = location(response).split('/').pop() ?? '';
  const signers = (await env.DB.prepare('SELECT id, role, scope, ordinal FROM consent_signers WHERE consent_id = ? ORDER BY role DESC, ordinal').bind(id).all<{ id: string; role: string; scope: string; ordinal: number }>()).results;
  return { id, caseReference, signers };
}

/** A signer's link, shown once on the page that makes it. */
export async function signerLink(staff: Client, consentId: string, signerId: string, language = 'nb', municipality = 'demo') {
  const response = await staff.post(`/staff/m/${municipality}/consents/${consentId}/signers/${signerId}/link`, { language });
  expect(response.status).toBe(200);
  const url = (await response.text()).match(/https:\/\/medvirk\.test\/c\/[a-z0-9-]+\/[\w-]{43}/)?.[0];
  expect(url).toBeDefined();
  return new URL(url!).pathname;
}

export const eventsOf = async (consentId: string) =>
  (await env.DB.prepare('SELECT kind, signer_id, service, by, note FROM consent_events WHERE consent_id = ? ORDER BY id').bind(consentId).all<{ kind: string; signer_id: string | null; service: string | null; by: string; note: string | null }>()).results;

export const auditCount = async (action: string, targetId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?').bind(action, targetId).first<{ n: number }>())?.n ?? 0;

export const consentCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM consents').first<{ n: number }>())?.n ?? 0;
