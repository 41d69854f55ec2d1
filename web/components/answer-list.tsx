import type { DocumentAnswer, DocumentRow, DocumentSection } from '../../worker/engine/output.ts';
import type { Page } from '../../worker/engine/schema.ts';
import { localized, type Ui } from '../ui.ts';
import { Localized } from './localized.tsx';

/** Where a "Change" link for one answer goes. */
export type ChangeHref = (page: Page, answer: DocumentAnswer) => string;

/**
 * An answer's lines; with `positions` (for staff), a scale answer also says where on the scale
 * it lies ("2 of 5: Bad"), as a face alone does not.
 */
export const answerLines = (ui: Ui, answer: DocumentAnswer, positions = false): string[] =>
  positions && answer.position ? [ui.t('response.scale', { ...answer.position, answer: answer.cell.join(' ') })] : answer.cell;

function Answers({ ui, page, row, changeHref, positions }: { ui: Ui; page: Page; row: DocumentRow; changeHref?: ChangeHref; positions?: boolean }) {
  const { t } = ui;
  return (
    <dl class="summary">
      {row.answers.map((answer) => (
        <div class="summary-row">
          <dt>
            <Localized ui={ui} text={answer.question.label} />
          </dt>
          <dd>
            {answer.state === 'answered' ? answerLines(ui, answer, positions).map((line) => <span class="line">{line}</span>) : <em>{t(answer.state === 'declined' ? 'check.declined' : 'check.empty')}</em>}
          </dd>
          {changeHref && (
            <dd class="summary-action">
              <a href={changeHref(page, answer)}>
                {t('check.change')}
                <span class="visually-hidden">
                  {' '}
                  <Localized ui={ui} text={answer.question.label} />
                </span>
              </a>
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}

/** The heading of one row of a repeatable page: "Child 2". */
export const rowTitle = (ui: Ui, page: Page, number: number) => ui.t('repeat.item', { item: page.repeat ? localized(ui, page.repeat.itemName).text : '', number });

/**
 * Answers grouped by page, rows of repeatable pages each under their own heading; with
 * `changeHref`, each answer links back; with `positions`, scale answers say their point.
 */
export function AnswerList(props: { ui: Ui; sections: DocumentSection[]; changeHref?: ChangeHref; listHref?: (page: Page) => string; positions?: boolean }) {
  const { ui, sections, changeHref, listHref, positions } = props;
  return (
    <>
      {sections.map(({ page, rows }) => (
        <section>
          <h2>
            <Localized ui={ui} text={page.title} />
          </h2>
          {page.repeat && rows.length === 0 && <p>{ui.t('repeat.none')}</p>}
          {page.repeat && listHref && (
            <p>
              {/* The list is where items are added and removed. */}
              <a href={listHref(page)}>
                {ui.t('check.change')}
                <span class="visually-hidden">
                  {' '}
                  <Localized ui={ui} text={page.title} />
                </span>
              </a>
            </p>
          )}
          {rows.map((row) =>
            row.number ? (
              <>
                <h3>{rowTitle(ui, page, row.number)}</h3>
                <Answers ui={ui} page={page} row={row} changeHref={changeHref} positions={positions} />
              </>
            ) : (
              <Answers ui={ui} page={page} row={row} changeHref={changeHref} positions={positions} />
            ),
          )}
        </section>
      ))}
    </>
  );
}
