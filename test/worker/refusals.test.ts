import { createExecutionContext, env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { INTERFACE_LANGUAGES } from '../../worker/core/language.ts';
import { LOCALES, translator } from '../../worker/core/i18n/translate.ts';
import { REFUSALS, refusalTexts, refuse, type RefusalCode } from '../../worker/core/refusals.ts';
import { createApp } from '../../worker/platform/app.tsx';
import { ORIGIN, textOf } from './client.ts';

const CODES = Object.keys(REFUSALS) as RefusalCode[];

/** An app with one more route that refuses with the code in its path, as any route would. */
function refusingApp() {
  const app = createApp();
  app.get('/refused/:code', (c) => refuse(c.req.param('code') as RefusalCode));
  return (path: string, init: RequestInit = {}) => app.fetch(new Request(new URL(path, ORIGIN), init), env, createExecutionContext());
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the catalogue of refusals', () => {
  it.each(INTERFACE_LANGUAGES)('every refusal has a title and a body in %s', (lang) => {
    const t = translator(lang);
    for (const code of CODES) {
      const { title, body } = refusalTexts(code);
      // translator() falls back to bokmål, then to the key: look in this locale's own file.
      const own = LOCALES[lang].http as Record<string, Record<string, string> | undefined>;
      expect(own[code]?.title, `${lang}: ${title}`).toBe(t(title));
      expect(own[code]?.body, `${lang}: ${body}`).toBe(t(body));
      expect(t(title).trim(), `${lang}: ${title}`).not.toBe('');
    }
  });

  it('has an entry for every refusal text the locales hold, so none is left unused', () => {
    const texts = Object.keys(LOCALES.nb.http as object).filter((key) => key !== 'home');
    expect(texts.sort()).toEqual([...CODES].sort());
  });

  it('gives every refusal an error status', () => {
    for (const code of CODES) expect(REFUSALS[code], code).toBeGreaterThanOrEqual(400);
    for (const code of CODES) expect(REFUSALS[code], code).toBeLessThan(600);
  });
});

describe('a refusal thrown through the app', () => {
  const fetch = refusingApp();

  it.each(INTERFACE_LANGUAGES)('is answered with its status and its text in the page language (%s)', async (lang) => {
    const t = translator(lang);
    for (const code of CODES) {
      const response = await fetch(`/refused/${code}?lang=${lang}`);
      expect(response.status, code).toBe(REFUSALS[code]);
      const text = await textOf(response);
      expect(text, code).toContain(squeeze(t(`http.${code}.title`)));
      expect(text, code).toContain(squeeze(t(`http.${code}.body`)));
    }
  });

  it('is answered as JSON, with its code and text, to a client that asks for JSON', async () => {
    for (const code of CODES) {
      const response = await fetch(`/refused/${code}?lang=en`, { headers: { accept: 'application/json' } });
      expect(response.status, code).toBe(REFUSALS[code]);
      expect(await response.json()).toEqual({ error: code, message: translator('en')(`http.${code}.body`) });
    }
  });

  it('refuses a cross-site form post as forbidden, not as an unforeseen error', async () => {
    const response = await fetch('/m/demo/fixture-child/start?lang=nn', {
      method: 'POST',
      body: new URLSearchParams({}),
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    });
    expect(response.status).toBe(403);
    expect(await textOf(response)).toContain(squeeze(translator('nn')('http.forbidden.body')));
  });
});
