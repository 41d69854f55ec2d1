import { ErrorSummary } from '../components/error-summary.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { Layout } from '../components/layout.tsx';
import { INTERFACE_LANGUAGES } from '../../worker/core/language.ts';
import type { Ui } from '../ui.ts';

export interface CodeFormProps {
  ui: Ui;
  /** Where the code is posted: the municipality's code address. */
  action: string;
  value?: string;
  error?: string;
}

/** A code from a letter, typed in: any case, with or without dashes. */
export function CodeForm({ ui, action, value, error }: CodeFormProps) {
  const { t } = ui;
  return (
    <form method="post" action={action} novalidate>
      <div class={error ? 'question question--error' : 'question'}>
        <label class="label" for="link-code">
          {t('genuine.codeLabel')}
        </label>
        <div class="hint" id="link-code-hint">
          {t('genuine.codeHint')}
        </div>
        <ErrorMessage ui={ui} id="link-code-error" error={error} />
        <input
          class="input"
          type="text"
          id="link-code"
          name="code"
          value={value}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          aria-describedby={error ? 'link-code-hint link-code-error' : 'link-code-hint'}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <button class="button" type="submit">
        {t('genuine.codeSubmit')}
      </button>
    </form>
  );
}

export interface LinkCodePageProps extends CodeFormProps {
  owner: string;
  genuineHref: string;
  privacyHref: string;
}

/** The short address a letter gives: type the code here. */
export function LinkCodePage({ ui, owner, genuineHref, privacyHref, ...form }: LinkCodePageProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('genuine.codeTitle')} owner={owner} languages={INTERFACE_LANGUAGES} hasError={!!form.error} privacyHref={privacyHref}>
      <ErrorSummary ui={ui} errors={form.error ? [{ href: '#link-code', text: form.error }] : []} />
      <h1>{t('genuine.codeTitle')}</h1>
      <CodeForm ui={ui} {...form} />
      <p>
        <a href={genuineHref}>{t('genuine.isItGenuine', { municipality: owner })}</a>
      </p>
    </Layout>
  );
}

export interface GenuinePageProps {
  ui: Ui;
  municipality: string;
  /** Where every link of ours goes ("medvirk.no"), and how one begins. */
  host: string;
  example: string;
  codeAction: string;
  units: { name: string; contact: string }[];
  privacyHref: string;
}

/** What medvirk sends on a municipality's behalf, what it never asks for, and whom to call. */
export function GenuinePage({ ui, municipality, host, example, codeAction, units, privacyHref }: GenuinePageProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('genuine.title', { municipality })} owner={municipality} languages={INTERFACE_LANGUAGES} privacyHref={privacyHref}>
      <h1>{t('genuine.title', { municipality })}</h1>
      <p class="lead">{t('genuine.lead', { municipality })}</p>
      <h2>{t('genuine.whatTitle')}</h2>
      <p>{t('genuine.what')}</p>
      <h2>{t('genuine.neverTitle')}</h2>
      <p>{t('genuine.never')}</p>
      <h2>{t('genuine.linksTitle')}</h2>
      <p>{t('genuine.links', { host, example })}</p>
      <p>{t('genuine.doubt')}</p>
      <h2>{t('genuine.contactTitle')}</h2>
      {units.length > 0 ? (
        <ul>
          {units.map((unit) => (
            <li>
              {unit.name}: {unit.contact}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('genuine.noContacts', { municipality })}</p>
      )}
      <h2>{t('genuine.codeTitle')}</h2>
      <CodeForm ui={ui} action={codeAction} />
    </Layout>
  );
}
