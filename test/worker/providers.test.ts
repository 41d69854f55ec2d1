import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../worker/platform/env.ts';
import { SesMailer, type SesSettings } from '../../worker/platform/mail/ses.ts';
import { DeliveryError } from '../../worker/platform/outbox/errors.ts';
import { providersFor } from '../../worker/platform/outbox/providers.ts';
import { LinkMobilitySender, type LinkMobilitySettings } from '../../worker/platform/sms/link-mobility.ts';
import { Client, textOf } from './client.ts';
import { fakeLinkMobility } from './fakes/link-mobility.ts';
import { fakeSes } from './fakes/ses.ts';

const credentials = { accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', region: 'eu-north-1' };
const mail = { to: 'forelder@example.no', subject: 'Et skjema fra Demo kommune', text: 'Hei!\nÅpne skjemaet: https://medvirk.test/l/demo/abc' };
const account = { username: 'medvirk', password: 'på-hemmelig:passord', platformId: 'COMMON_API', platformPartnerId: '12345' };
const sms = { to: '+4791234567', text: 'Demo kommune ber deg svare på et skjema: https://medvirk.test/l/demo/abc' };

/** What a send was refused with, or undefined if it was accepted. */
const refusal = (sending: Promise<void>) =>
  sending.then(
    () => undefined,
    (error: unknown) => (error instanceof DeliveryError ? { code: error.code, transient: error.transient } : error),
  );

describe('Amazon SES', () => {
  const ses = (overrides: Partial<SesSettings> = {}) => {
    const fake = fakeSes(credentials);
    return { fake, mailer: new SesMailer({ ...credentials, from: 'ikke-svar@medvirk.no', fetch: fake.fetch, ...overrides }) };
  };

  it('sends a SendEmail request with a valid SigV4 signature for ses in the region', async () => {
    const { fake, mailer } = ses({ configurationSet: 'medvirk' });
    expect(await refusal(mailer.send(mail))).toBeUndefined();
    expect(fake.received).toEqual([{ from: 'ikke-svar@medvirk.no', to: ['forelder@example.no'], subject: mail.subject, text: mail.text, configurationSet: 'medvirk' }]);
  });

  it('is refused for good when the signature is wrong', async () => {
    const { fake, mailer } = ses({ secretAccessKey: 'not-the-secret' });
    expect(await refusal(mailer.send(mail))).toEqual({ code: 'ses-403-SignatureDoesNotMatchException', transient: false });
    expect(fake.received).toEqual([]);
  });

  it('is refused for good when signed for another region', async () => {
    const fake = fakeSes(credentials);
    const mailer = new SesMailer({ ...credentials, region: 'us-east-1', endpoint: 'https://email.eu-north-1.amazonaws.com', from: 'ikke-svar@medvirk.no', fetch: fake.fetch });
    expect(await refusal(mailer.send(mail))).toEqual({ code: 'ses-403-InvalidSignatureException', transient: false });
  });

  it('reports throttling and server errors as transient, a rejected message as final', async () => {
    const { fake, mailer } = ses();
    fake.refuseNext(429, 'TooManyRequestsException');
    fake.refuseNext(500, 'InternalFailure');
    fake.refuseNext(400, 'MessageRejected');
    expect(await refusal(mailer.send(mail))).toEqual({ code: 'ses-429-TooManyRequestsException', transient: true });
    expect(await refusal(mailer.send(mail))).toEqual({ code: 'ses-500-InternalFailure', transient: true });
    expect(await refusal(mailer.send(mail))).toEqual({ code: 'ses-400-MessageRejected', transient: false });
    expect(await refusal(mailer.send(mail))).toBeUndefined();
  });

  it('reports an unreachable endpoint as transient', async () => {
    const { mailer } = ses({ endpoint: 'https://email.eu-west-1.amazonaws.com' });
    expect(await refusal(mailer.send(mail))).toEqual({ code: 'ses-network', transient: true });
  });
});

describe('LINK Mobility', () => {
  const link = (overrides: Partial<LinkMobilitySettings> = {}) => {
    const fake = fakeLinkMobility(account);
    return { fake, sender: new LinkMobilitySender({ ...account, source: 'Medvirk', fetch: fake.fetch, ...overrides }) };
  };

  it('sends the documented JSON with Basic authentication', async () => {
    const { fake, sender } = link();
    expect(await refusal(sender.send(sms))).toBeUndefined();
    expect(fake.received).toEqual([{ source: 'Medvirk', sourceTON: 'ALPHANUMERIC', destination: '+4791234567', userData: sms.text }]);
  });

  it('names a short number as such', async () => {
    const { fake, sender } = link({ source: '2233' });
    await sender.send(sms);
    expect(fake.received[0]).toMatchObject({ source: '2233', sourceTON: 'SHORTNUMBER' });
  });

  it('is refused for good with wrong credentials or another partner', async () => {
    expect(await refusal(link({ password: 'wrong' }).sender.send(sms))).toEqual({ code: 'linkmobility-401', transient: false });
    expect(await refusal(link({ platformPartnerId: '999' }).sender.send(sms))).toEqual({ code: 'linkmobility-403', transient: false });
  });

  it('reports 429 and 5xx as transient, a bad request as final', async () => {
    const { fake, sender } = link();
    fake.refuseNext(429);
    fake.refuseNext(503);
    expect(await refusal(sender.send(sms))).toEqual({ code: 'linkmobility-429', transient: true });
    expect(await refusal(sender.send(sms))).toEqual({ code: 'linkmobility-503', transient: true });
    expect(await refusal(sender.send({ to: '91234567', text: 'x' }))).toEqual({ code: 'linkmobility-400', transient: false });
    expect(fake.received).toEqual([]);
  });
});

describe('choosing providers', () => {
  const production = (settings: Partial<Env> = {}): Env => ({ ...env, ENVIRONMENT: 'production', ...settings });

  it('outside development, configures nothing without settings, and each provider only with all of its settings', async () => {
    expect(providersFor(production())).toEqual({ email: undefined, sms: undefined });
    const partial = providersFor(production({ SES_REGION: 'eu-north-1', SES_FROM: 'ikke-svar@medvirk.no', LINKMOBILITY_USERNAME: 'medvirk' }));
    expect(partial).toEqual({ email: undefined, sms: undefined });
  });

  it('sends through SES and LINK Mobility at the configured endpoints', async () => {
    const ses = fakeSes(credentials, 'ses.fake.test');
    const gateway = fakeLinkMobility(account, 'sms.fake.test');
    const outbound: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      return new URL(request.url).host === 'ses.fake.test' ? ses.fetch(request) : gateway.fetch(request);
    };
    const providers = providersFor(
      production({
        SES_REGION: credentials.region,
        SES_ACCESS_KEY_ID: credentials.accessKeyId,
        SES_SECRET_ACCESS_KEY: credentials.secretAccessKey,
        SES_FROM: 'ikke-svar@medvirk.no',
        SES_ENDPOINT: 'https://ses.fake.test/',
        LINKMOBILITY_USERNAME: account.username,
        LINKMOBILITY_PASSWORD: account.password,
        LINKMOBILITY_PLATFORM_ID: account.platformId,
        LINKMOBILITY_PLATFORM_PARTNER_ID: account.platformPartnerId,
        LINKMOBILITY_SOURCE: 'Medvirk',
        LINKMOBILITY_ENDPOINT: 'https://sms.fake.test',
      }),
      outbound,
    );
    await providers.email?.send(mail);
    await providers.sms?.send(sms);
    expect(ses.received.map((email) => email.to)).toEqual([['forelder@example.no']]);
    expect(gateway.received.map((message) => message.destination)).toEqual(['+4791234567']);
  });

  it('in development, keeps the development outbox: mail is stored and shown at /dev/outbox', async () => {
    const subject = `Utviklingspost ${crypto.randomUUID()}`;
    await providersFor(env).email?.send({ to: 'utvikler@example.no', subject, text: 'Hei fra utboksen' });
    await providersFor(env).sms?.send({ to: '+4798765432', text: `SMS ${subject}` });
    const stored = await env.DB.prepare('SELECT "to", body FROM outbox WHERE subject = ?').bind(subject).first();
    expect(stored).toEqual({ to: 'utvikler@example.no', body: 'Hei fra utboksen' });
    const page = await textOf(await new Client().get('/dev/outbox'));
    expect(page).toContain(subject);
    expect(page).toContain(`SMS ${subject}`);
  });
});
