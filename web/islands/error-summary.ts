/** GOV.UK error summary: announced and focused on load; its links move focus to the field. */

export function startErrorSummary(): void {
  const summary = document.querySelector<HTMLElement>('[data-error-summary]');
  if (!summary) return;
  summary.focus();

  summary.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    const href = link?.getAttribute('href') ?? '';
    if (!href.startsWith('#')) return;
    const field = document.getElementById(decodeURIComponent(href.slice(1)));
    if (!field) return;
    event.preventDefault();
    // Focus first: browsers without preventScroll (Safari before 15) jump to the field here,
    // and the scroll below then brings its label or legend back into view.
    field.focus({ preventScroll: true });
    (field.closest('.question') ?? field.closest('fieldset') ?? field).scrollIntoView();
  });
}
