/** After signing: the receipt with its withdrawal code, withdrawal, and the public receipt check. */
import { formatDate } from '../../worker/core/i18n/format.ts';
import type { Text } from '../../worker/core/language.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { SelectField, TextField } from '../components/fields.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { localized, type Ui } from '../ui.ts';

export interface ReceiptView {
  id: string;
  code: string;
  signedAt: Date;
  textHash: string;
}

export interface SignedPageProps {
  ui: Ui;
  owner: string;
  privacyHref: string;
  base: string;
  receipt?: ReceiptView;
  /** Where the withdrawal code can be used without the link. */
  codeHref: string;
  /** Services this signer said yes to and has not withdrawn. */
  withdrawable: { id: string; label: Text }[];
  withdrawn?: boolean;
  error?: string;
}

export function SignedPage({ ui, owner, privacyHref, base, receipt, codeHref, withdrawable, withdrawn, error }: SignedPageProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('consent.sign.doneTitle')} owner={owner} languages={['nb', 'nn', 'en']} here={base} hasError={!!error} privacyHref={privacyHref}>
      <ErrorSummary ui={ui} errors={error ? [{ href: '#service', text: error }] : []} />
      <h1>{t('consent.sign.doneTitle')}</h1>
      {withdrawn && <p class="notice">{t('consent.withdraw.done')}</p>}
      <p>{t('consent.sign.doneText')}</p>
      {receipt && (
        <section aria-labelledby="receipt-title">
          <h2 id="receipt-title">{t('consent.receipt.title')}</h2>
          <dl class="summary">
            <div>
              <dt>{t('consent.receipt.id')}</dt>
              <dd>{receipt.id}</dd>
            </div>
            <div>
              <dt>{t('consent.receipt.signedAt')}</dt>
              <dd>{formatDate(receipt.signedAt, ui.lang)}</dd>
            </div>
            <div>
              <dt>{t('consent.receipt.hash')}</dt>
              <dd class="hash">{receipt.textHash}</dd>
            </div>
          </dl>
          <div class="panel panel--code">
            <p>{t('consent.receipt.code')}</p>
            <p class="code">{receipt.code}</p>
          </div>
          <p>{t('consent.receipt.codeHelp')}</p>
          <ul>
            <li>
              <a href={`${base}/receipt.pdf`}>{t('consent.receipt.pdf')}</a>
            </li>
            <li>
              <a href={`${base}/receipt.json`}>{t('consent.receipt.json')}</a>
            </li>
            <li>
              <a href="/receipts/check">{t('consent.check.receiptTitle')}</a>
            </li>
            <li>
              <a href={codeHref}>{t('consent.withdraw.byCodeLink')}</a>
            </li>
          </ul>
        </section>
      )}
      {withdrawable.length > 0 && <WithdrawForm ui={ui} action={`${base}/withdraw`} services={withdrawable} error={error} />}
    </Layout>
  );
}

function WithdrawForm({ ui, action, services, error }: { ui: Ui; action: string; services: { id: string; label: Text }[]; error?: string }) {
  const { t } = ui;
  return (
    <form method="post" action={action} novalidate>
      <h2>{t('consent.withdraw.title')}</h2>
      <p>{t('consent.withdraw.text')}</p>
      <SelectField
        ui={ui}
        id="service"
        label={t('consent.withdraw.what')}
        error={error}
        options={[{ value: 'all', text: t('consent.wholeConsent') }, ...services.map((service) => ({ value: service.id, text: localized(ui, service.label).text }))]}
      />
      <button class="button button--warning" type="submit">
        {t('consent.withdraw.submit')}
      </button>
    </form>
  );
}

export interface ReceiptCheckResult {
  genuine: boolean;
  inForce?: boolean;
  receiptId?: string;
  issuedAt?: Date;
}

export function ReceiptCheckPage({ ui, value = '', result, error }: { ui: Ui; value?: string; result?: ReceiptCheckResult; error?: string }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('consent.check.receiptTitle')} owner="medvirk" languages={['nb', 'nn', 'en']} here="/receipts/check" hasError={!!error}>
      <ErrorSummary ui={ui} errors={error ? [{ href: '#receipt', text: error }] : []} />
      <h1>{t('consent.check.receiptTitle')}</h1>
      {result && (
        <section class={`verdict verdict--${result.genuine ? 'yes' : 'no'}`} aria-labelledby="result-title">
          <h2 id="result-title">{t(result.genuine ? 'consent.check.genuine' : 'consent.check.notGenuine')}</h2>
          {result.genuine && <p>{t(result.inForce ? 'consent.check.inForce' : 'consent.check.notInForce')}</p>}
          {result.genuine && result.receiptId && result.issuedAt && <p>{t('consent.check.issued', { id: result.receiptId, date: formatDate(result.issuedAt, ui.lang) })}</p>}
        </section>
      )}
      <form method="post" action="/receipts/check" novalidate>
        <div class={error ? 'question question--error' : 'question'}>
          <label class="label" for="receipt">
            {t('consent.check.receiptLabel')}
          </label>
          <div class="hint" id="receipt-hint">
            {t('consent.check.receiptHint')}
          </div>
          <ErrorMessage ui={ui} id="receipt-error" error={error} />
          <textarea class="textarea" id="receipt" name="receipt" rows={8} aria-describedby={error ? 'receipt-hint receipt-error' : 'receipt-hint'} aria-invalid={error ? 'true' : undefined}>
            {value}
          </textarea>
        </div>
        <button class="button" type="submit">
          {t('consent.check.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function CodeWithdrawPage({ ui, action, privacyHref, done, error }: { ui: Ui; action: string; privacyHref: string; done?: boolean; error?: string }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('consent.withdraw.title')} owner="medvirk" languages={['nb', 'nn', 'en']} here={action} hasError={!!error} privacyHref={privacyHref}>
      <ErrorSummary ui={ui} errors={error ? [{ href: '#code', text: error }] : []} />
      {done ? (
        <>
          <h1>{t('consent.withdraw.title')}</h1>
          <p class="notice">{t('consent.withdraw.done')}</p>
        </>
      ) : (
        <>
          <h1>{t('consent.withdraw.title')}</h1>
          <form method="post" action={action} novalidate>
            <p>{t('consent.withdraw.byCodeText')}</p>
            <TextField ui={ui} id="code" label={t('consent.withdraw.code')} hint={t('consent.withdraw.codeHint')} error={error} autocomplete="off" spellcheck={false} />
            <button class="button button--warning" type="submit">
              {t('consent.withdraw.submitAll')}
            </button>
          </form>
        </>
      )}
    </Layout>
  );
}
