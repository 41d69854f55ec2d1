/** Public pages about receipts: is this receipt genuine and in force; withdraw with the code on it. */
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import type { AppEnv } from '../../platform/env.ts';
import { keyringFor } from '../../platform/keys.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { limitFailures, rateLimit } from '../../platform/middleware/rate-limit/index.ts';
import { deliverSoon } from '../../platform/outbox/deliver-all.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import { page } from '../../platform/render.ts';
import { CodeWithdrawPage, ReceiptCheckPage } from '../../../web/consent/receipt.tsx';
import { verifyReceipt, type Opener } from './lookups.ts';
import { Receipts } from './receipt.ts';
import { Consents } from './repository.ts';
import { withdraw } from './withdraw.ts';
import { privacyPath } from '../../core/municipality.ts';

type C = Context<AppEnv>;

export const opener = (c: C): Opener => ({ municipality: (id) => c.var.directory.municipality(id), open: (municipality) => c.var.openDatabase(municipality) });

export const receipts = new Hono<AppEnv>();

receipts.get('/check', (c) => page(c, <ReceiptCheckPage ui={c.var.ui} />));

receipts.post('/check', rateLimit({ bucket: 'receipt-check', limit: 60, windowSeconds: 600 }), async (c) => {
  const value = ((await readForm(c)).get('receipt')?.[0] ?? '').trim();
  if (!value) return page(c, <ReceiptCheckPage ui={c.var.ui} error={c.var.ui.t('consent.check.receiptMissing')} />, 422);
  const result = await verifyReceipt(opener(c), value, c.var.now);
  return page(c, <ReceiptCheckPage ui={c.var.ui} value={value} result={result} />);
});

const municipalityOf = async (c: C) => (await c.var.directory.municipality(c.req.param('municipality') ?? '')) ?? refuse('notFound');

receipts.get('/:municipality/withdraw', async (c) => {
  const municipality = await municipalityOf(c);
  return page(c, <CodeWithdrawPage ui={c.var.ui} action={c.req.path} privacyHref={privacyPath(municipality.id)} />);
});

/**
 * Wrong withdrawal codes for one municipality from all addresses together, per hour: with the
 * per-address limit this keeps guessing from many addresses at a few thousand tries a day, so
 * even with tens of thousands of codes in use a 40-bit code stays out of reach (see
 * docs/threat-model.md). Past it, code withdrawal waits; the signer's link and staff still work.
 */
export const WRONG_CODE_LIMIT = { bucket: 'withdrawal-code-wrong', limit: 100, windowSeconds: 3600 };

/** The code withdraws the whole of that signer's consent, effective at once. A 40-bit code, so tries are limited. */
receipts.post('/:municipality/withdraw', rateLimit({ bucket: 'withdrawal-code', limit: 10, windowSeconds: 600 }), async (c) => {
  const municipality = await municipalityOf(c);
  const failed = await limitFailures(c, WRONG_CODE_LIMIT, municipality.id);
  const database = c.var.openDatabase(municipality);
  const code = (await readForm(c)).get('code')?.[0] ?? '';
  const receipt = await new Receipts(database).byWithdrawalCode(await keyringFor(c.env), code);
  const record = receipt && (await new Consents(database).record(municipality.id, receipt.consentId));
  if (!receipt || !record) {
    await failed();
    return page(c, <CodeWithdrawPage ui={c.var.ui} action={c.req.path} privacyHref={privacyPath(municipality.id)} error={c.var.ui.t('consent.withdraw.codeWrong')} />, 422);
  }
  await withdraw(database, municipality, record, { signerId: receipt.signerId, service: null, by: `signer:${receipt.signerId}`, via: 'web', note: 'withdrawal code' }, publicOrigin(c.env, c.req.url), c.var.now);
  deliverSoon(c.executionCtx, c.env, database.binding, c.var.now);
  return page(c, <CodeWithdrawPage ui={c.var.ui} action={c.req.path} privacyHref={privacyPath(municipality.id)} done />);
});
