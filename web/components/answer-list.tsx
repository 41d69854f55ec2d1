import type { Page } from '../../worker/engine/schema.ts';
import type { Question } from '../../worker/engine/questions/index.ts';
import type { Ui } from '../ui.ts';
import { Localized } from './localized.tsx';

export interface AnswerSection {
  page: Page;
  rows: { question: Question; lines: string[]; state: 'answered' | 'declined' | 'empty' }[];
}

/** Answers grouped by page; with `changeHref`, each row links back to its question. */
export function AnswerList({ ui, sections, changeHref }: { ui: Ui; sections: AnswerSection[]; changeHref?: (page: Page, question: Question) => string }) {
  const { t } = ui;
  return (
    <>
      {sections.map(({ page, rows }) => (
        <section>
          <h2>
            <Localized ui={ui} text={page.title} />
          </h2>
          <dl class="summary">
            {rows.map(({ question, lines, state }) => (
              <div class="summary-row">
                <dt>
                  <Localized ui={ui} text={question.label} />
                </dt>
                <dd>
                  {state === 'answered' ? lines.map((line) => <span class="line">{line}</span>) : <em>{t(state === 'declined' ? 'check.declined' : 'check.empty')}</em>}
                </dd>
                {changeHref && (
                  <dd class="summary-action">
                    <a href={changeHref(page, question)}>
                      {t('check.change')}
                      <span class="visually-hidden">
                        {' '}
                        <Localized ui={ui} text={question.label} />
                      </span>
                    </a>
                  </dd>
                )}
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
