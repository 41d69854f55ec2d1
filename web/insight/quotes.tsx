/**
 * The quote queue: every free-text answer of a round waits here until the planner approves it
 * (as written, or with what identifies someone taken out) or rejects it. Only approved quotes
 * are ever shown on the dashboard.
 */
import { TextAreaField } from '../components/fields.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { StaffLayout } from '../staff/staff-layout.tsx';
import type { Ui } from '../ui.ts';

export interface QuoteView {
  id: string;
  question: string;
  group: string;
  text: string;
}

export interface QuotesProps {
  ui: Ui;
  name: string;
  back: string;
  action: string;
  roundName: string;
  pending: QuoteView[];
  approved: QuoteView[];
  rejected: number;
  error?: { id: string; text: string };
}

export function QuotesPage({ ui, name, back, action, roundName, pending, approved, rejected, error }: QuotesProps) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('insight.quotes.title')} name={name} hasError={!!error} here={action}>
      <a class="back" href={back}>
        {roundName}
      </a>
      <ErrorSummary ui={ui} errors={error ? [{ href: `#quote-${error.id}`, text: error.text }] : []} />
      <h1>{t('insight.quotes.title')}</h1>
      <p>{t('insight.quotes.intro')}</p>
      <h2>{t('insight.quotes.pending', { count: pending.length })}</h2>
      {pending.length === 0 && <p>{t('insight.quotes.nonePending')}</p>}
      {pending.map((quote, index) => (
        <form method="post" action={`${action}/${quote.id}`} class="quote-card" novalidate>
          <p class="hint">
            {quote.group} · {quote.question}
          </p>
          <TextAreaField ui={ui} id={`quote-${quote.id}`} name="text" label={t('insight.quotes.textLabel', { n: index + 1 })} hint={t('insight.quotes.textHint')} error={error?.id === quote.id ? error.text : undefined} value={quote.text} />
          <div class="actions">
            <button class="button" type="submit" name="decision" value="approve">
              {t('insight.quotes.approve')}
            </button>{' '}
            <button class="button button--warning" type="submit" name="decision" value="reject">
              {t('insight.quotes.reject')}
            </button>
          </div>
        </form>
      ))}
      <h2>{t('insight.quotes.approvedTitle', { count: approved.length })}</h2>
      {approved.map((quote) => (
        <figure class="quote-card">
          <blockquote class="quote">{quote.text}</blockquote>
          <figcaption class="hint">
            {quote.group} · {quote.question}
          </figcaption>
        </figure>
      ))}
      <p>{t('insight.quotes.rejectedCount', { count: rejected })}</p>
    </StaffLayout>
  );
}
