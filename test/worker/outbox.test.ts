import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from 'cloudflare:test';
import { drizzle } from 'drizzle-orm/d1';
import { beforeEach, describe, expect, it } from 'vitest';
import worker from '../../worker/index.ts';
import type { Mail } from '../../worker/platform/mail/mailer.ts';
import { deliverSoon } from '../../worker/platform/outbox/deliver-all.ts';
import { deliverPending, messageStatusFor, RETRY_DELAYS_MS } from '../../worker/platform/outbox/deliver.ts';
import { enqueueMessage, type NewMessage } from '../../worker/platform/outbox/enqueue.ts';
import { DeliveryError } from '../../worker/platform/outbox/errors.ts';
import type { Providers } from '../../worker/platform/outbox/providers.ts';
import type { Sms } from '../../worker/platform/sms/sender.ts';
import { formLinks } from '../../worker/features/links/tables.ts';

const db = drizzle(env.DB);
const T0 = new Date('2026-03-02T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

const mail = (subjectRef = `link:${crypto.randomUUID()}`, recipient = 'forelder@example.no'): NewMessage => ({
  municipalityId: 'demo',
  channel: 'email',
  recipient,
  subject: 'Et skjema fra Demo kommune',
  body: 'Åpne skjemaet: https://medvirk.test/l/demo/secret-token',
  subjectRef,
});

/** Providers that record what they are given and fail as told (by call number, from 1). */
function recording(fail: (call: number) => Error | undefined = () => undefined) {
  const sent: (Mail | Sms)[] = [];
  let calls = 0;
  const send = async (message: Mail | Sms) => {
    calls++;
    // A real provider takes a moment; a concurrent deliverer gets to run meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const error = fail(calls);
    if (error) throw error;
    sent.push(message);
  };
  const providers: Providers = { email: { send }, sms: { send } };
  return { providers, sent, calls: () => calls };
}

const row = (subjectRef: string) => env.DB.prepare('SELECT * FROM outbox_messages WHERE subject_ref = ?').bind(subjectRef).first<Record<string, unknown>>();

// Each test starts from none of this file's messages (all made in March 2026, long before any
// other test's): the rows it removes are only its own.
beforeEach(async () => {
  await env.DB.prepare('DELETE FROM outbox_messages WHERE created_at < ?').bind(at(30 * 86_400_000).getTime()).run();
});

describe('queueing a message', () => {
  it('is stored in the same batch as the change it announces: both or neither', async () => {
    const link = {
      id: crypto.randomUUID(),
      municipalityId: 'demo',
      tokenHash: crypto.randomUUID(),
      formId: 'fixture-child',
      language: 'nb',
      respondent: 'guardian' as const,
      caseReference: 'outbox-1',
      createdBy: 'demo-ansatt',
      singleUse: true,
      createdAt: T0,
      expiresAt: at(86_400_000),
    };
    await db.batch([db.insert(formLinks).values(link), enqueueMessage(db, mail(`link:${link.id}`), T0)]);
    expect(await row(`link:${link.id}`)).toMatchObject({ status: 'pending', attempts: 0, recipient: 'forelder@example.no' });

    // The same link again clashes on its id, so its message must not be stored either.
    const again = mail(`link:${link.id}-again`);
    await expect(db.batch([enqueueMessage(db, again, T0), db.insert(formLinks).values(link)])).rejects.toThrow();
    expect(await row(again.subjectRef)).toBeNull();
  });
});

describe('delivering messages', () => {
  it('sends a due message, marks it sent and forgets the address and the body', async () => {
    const message = mail();
    await enqueueMessage(db, message, T0);
    const { providers, sent } = recording();
    expect(await deliverPending(env.DB, providers, T0)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent).toEqual([{ to: 'forelder@example.no', subject: message.subject, text: message.body }]);
    const stored = await row(message.subjectRef);
    expect(stored).toMatchObject({ status: 'sent', attempts: 1, recipient: null, body: null, last_error: null, sent_at: T0.getTime() });
    expect(JSON.stringify(stored)).not.toContain('secret-token');
    // Sent is sent: it is not sent again.
    expect(await deliverPending(env.DB, providers, at(86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('sends text messages through the SMS provider', async () => {
    await enqueueMessage(db, { municipalityId: 'demo', channel: 'sms', recipient: '+4791234567', body: 'Skjema: https://medvirk.test/l/demo/x', subjectRef: 'link:sms' }, T0);
    const { providers, sent } = recording();
    await deliverPending(env.DB, providers, T0);
    expect(sent).toEqual([{ to: '+4791234567', text: 'Skjema: https://medvirk.test/l/demo/x' }]);
  });

  it('tries a transient failure again after 1 min, 5 min, 30 min, 2 h and 12 h, then gives up and forgets the address', async () => {
    const message = mail();
    await enqueueMessage(db, message, T0);
    const { providers, calls } = recording(() => new DeliveryError('ses-503', true));
    let now = T0;
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      expect(await deliverPending(env.DB, providers, now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      expect(await row(message.subjectRef)).toMatchObject({ status: 'pending', attempts: index + 1, last_error: 'ses-503', next_attempt_at: now.getTime() + delay });
      // Not before it is due.
      await deliverPending(env.DB, providers, new Date(now.getTime() + delay - 1));
      expect(calls()).toBe(index + 1);
      now = new Date(now.getTime() + delay);
    }
    expect(RETRY_DELAYS_MS).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
    expect(await deliverPending(env.DB, providers, now)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(message.subjectRef)).toMatchObject({ status: 'failed', attempts: 6, recipient: null, body: null, last_error: 'ses-503' });
    expect(await deliverPending(env.DB, providers, at(7 * 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(calls()).toBe(6);
  });

  it('is sent on a later try once the provider recovers', async () => {
    const message = mail();
    await enqueueMessage(db, message, T0);
    const { providers, sent } = recording((call) => (call === 1 ? new TypeError('network connection lost') : undefined));
    expect(await deliverPending(env.DB, providers, T0)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(message.subjectRef)).toMatchObject({ last_error: 'email-error' });
    expect(await deliverPending(env.DB, providers, at(RETRY_DELAYS_MS[0] ?? 0))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });

  it('does not try again when the provider refuses the message for good', async () => {
    const message = mail();
    await enqueueMessage(db, message, T0);
    const { providers, calls } = recording(() => new DeliveryError('ses-400-MessageRejected', false));
    expect(await deliverPending(env.DB, providers, T0)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(message.subjectRef)).toMatchObject({ status: 'failed', attempts: 1, recipient: null, body: null, last_error: 'ses-400-MessageRejected' });
    await deliverPending(env.DB, providers, at(86_400_000));
    expect(calls()).toBe(1);
  });

  it('fails a message whose channel has no provider with not-configured, without throwing', async () => {
    const message = mail();
    await enqueueMessage(db, message, T0);
    expect(await deliverPending(env.DB, {}, T0)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(message.subjectRef)).toMatchObject({ status: 'failed', recipient: null, last_error: 'not-configured' });
  });

  it('sends each message once when two deliverers run at the same time', async () => {
    const refs = Array.from({ length: 6 }, (_, index) => `link:concurrent-${index}`);
    await db.batch([enqueueMessage(db, mail(refs[0]), T0), ...refs.slice(1).map((ref) => enqueueMessage(db, mail(ref), T0))]);
    const { providers, sent } = recording();
    const reports = await Promise.all([deliverPending(env.DB, providers, T0), deliverPending(env.DB, providers, T0), deliverPending(env.DB, providers, T0)]);
    expect(sent).toHaveLength(6);
    expect(reports.reduce((total, report) => total + report.sent, 0)).toBe(6);
    const statuses = await env.DB.prepare("SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'sent' AND attempts = 1").first<{ n: number }>();
    expect(statuses?.n).toBe(6);
  });

  it('sends at most the given number at a time, oldest due first', async () => {
    await enqueueMessage(db, mail('link:later'), at(1000));
    await enqueueMessage(db, mail('link:first'), T0);
    const { providers } = recording();
    expect(await deliverPending(env.DB, providers, at(2000), 1)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await row('link:first')).toMatchObject({ status: 'sent' });
    expect(await row('link:later')).toMatchObject({ status: 'pending' });
  });
});

describe('message status for staff', () => {
  it('gives the latest message per subject reference, and nothing for one without messages', async () => {
    await enqueueMessage(db, mail('link:a'), T0);
    await deliverPending(env.DB, {}, T0); // fails: not configured
    await enqueueMessage(db, mail('link:a'), at(1000)); // sent again later, still pending
    await enqueueMessage(db, mail('link:b'), T0);
    await deliverPending(env.DB, recording().providers, T0);
    const statuses = await messageStatusFor(env.DB, ['link:a', 'link:b', 'link:none']);
    expect(statuses.get('link:a')).toMatchObject({ status: 'pending', channel: 'email', attempts: 0 });
    expect(statuses.get('link:b')).toMatchObject({ status: 'sent', sentAt: T0 });
    expect(statuses.has('link:none')).toBe(false);
    expect((await messageStatusFor(env.DB, Array.from({ length: 150 }, (_, index) => `link:${index}`))).size).toBe(0);
  });
});

describe('delivery triggers', () => {
  it('the minute cron delivers due messages (to the development outbox here); the nightly one does not', async () => {
    const message = mail('link:cron', `cron-${crypto.randomUUID()}@example.no`);
    await enqueueMessage(db, message, new Date(Date.now() - 1000));
    await worker.scheduled(createScheduledController({ cron: '17 2 * * *', scheduledTime: Date.now() }), env);
    expect(await row('link:cron')).toMatchObject({ status: 'pending' });
    await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }), env);
    expect(await row('link:cron')).toMatchObject({ status: 'sent', recipient: null });
    const stored = await env.DB.prepare('SELECT subject FROM outbox WHERE "to" = ?').bind(message.recipient).first<{ subject: string }>();
    expect(stored?.subject).toBe(message.subject);
  });

  it('the nightly clean-up forgets messages delivered or failed over 90 days ago, never a pending one', async () => {
    const long = new Date(Date.now() - 91 * 86_400_000);
    const [old, waiting, recent] = [`link:old-${crypto.randomUUID()}`, `link:waiting-${crypto.randomUUID()}`, `link:recent-${crypto.randomUUID()}`];
    await db.batch([enqueueMessage(db, mail(old), long), enqueueMessage(db, mail(waiting), long), enqueueMessage(db, mail(recent), new Date(Date.now() - 86_400_000))]);
    await env.DB.prepare("UPDATE outbox_messages SET status = 'sent', recipient = NULL, body = NULL WHERE subject_ref IN (?, ?)").bind(old, recent).run();
    await worker.scheduled(createScheduledController({ cron: '17 2 * * *', scheduledTime: Date.now() }), env);
    expect(await row(old)).toBeNull();
    expect(await row(waiting)).toMatchObject({ status: 'pending' });
    expect(await row(recent)).toMatchObject({ status: 'sent' });
  });

  it('deliverSoon sends right after the request, in the background', async () => {
    await enqueueMessage(db, mail('link:soon'), T0);
    const { providers, sent } = recording();
    const ctx = createExecutionContext();
    deliverSoon(ctx, env, env.DB, T0, providers);
    await waitOnExecutionContext(ctx);
    expect(sent).toHaveLength(1);
    expect(await row('link:soon')).toMatchObject({ status: 'sent' });
  });
});
