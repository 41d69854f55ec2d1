import { env, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { ApiTokens } from '../../worker/features/api/tokens.ts';
import { location } from './client.ts';
import { answeredCase, auditCount } from './case-fixture.ts';

const get = (path: string, token: string) => SELF.fetch(new Request(`https://medvirk.test/api/v1/municipalities/demo${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'en', 'cf-connecting-ip': '198.51.100.77' } }));

describe('a case through the API', () => {
  it("lists the case's responses (flag and review, no answers) and assessments, and reads one assessment, audited", async () => {
    const made = await new ApiTokens(env.DB).issue('demo', 'Case system', 'demo-admin', new Date());
    await made.statement;
    const { staff, responseId } = await answeredCase('API-SAK-1');
    await env.DB.prepare('UPDATE responses SET flagged = 1 WHERE id = ?').bind(responseId).run();
    await staff.post(`/staff/m/demo/cases/API-SAK-1/responses/${responseId}/review`);
    const id = location(await staff.post('/staff/m/demo/cases/API-SAK-1/assessments', { response: responseId })).split('/')[5]!;
    await staff.post(`/staff/m/demo/assessments/${id}/p/show`, { conclusion: 'Mer samvær med far.' });

    const responses = (await (await get('/cases/API-SAK-1/responses', made.secret)).json()) as { responses: Record<string, unknown>[] };
    expect(responses.responses).toHaveLength(1);
    expect(responses.responses[0]).toMatchObject({ id: responseId, flagged: true });
    expect(responses.responses[0]!.reviewedAt).toEqual(expect.any(String));
    expect(JSON.stringify(responses)).not.toContain('pappa');

    const list = (await (await get('/cases/API-SAK-1/assessments', made.secret)).json()) as { assessments: Record<string, unknown>[] };
    expect(list.assessments).toEqual([expect.objectContaining({ id, status: 'draft', version: 2, responseId })]);

    const one = await get(`/assessments/${id}`, made.secret);
    expect(one.status).toBe(200);
    const body = (await one.json()) as { document: { questionId: string; label: string; answer: string[] }[]; versions: { number: number; changes: unknown[] }[] };
    expect(body.document.find((item) => item.questionId === 'conclusion')).toMatchObject({ label: 'Conclusion', answer: ['Mer samvær med far.'] });
    expect(body.versions.map((version) => version.number)).toEqual([2, 1]);
    expect(body.versions[0]!.changes).toEqual([{ field: 'conclusion', change: 'added' }]);
    expect(await auditCount('assessment.view', id)).toBe(1);

    expect((await get('/assessments/00000000-0000-4000-8000-000000000000', made.secret)).status).toBe(404);
    expect((await get('/cases/not%20a%20ref/assessments', made.secret)).status).toBe(404);
  });
});
