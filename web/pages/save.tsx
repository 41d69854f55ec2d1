import type { FormDefinition } from '../../worker/engine/schema.ts';
import { BackLink } from '../components/back-link.tsx';
import { Layout } from '../components/layout.tsx';
import type { Ui } from '../ui.ts';

export interface SavePageProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  base: string;
  backHref: string;
  /** The new resume code, shown once; absent before the person asks for one. */
  code?: string;
  expires: string;
}

/** "Save and come back later": the answers are already saved; a code lets another device continue. */
export function SavePage({ ui, form, owner, base, backHref, code, expires }: SavePageProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={t('save.title')} owner={owner} languages={code ? [] : form.languages}>
      <BackLink ui={ui} href={backHref} />
      <h1>{t('save.title')}</h1>
      <p>{t('save.kept', { date: expires })}</p>
      {code ? (
        <>
          <div class="panel panel--code">
            <p>{t('save.yourCode')}</p>
            <p class="code">
              {code}
            </p>
          </div>
          <p>{t('save.writeDown')}</p>
          <p>{t('save.oneCode')}</p>
        </>
      ) : (
        <>
          <p>{t('save.sameDevice')}</p>
          <p>{t('save.otherDevice')}</p>
          <form method="post" action={`${base}/save`}>
            <button class="button button--secondary" type="submit">
              {t('save.getCode')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={backHref}>{t('save.continue')}</a>
      </p>
    </Layout>
  );
}
