/**
 * "Leave quickly" already works as a plain link; with JavaScript it also replaces this page
 * in the history, so the browser's back button does not lead straight back to the form.
 */
export function startQuickExit(): void {
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-quick-exit]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      window.location.replace(link.href);
    });
  }
}
