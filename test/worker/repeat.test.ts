/** A repeatable page in the browser's way: a list of rows, a page per row, no JavaScript. */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Client, location, textOf } from './client.ts';
import { open } from '../../worker/core/sealed.ts';
import { keyringFor } from '../../worker/platform/keys.ts';
import { answersContext } from '../../worker/features/respond/index.ts';
import { draftAnswers } from './sealed-draft.ts';

const FORM = '/m/demo/fixture-household';

/** A draft with the first page answered, standing at the list of children. */
async function atChildren() {
  const client = new Client();
  expect(location(await client.post(`${FORM}/start`))).toBe(`${FORM}/p/you`);
  expect(location(await client.post(`${FORM}/p/you`, { 'your-name': 'Kari' }))).toBe(`${FORM}/p/children`);
  return client;
}

const storedDraftAnswers = async () => {
  const row = await env.DB.prepare("SELECT id, answers FROM drafts WHERE form_id = 'fixture-household' ORDER BY updated_at DESC LIMIT 1").first<{ id: string; answers: string }>();
  return (row ? await draftAnswers(row) : {}) as Record<string, any>;
};

describe('a repeatable page', () => {
  it('adds, changes and removes rows, shows them on the check page and stores them with the response', async () => {
    const client = await atChildren();
    // At least one child is needed, so the list starts with the first row.
    expect(location(await client.get(`${FORM}/p/children`))).toBe(`${FORM}/p/children/1`);
    const first = await textOf(await client.get(`${FORM}/p/children/1`));
    expect(first).toContain('Barn 1');

    expect(location(await client.post(`${FORM}/p/children/1`, { 'child-name': 'Ola', 'in-school': 'yes', 'school-name': 'Byskolen' }))).toBe(`${FORM}/p/children`);
    const list = await textOf(await client.get(`${FORM}/p/children`));
    expect(list).toContain('Barn 1');
    expect(list).toContain('Ola');
    expect(list).toContain('Vil du legge til en til?');

    expect(location(await client.post(`${FORM}/p/children`, { another: 'yes' }))).toBe(`${FORM}/p/children/2`);
    await client.post(`${FORM}/p/children/2`, { 'child-name': 'Trygve', 'in-school': 'no', 'school-name': 'Skjult' });
    // Changing a row replaces it; a hidden follow-up answer on the row is dropped.
    await client.post(`${FORM}/p/children/1`, { 'child-name': 'Ola Nordmann', 'in-school': 'no', 'school-name': 'Byskolen' });
    expect((await storedDraftAnswers()).children).toEqual([
      { 'child-name': 'Ola Nordmann', 'in-school': 'no' },
      { 'child-name': 'Trygve', 'in-school': 'no' },
    ]);

    await client.post(`${FORM}/p/children`, { another: 'yes' });
    await client.post(`${FORM}/p/children/3`, { 'child-name': 'Siri' });
    expect(location(await client.post(`${FORM}/p/children/2/remove`))).toBe(`${FORM}/p/children`);
    expect((await storedDraftAnswers()).children.map((row: Record<string, string>) => row['child-name'])).toEqual(['Ola Nordmann', 'Siri']);

    expect(location(await client.post(`${FORM}/p/children`, { another: 'no' }))).toBe(`${FORM}/p/end`);
    const check = await textOf(await client.get(`${FORM}/check`));
    expect(check).toContain('Barn 2');
    expect(check).toContain('Siri');
    expect(check).not.toContain('Trygve');
    // Each row's answers link to that row's page.
    const checkHtml = await (await client.get(`${FORM}/check`)).text();
    expect(checkHtml).toContain(`href="${FORM}/p/children/2#`);
    // …and the list, where items are added and removed, is linked too.
    expect(checkHtml).toContain(`href="${FORM}/p/children"`);

    expect(location(await client.post(`${FORM}/submit`))).toBe(`${FORM}/done`);
    const reference = (await textOf(await client.get(`${FORM}/done`))).match(/MV-[0-9A-Z-]{11}/)?.[0] ?? '';
    const stored = await env.DB.prepare('SELECT id, answers FROM responses WHERE reference = ?').bind(reference).first<{ id: string; answers: string }>();
    // The form is not anonymous, so its answers are sealed at rest.
    const opened = await open(await keyringFor(env), JSON.parse(stored?.answers ?? '""'), answersContext(stored?.id ?? ''));
    expect(JSON.parse(opened)).toEqual({
      'your-name': 'Kari',
      children: [{ 'child-name': 'Ola Nordmann', 'in-school': 'no' }, { 'child-name': 'Siri' }],
    });
  });

  it('asks again when "add another?" is not answered, and will not go on below the minimum', async () => {
    const client = await atChildren();
    await client.post(`${FORM}/p/children/1`, { 'child-name': 'Ola' });
    const unanswered = await client.post(`${FORM}/p/children`, {});
    expect(unanswered.status).toBe(422);
    expect(await textOf(unanswered)).toContain('Velg om du vil legge til en til');
    await client.post(`${FORM}/p/children/1/remove`);
    const few = await client.post(`${FORM}/p/children`, { another: 'no' });
    expect(few.status).toBe(422);
    expect(await textOf(few)).toContain('Legg til minst 1');
  });

  it('requires the required questions of each row', async () => {
    const client = await atChildren();
    const response = await client.post(`${FORM}/p/children/1`, { 'child-name': '' });
    expect(response.status).toBe(422);
    expect((await storedDraftAnswers()).children).toBeUndefined();
  });

  it('refuses tampered row numbers and rows beyond the maximum, changing nothing', async () => {
    const client = await atChildren();
    await client.post(`${FORM}/p/children/1`, { 'child-name': 'Ola' });
    for (const row of ['3', '0', '01', 'x', '-1']) {
      expect((await client.get(`${FORM}/p/children/${row}`)).status).toBe(404);
      expect((await client.post(`${FORM}/p/children/${row}`, { 'child-name': 'Inntrenger' })).status).toBe(404);
    }
    expect((await client.post(`${FORM}/p/children/2/remove`)).status).toBe(404);
    await client.post(`${FORM}/p/children`, { another: 'yes' });
    await client.post(`${FORM}/p/children/2`, { 'child-name': 'Per' });
    await client.post(`${FORM}/p/children/3`, { 'child-name': 'Siri' });
    // Full: no fourth row, however it is asked for.
    expect((await client.get(`${FORM}/p/children/4`)).status).toBe(404);
    expect((await client.post(`${FORM}/p/children/4`, { 'child-name': 'Fire' })).status).toBe(404);
    const more = await client.post(`${FORM}/p/children`, { another: 'yes' });
    expect(more.status).toBe(400);
    expect(await textOf(more)).toContain('Du kan ikke legge til flere');
    // A row page is not a page of its own elsewhere.
    expect((await client.get(`${FORM}/p/you/1`)).status).toBe(404);
    expect((await storedDraftAnswers()).children.map((row: Record<string, string>) => row['child-name'])).toEqual(['Ola', 'Per', 'Siri']);
  });

  it('keeps the pages after it closed until a child is added', async () => {
    const client = await atChildren();
    expect(location(await client.get(`${FORM}/p/end`))).toBe(`${FORM}/p/children`);
  });
});
