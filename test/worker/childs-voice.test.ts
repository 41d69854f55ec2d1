/**
 * The child's pages in the Workers runtime: languages and direction, the quick exit and the
 * help line on every page, the banner when an adult helps, the demo address, and safety flags.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { Client, location, textOf } from './client.ts';
import { staffClient } from './staff.ts';

const VERSIONS = ['barnets-stemme-3-6', 'barnets-stemme-7-12', 'barnets-stemme-13-18'];
const FORM = '/m/demo/barnets-stemme-7-12';
const PAGES = ['safe', 'people', 'good', 'hard', 'next'];

/** Every page a child meets on the way through, from the start page to the receipt. */
async function walk(form: string, client: Client, answers: Record<string, Record<string, string>> = {}, query = '') {
  const pages: { name: string; html: string }[] = [];
  const visit = async (name: string, path: string) => {
    const response = await client.get(`${path}${query}`);
    expect(response.status, path).toBe(200);
    pages.push({ name, html: await response.text() });
  };
  await visit('start', form);
  expect(location(await client.post(`${form}/start`))).toBe(`${form}/p/safe`);
  for (const page of PAGES) {
    await visit(page, `${form}/p/${page}`);
    await client.post(`${form}/p/${page}`, answers[page] ?? {});
  }
  await visit('check', `${form}/check`);
  await visit('save', `${form}/save`);
  await visit('resume', `${form}/resume`);
  expect(location(await client.post(`${form}/submit`))).toBe(`${form}/done`);
  await visit('done', `${form}/done`);
  return pages;
}

const flaggedOf = async (client: Client, form: string) => {
  const key = client.cookies.get(`__Host-d-demo-${form.split('/').at(-1)}`) ?? '';
  expect(key).not.toBe('');
  const row = await env.DB.prepare('SELECT r.flagged FROM responses r JOIN drafts d ON d.submission_id = r.id WHERE d.reference = r.reference ORDER BY r.submitted_at DESC LIMIT 1').first<{ flagged: number }>();
  return row?.flagged;
};

describe('the child’s voice in every language', () => {
  it.each(VERSIONS)('%s opens in every language with ?lang=, Arabic right to left', async (version) => {
    for (const [lang, dir] of [['nb', 'ltr'], ['nn', 'ltr'], ['en', 'ltr'], ['se', 'ltr'], ['uk', 'ltr'], ['pl', 'ltr'], ['ar', 'rtl'], ['so', 'ltr']]) {
      const html = await (await new Client().get(`/m/demo/${version}?lang=${lang}`)).text();
      expect(html, lang).toContain(`<html lang="${lang}" dir="${dir}">`);
    }
  });

  it('shows every text of an Arabic journey in Arabic: nothing falls back to Norwegian or English', async () => {
    const pages = await walk(FORM, new Client(), { safe: { 'safe-home': '3' }, hard: { 'what-is-hard': 'لا شيء' } }, '?lang=ar');
    for (const { name, html } of pages) {
      const text = html
        .replace(/<style[\s\S]*?<\/style>/, '')
        .replace(/<nav[\s\S]*?<\/nav>/, '') // the language links, each marked with its own lang
        .replace(/<title>[\s\S]*?<\/title>/, '')
        .replace(/MV-[A-Z0-9-]+/g, '') // the receipt's reference
        .replace(/<[^>]+>/g, ' ');
      // What may stay Latin: the municipality's name, the help line's name, codes and the app's name.
      const latin = (text.match(/[A-Za-zÆØÅæøå]{3,}/g) ?? []).filter((word) => !['Demo', 'kommune', 'Alarmtelefonen', 'medvirk', 'XTR', 'K7QM', 'NAV'].includes(word));
      expect(latin, name).toEqual([]);
    }
  });

  it('falls back cleanly: an unknown language gives the municipality’s standard, a form without Arabic gives bokmål, staff pages stay Norwegian or English', async () => {
    expect(await (await new Client().get(`${FORM}?lang=de`)).text()).toContain('<html lang="nb" dir="ltr">');
    expect(await (await new Client().get('/m/nynorsk/fixture-child?lang=xx')).text()).toContain('<html lang="nn" dir="ltr">');
    // The consent demo is in bokmål, nynorsk and English only.
    expect(await (await new Client().get('/m/demo/fixture-kinds?lang=ar')).text()).toContain('<html lang="nb" dir="ltr">');
    // Staff pages are in the interface languages; Arabic asked there gives bokmål.
    expect(await (await new Client().get('/staff/sign-in?lang=ar')).text()).toContain('<html lang="nb" dir="ltr">');
  });
});

describe('every child page', () => {
  it.each(VERSIONS)('%s: has the quick exit to a neutral page and the help line, from the start page to the receipt', async (version) => {
    const pages = await walk(`/m/demo/${version}`, new Client());
    for (const { name, html } of pages) {
      expect(html, name).toMatch(/<a class="quick-exit" href="https:\/\/www\.yr\.no\/" rel="noreferrer" data-quick-exit="true">Gå ut raskt<\/a>/);
      expect(html, name).toContain('Ring Alarmtelefonen for barn og unge på <a href="tel:116111" class="phone">116 111</a>');
    }
  });

  it('shows the municipality’s own help contact once an admin has set it', async () => {
    const admin = await staffClient('admin@demo.medvirk.no');
    const settings = { writtenStandard: 'nb', suppressionThreshold: '5', draftTtlDays: '30', responseRetentionMonths: '60', linkVisibility: 'unit' };
    expect((await admin.post('/staff/m/demo/admin/settings', { ...settings, helpContact: 'x'.repeat(201) })).status).toBe(422);
    expect((await admin.post('/staff/m/demo/admin/settings', { ...settings, helpContact: 'barnevernvakten, telefon 12 34 56 78' })).headers.get('location')).toBe('/staff/m/demo/admin/settings?saved=1');
    try {
      expect(await textOf(await new Client().get(FORM))).toContain('Du kan også kontakte barnevernvakten, telefon 12 34 56 78.');
    } finally {
      await admin.post('/staff/m/demo/admin/settings', { ...settings, helpContact: '' });
    }
    expect(await textOf(await new Client().get(FORM))).not.toContain('Du kan også kontakte');
  });

  it('has no quick exit or help line on a guardian’s form', async () => {
    const html = await (await new Client().get('/m/demo/fixture-kinds')).text();
    expect(html).not.toContain('class="quick-exit"');
    expect(html).not.toContain('116 111');
  });

  it('draws the smiley scale as radio buttons with words and faces that have text alternatives, and pictures for the youngest', async () => {
    const client = new Client();
    await client.post('/m/demo/barnets-stemme-3-6/start');
    const html = await (await client.get('/m/demo/barnets-stemme-3-6/p/safe')).text();
    expect(html).toContain('<input type="radio" id="q-safe-home-1" name="safe-home" value="1"');
    expect(html).toMatch(/<svg class="face"[^>]*role="img" aria-label="Trist ansikt"/);
    expect(html).toContain('<span class="choice-text">Ikke bra</span>');
    expect(html).toMatch(/<svg class="picture picture--home"[^>]*role="img" aria-label="Et hus"/);
    expect(html).not.toMatch(/[\u{1F300}-\u{1FAFF}]/u);
    expect(html).toContain('<progress class="progress-bar" max="5" value="1" aria-labelledby="progress">');
  });
});

describe('the demo address and personal links', () => {
  it('says at a public address that it is a demo and that nobody reads the answers', async () => {
    const pages = await walk(FORM, new Client());
    expect(pages[0]!.html).toContain('Dette er en demo. Svarene du sender her, blir ikke lest av noen.');
    const done = pages.at(-1)!.html;
    expect(done).toContain('Dette var en demo, så ingen leser svarene dine.');
    expect(done).not.toContain('En voksen du kjenner leser svarene dine');
  });

  it('through a personal link, answered with an adult, says an adult reads them and shows the helper banner on every page', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const made = await staff.post('/staff/m/demo/links', { form: 'barnets-stemme-7-12', childAge: '9', language: 'nb', respondent: 'child', caseReference: `CV-${Math.floor(Math.random() * 1e6)}`, expiresInDays: '14', singleUse: 'yes' });
    const id = (await made.text()).match(/\/staff\/m\/demo\/links\/([0-9a-f-]{36})/)?.[1] ?? '';
    expect(location(await staff.post(`/staff/m/demo/links/${id}/assist`, { role: 'kindergarten' }))).toBe(FORM);
    const pages = await walk(FORM, staff);
    for (const { name, html } of pages) expect(html, name).toContain('<div class="assisted-banner" role="note"><p>Du svarer sammen med en voksen (barnehageansatt).</p>');
    expect(pages[0]!.html).not.toContain('Dette er en demo');
    expect(pages.at(-1)!.html).toContain('En voksen du kjenner leser svarene dine.');
  });

  it('refuses a personal link in a language the form is not written in', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    const refused = await staff.post('/staff/m/demo/links', { form: 'fixture-kinds', language: 'ar', respondent: 'guardian', caseReference: 'CV-AR-1', expiresInDays: '14', singleUse: 'yes' });
    expect(refused.status).toBe(422);
    expect(await textOf(refused)).toContain('Skjemaet finnes ikke på dette språket.');
  });

  it('tells staff which languages no qualified translator has checked', async () => {
    const staff = await staffClient('ansatt@demo.medvirk.no');
    expect(await textOf(await staff.get('/staff/m/demo/links/new?form=barnets-stemme-7-12'))).toContain('Ikke kontrollert av en kvalifisert oversetter ennå: Nordsamisk, Ukrainsk, Polsk, Arabisk, Somali.');
  });
});

describe('safety flags', () => {
  it('flags a child who does not feel safe at home: stored on the response, and the receipt gives the help line first', async () => {
    const client = new Client();
    const pages = await walk(FORM, client, { safe: { 'safe-home': '1', 'safe-school': '3' } });
    expect(await flaggedOf(client, FORM)).toBe(1);
    const done = pages.at(-1)!.html;
    expect(done).toContain('<h2 id="help-title">Du skal ikke være alene med dette</h2>');
    expect(done).toContain('<a href="tel:112" class="phone">112</a>');
  });

  it('flags someone hurting the child', async () => {
    const client = new Client();
    const pages = await walk(FORM, client, { safe: { 'someone-hurts': 'yes' } });
    expect(await flaggedOf(client, FORM)).toBe(1);
    expect(pages.at(-1)!.html).toContain('class="help-panel"');
  });

  it('does not flag a child who feels safe, and the receipt stays calm', async () => {
    const client = new Client();
    const pages = await walk(FORM, client, { safe: { 'safe-home': '3', 'someone-hurts': 'no' } });
    expect(await flaggedOf(client, FORM)).toBe(0);
    expect(pages.at(-1)!.html).not.toContain('class="help-panel"');
  });
});
