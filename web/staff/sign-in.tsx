import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';
import { TextField } from '../components/fields.tsx';

export interface SignInProvider {
  municipalityId: string;
  label: string;
  municipalityName: string;
}

export function SignInPage({ ui, value, error, providers = [] }: { ui: Ui; value?: string; error?: string; providers?: SignInProvider[] }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('staff.signIn.title')} languages={['nb', 'nn', 'en']} hasError={!!error}>
      <ErrorSummary ui={ui} errors={error ? [{ href: '#email', text: error }] : []} />
      <h1>{t('staff.signIn.title')}</h1>
      <p>{t('staff.signIn.intro')}</p>
      <form method="post" action="/staff/sign-in" novalidate>
        <TextField ui={ui} id="email" type="email" label={t('staff.signIn.email')} error={error} value={value} autocomplete="email" spellcheck={false} />
        <button class="button" type="submit">
          {t('staff.signIn.submit')}
        </button>
      </form>
      {providers.length > 0 && (
        <>
          <h2>{t('staff.signIn.orProvider')}</h2>
          <ul class="providers">
            {providers.map((provider) => (
              <li>
                <a class="button button--secondary" href={`/staff/sign-in/oidc/${provider.municipalityId}`}>
                  {t('staff.signIn.withProvider', { label: provider.label, municipality: provider.municipalityName })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

/** The e-mailed link leads here; signing in takes a deliberate click, so mail scanners cannot use the link up. */
export function VerifyPage({ ui, token }: { ui: Ui; token: string }) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('staff.verify.title')}>
      <h1>{t('staff.verify.title')}</h1>
      <form method="post" action="/staff/sign-in/verify">
        <input type="hidden" name="token" value={token} />
        <button class="button" type="submit">
          {t('staff.verify.submit')}
        </button>
      </form>
    </Layout>
  );
}
