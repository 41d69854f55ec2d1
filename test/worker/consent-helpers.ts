/** Starting a consent and making its signers' links as staff do, for the consent tests. */
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { Client, location } from './client.ts';

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
  const url = (await response.text()).match(/https:\/\/medvirk\.test\/c\/[a-z0-9-]+\/[\w-]{34}/)?.[0];
  expect(url).toBeDefined();
  return new URL(url!).pathname;
}

export const eventsOf = async (consentId: string) =>
  (await env.DB.prepare('SELECT kind, signer_id, service, by, note FROM consent_events WHERE consent_id = ? ORDER BY id').bind(consentId).all<{ kind: string; signer_id: string | null; service: string | null; by: string; note: string | null }>()).results;

export const auditCount = async (action: string, targetId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?').bind(action, targetId).first<{ n: number }>())?.n ?? 0;

export const consentCount = async () => (await env.DB.prepare('SELECT COUNT(*) AS n FROM consents').first<{ n: number }>())?.n ?? 0;

/** A valid national ID number (both check digits right) for a date of birth `DDMMYY`, the n-th one found. */
export function nationalId(birth = '010120', n = 0): string {
  const weights = [[3, 7, 6, 1, 8, 9, 4, 5, 2], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]] as const;
  const check = (digits: number[], w: readonly number[]) => {
    const rest = 11 - (w.reduce((sum, weight, i) => sum + weight * digits[i]!, 0) % 11);
    return rest === 11 ? 0 : rest;
  };
  let found = 0;
  for (let individual = 100; individual < 1000; individual++) {
    const digits = [...`${birth}${individual}`].map(Number);
    const k1 = check(digits, weights[0]);
    if (k1 === 10) continue;
    const k2 = check([...digits, k1], weights[1]);
    if (k2 === 10) continue;
    if (found++ === n) return `${birth}${individual}${k1}${k2}`;
  }
  throw new Error('no number');
}

/** The fields a signer sends: every service answered, the child named, the name typed and confirmed; `extra` overrides. */
export function signingFields(page: string, decisions: Record<string, string>, extra: Record<string, string> = {}): [string, string][] {
  const fields = new Map<string, string>([
    ['signer', page.match(/name="signer" value="([^"]+)"/)?.[1] ?? ''],
    ['version', page.match(/name="version" value="([^"]+)"/)?.[1] ?? ''],
    ['child-name', 'Ola Nordmann'],
    ['child-national-id', nationalId()],
    ...Object.entries(decisions).map(([service, decision]): [string, string] => [`service-${service}`, decision]),
    ['limit-subject', ''],
    ['limit-until.day', ''],
    ['limit-until.month', ''],
    ['limit-until.year', ''],
    ['signature.name', 'Kari Nordmann'],
    ['signature.confirm', 'yes'],
  ]);
  for (const [name, value] of Object.entries(extra)) fields.set(name, value);
  return [...fields];
}

/** A signer on a device (and address) of their own, as two guardians at home would be. */
let devices = 0;
export const signerDevice = () => new Client(undefined, `198.51.${Math.floor(++devices / 200)}.${devices % 200}`);
