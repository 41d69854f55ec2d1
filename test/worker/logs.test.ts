/** What the app writes to its log: route patterns and error names, never a personal link's token. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../worker/platform/app.tsx';
import { municipalityBinding } from '../../worker/platform/storage/open.ts';
import { Client } from './client.ts';
import { staffClient } from './staff.ts';

const logged: string[] = [];
beforeEach(() => {
  logged.length = 0;
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(args.map(String).join(' ')));
  }
});
afterEach(() => vi.restoreAllMocks());

const TOKEN = 'Q2hpbGRzVm9pY2VUb2tlbkZvclRlc3RpbmdMb2dzMDE';
const open = (app: ReturnType<typeof createApp>, path: string) => app.fetch(new Request(`https://medvirk.test${path}`, { headers: { 'cf-connecting-ip': '198.18.5.1' } }), env, createExecutionContext());

describe('logs never hold a personal link token', () => {
  it('an unknown token: 404, nothing logged', async () => {
    expect((await open(createApp(), `/l/demo/${TOKEN}`)).status).toBe(404);
    expect(logged).toEqual([]);
  });

  it('a failing look-up: the error is logged with the route pattern, not the token', async () => {
    // Storage that fails the way D1 does, with the query (and so the token's hash) in the message.
    const failing = createApp({
      municipalityBinding: (bindings, municipality) => {
        const real = municipalityBinding(bindings, municipality);
        return new Proxy(real, {
          get: (target, property) =>
            property === 'prepare'
              ? (sql: string) => {
                  if (/form_links/.test(sql)) throw new Error(`D1_ERROR: no such table: form_links (${sql}, ${TOKEN})`);
                  return target.prepare(sql);
                }
              : Reflect.get(target, property).bind?.(target) ?? Reflect.get(target, property),
        });
      },
    });
    expect((await open(failing, `/l/demo/${TOKEN}`)).status).toBe(500);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0]!)).toEqual({ event: 'unhandled-error', name: 'Error', path: '/l/:municipality/:token' });
    expect(logged.join('\n')).not.toContain(TOKEN);
  });

  it('a link sent by e-mail in development is not printed with its token or the address', async () => {
    const app = createApp();
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const contexts: ExecutionContext[] = [];
    const viaApp = new Client((request) => {
      const ctx = createExecutionContext();
      contexts.push(ctx);
      return app.fetch(request, env, ctx);
    }, '198.18.5.2');
    for (const [name, value] of staff.cookies) viaApp.cookies.set(name, value);
    const made = await viaApp.post('/staff/m/demo/links', {
      form: 'fixture-household',
      language: 'nb',
      respondent: 'guardian',
      caseReference: 'LOGG-1',
      expiresInDays: '14',
      singleUse: 'yes',
      email: 'forelder@example.no',
    });
    expect(made.status).toBe(200);
    const token = (await made.text()).match(/\/l\/demo\/([\w-]{34})/)?.[1] ?? '';
    expect(token).not.toBe('');
    // Delivered after the answer, into the development outbox, to be read at /dev/outbox ...
    await Promise.all(contexts.map((ctx) => waitOnExecutionContext(ctx)));
    const mail = await env.DB.prepare('SELECT body FROM outbox WHERE "to" = ? ORDER BY id DESC LIMIT 1').bind('forelder@example.no').first<{ body: string }>();
    expect(mail?.body).toContain(token);
    // ... but nowhere in the log.
    expect(logged.join('\n')).not.toContain(token);
    expect(logged.join('\n')).not.toContain('forelder@example.no');
  });
});
