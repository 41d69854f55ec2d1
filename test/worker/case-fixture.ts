/** A case as staff meet it: a personal link made on the staff pages and answered by the child. */
import { env } from 'cloudflare:test';
import { expect } from 'vitest';
import { Client } from './client.ts';
import { staffClient } from './staff.ts';

export interface AnsweredCase {
  staff: Client;
  child: Client;
  /** The child's personal link, as a path. */
  linkPath: string;
  linkId: string;
  responseId: string;
}

/** `wish` is what the child writes for the adults to know. */
export async function answeredCase(caseReference: string, email = 'ansatt@demo.medvirk.no', language = 'nb', wish = 'Jeg vil bo hos pappa i helgene'): Promise<AnsweredCase> {
  const staff = await staffClient(email);
  const created = await (await staff.post('/staff/m/demo/links', { form: 'fixture-child', childAge: '9', language, respondent: 'child', caseReference, expiresInDays: '14', singleUse: 'yes', email: '' })).text();
  const linkId = created.match(/\/staff\/m\/demo\/links\/([0-9a-f-]{36})/)?.[1] ?? '';
  const linkPath = new URL(created.match(/https:\/\/medvirk\.test\/l\/demo\/[\w-]{34}/)?.[0] ?? 'https://x').pathname;
  const child = new Client();
  await child.get(linkPath);
  await child.post('/m/demo/fixture-child/p/school', { 'school-feeling': '4' });
  await child.post('/m/demo/fixture-child/p/friends', { 'has-friend': 'yes' });
  await child.post('/m/demo/fixture-child/p/adults', { 'listened-to': '1' });
  await child.post('/m/demo/fixture-child/p/wish', { 'adults-should-know': wish });
  expect((await child.post('/m/demo/fixture-child/submit')).status).toBe(303);
  const responseId = (await env.DB.prepare('SELECT response_id FROM form_links WHERE id = ?').bind(linkId).first<{ response_id: string }>())?.response_id ?? '';
  expect(responseId).not.toBe('');
  return { staff, child, linkPath, linkId, responseId };
}

export const auditCount = async (action: string, targetId: string) =>
  (await env.DB.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND target_id = ?').bind(action, targetId).first<{ n: number }>())?.n ?? 0;
