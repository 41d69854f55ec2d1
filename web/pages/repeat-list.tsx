import type { FormDefinition, Page } from '../../worker/engine/schema.ts';
import { ANOTHER_FIELD } from '../../worker/engine/page-input.ts';
import { BackLink } from '../components/back-link.tsx';
import { ErrorMessage } from '../components/error-message.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { localized, type Ui } from '../ui.ts';
import { PageActions } from '../components/page-actions.tsx';

export interface RepeatListProps {
  ui: Ui;
  form: FormDefinition;
  owner: string;
  page: Page;
  rows: { title: string; summary: string; changeHref: string; removeAction: string }[];
  /** Fewer rows than the page's maximum, so "add another?" is asked. */
  canAdd: boolean;
  action: string;
  backHref: string;
  progress: { current: number; total: number };
  error?: string;
}

const ANOTHER_ID = 'another-yes';

/**
 * The GOV.UK "add another" pattern without JavaScript: the rows so far, each with change and
 * remove, then "do you want to add another?". Each remove is a small form of its own.
 */
export function RepeatListPage({ ui, form, owner, page, rows, canAdd, action, backHref, progress, error }: RepeatListProps) {
  const { t } = ui;
  return (
    <Layout ui={ui} title={localized(ui, page.title).text} owner={owner} languages={form.languages} hasError={!!error}>
      <BackLink ui={ui} href={backHref} />
      <ErrorSummary ui={ui} errors={error ? [{ href: `#${ANOTHER_ID}`, text: error }] : []} />
      <p class="progress">{t('page.progress', progress)}</p>
      <h1>
        <Localized ui={ui} text={page.title} />
      </h1>
      {page.intro && <Localized ui={ui} text={page.intro} paragraphs />}
      {rows.length === 0 ? (
        <p>{t('repeat.none')}</p>
      ) : (
        <dl class="summary">
          {rows.map((row) => (
            <div class="summary-row">
              <dt>{row.title}</dt>
              <dd>{row.summary}</dd>
              <dd class="summary-action">
                <a href={row.changeHref}>
                  {t('check.change')}
                  <span class="visually-hidden"> {row.title}</span>
                </a>
                <form method="post" action={row.removeAction} data-follow>
                  <button class="button button--secondary" type="submit">
                    {t('repeat.remove')}
                    <span class="visually-hidden"> {row.title}</span>
                  </button>
                </form>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <form method="post" action={action} novalidate data-follow>
        {canAdd ? (
          <fieldset class={error ? 'fieldset question question--error' : 'fieldset question'}>
            <legend class="legend">{t('repeat.another')}</legend>
            <ErrorMessage ui={ui} id="another-error" error={error} />
            <div class="choices choices--inline">
              {(['yes', 'no'] as const).map((value) => (
                <div class="choice">
                  <input type="radio" id={`another-${value}`} name={ANOTHER_FIELD} value={value} aria-invalid={error ? 'true' : undefined} />
                  <label for={`another-${value}`}>{t(`answers.${value}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
        ) : (
          <p>{t('repeat.atMax', { max: page.repeat?.max ?? 0 })}</p>
        )}
        <PageActions ui={ui} />
      </form>
    </Layout>
  );
}
