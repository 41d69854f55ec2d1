import type { Ui } from '../ui.ts';

export interface SummaryError {
  /** Where the link goes: `#field-id` on the same page, or another page's field. */
  href: string;
  text: string;
}

/** The GOV.UK error summary: focused on load by the island, each error links to its field. */
export function ErrorSummary({ ui, errors }: { ui: Ui; errors: SummaryError[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1} data-error-summary>
      <h2 id="error-summary-title">{ui.t('errors.summaryTitle')}</h2>
      <ul>
        {errors.map((error) => (
          <li>
            <a href={error.href}>{error.text}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
