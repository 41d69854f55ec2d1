/** A repeatable page of a staff document (the action plan): its rows, each with change and remove, and "add". No JavaScript needed. */
import type { Page } from '../../worker/engine/schema.ts';
import { Localized } from '../components/localized.tsx';
import { localized, type Ui } from '../ui.ts';
import { StaffLayout } from '../staff/staff-layout.tsx';
import { StepNav, type Step } from './step-nav.tsx';

export interface RowsPageProps {
  ui: Ui;
  name: string;
  title: string;
  caseReference: string;
  summaryHref: string;
  steps: Step[];
  page: Page;
  rows: { title: string; lines: string[]; changeHref: string; removeAction: string }[];
  /** The next new row's address, while below the maximum. */
  addHref?: string;
  nextHref: string;
}

export function RowsPage({ ui, name, title, caseReference, summaryHref, steps, page, rows, addHref, nextHref }: RowsPageProps) {
  const { t } = ui;
  const itemName = page.repeat ? localized(ui, page.repeat.itemName).text : '';
  return (
    <StaffLayout ui={ui} title={`${localized(ui, page.title).text} – ${title}`} name={name}>
      <a class="back" href={summaryHref}>
        {title} {caseReference}
      </a>
      <StepNav ui={ui} steps={steps} />
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
              <dd>{row.lines.map((line) => <span class="line">{line}</span>)}</dd>
              <dd class="summary-action">
                <a href={row.changeHref}>
                  {t('check.change')}
                  <span class="visually-hidden"> {row.title}</span>
                </a>
                <form method="post" action={row.removeAction}>
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
      <div class="actions">
        {addHref ? (
          <a class="button button--secondary" href={addHref}>
            {t('assessment.addRow', { item: itemName.toLowerCase() })}
          </a>
        ) : (
          <p>{t('repeat.atMax', { max: page.repeat?.max ?? 0 })}</p>
        )}
        <a class="button" href={nextHref}>
          {t('page.continue')}
        </a>
      </div>
    </StaffLayout>
  );
}
