/**
 * Section 8.4 of the local plan as a page to print: the staff frame (in the planner's language)
 * around the document itself, in the municipality's written standard (`doc`). Each chart is
 * followed by its data table; links and hints are left out of the print.
 */
import { StaffLayout } from '../staff/staff-layout.tsx';
import type { Ui } from '../ui.ts';
import { QuestionFigure, RatesTable } from './dashboard.tsx';
import type { Theme } from '../../worker/core/vocabulary.ts';
import type { QuestionView } from './dashboard.tsx';

export interface DocumentTheme {
  id: Theme;
  title: string;
  questions: QuestionView[];
  quotes: string[];
  /** Asked in this round, but no figure of it could be shown; or not asked at all. */
  empty?: 'noFigures' | 'notAsked';
}

export interface PlanDocument {
  municipality: string;
  round: { name: string; opensOn: string; closesOn: string };
  previousName?: string;
  method: {
    threshold: number;
    respondents: number | null;
    groups: { group: string; respondents: number | null }[];
    rates: { unit: string; group: string; respondents: number | null; invited: number | null; rate: number | null }[];
  };
  parts: { id: string; themes: DocumentTheme[] }[];
  /** Sentences for the draft of 8.3, each naming a theme. */
  draft: { strengths: string[]; improvements: string[]; changes: string[] };
}

export interface DocumentPageProps {
  ui: Ui;
  /** The document's own language: the municipality's written standard. */
  doc: Ui;
  name: string;
  here: string;
  back: string;
  docx: string;
  document: PlanDocument;
}

function PlanDocumentBody({ doc, document }: { doc: Ui; document: PlanDocument }) {
  const { t } = doc;
  const { method, draft } = document;
  return (
    <article class="plan-document" lang={doc.lang}>
      <p class="letter-from">{document.municipality}</p>
      <h1>{t('insight.document.title')}</h1>
      <p>{t('insight.document.intro', { round: document.round.name, opens: document.round.opensOn, closes: document.round.closesOn })}</p>
      {document.previousName && <p>{t('insight.dashboard.comparedWith', { round: document.previousName })}</p>}
      <h2>{t('insight.document.methodTitle')}</h2>
      <p>{t('insight.document.methodWho', { respondents: method.respondents ?? t('insight.suppressed') })}</p>
      <ul>
        {method.groups.map((group) => (
          <li>
            {group.group}: {group.respondents ?? t('insight.suppressed')}
          </li>
        ))}
      </ul>
      <p>{t('insight.method.rule', { threshold: method.threshold })}</p>
      <RatesTable ui={doc} rates={method.rates} />
      {document.parts.map((part) => (
        <section aria-labelledby={`part-${part.id}`}>
          <h2 id={`part-${part.id}`}>{t(`insight.document.parts.${part.id}`)}</h2>
          {part.themes.map((theme) => (
            <section class="theme" aria-labelledby={`theme-${theme.id}`}>
              <h3 id={`theme-${theme.id}`}>{theme.title}</h3>
              {theme.empty && <p>{t(`insight.document.${theme.empty}`)}</p>}
              {theme.questions.map((question) => (
                <QuestionFigure ui={doc} question={question} level={4} />
              ))}
              {theme.quotes.length > 0 && (
                <>
                  <h4>{t('insight.dashboard.quotesTitle')}</h4>
                  {theme.quotes.map((quote) => (
                    <blockquote class="quote">{quote}</blockquote>
                  ))}
                </>
              )}
            </section>
          ))}
        </section>
      ))}
      <section class="draft" aria-labelledby="draft-title">
        <h2 id="draft-title">{t('insight.document.draftTitle')}</h2>
        <p class="draft-note">{t('insight.document.draftNote')}</p>
        {draft.strengths.length === 0 && <p>{t('insight.document.draftNone')}</p>}
        {draft.strengths.length > 0 && (
          <>
            <h3>{t('insight.document.strengthsTitle')}</h3>
            <ul>
              {draft.strengths.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </>
        )}
        {draft.improvements.length > 0 && (
          <>
            <h3>{t('insight.document.improvementsTitle')}</h3>
            <ul>
              {draft.improvements.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </>
        )}
        {draft.changes.length > 0 && (
          <>
            <h3>{t('insight.document.changesTitle')}</h3>
            <ul>
              {draft.changes.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}

export function DocumentPage({ ui, doc, name, here, back, docx, document }: DocumentPageProps) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={doc.t('insight.document.title')} name={name} here={here}>
      <div class="no-print">
        <a class="back" href={back}>
          {t('insight.dashboard.titleOf', { round: document.round.name })}
        </a>
        <p>{t('insight.document.printHint')}</p>
        <p>
          <a href={docx}>{t('insight.dashboard.docx')}</a>
        </p>
      </div>
      <PlanDocumentBody doc={doc} document={document} />
    </StaffLayout>
  );
}
