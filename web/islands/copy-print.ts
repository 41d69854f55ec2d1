/**
 * The link shown once: "copy the link" puts it on the clipboard and says so; "print the
 * letter" opens the browser's print (the print styles leave only the letter). Both buttons are
 * hidden until this runs, so a page without JavaScript offers nothing that does nothing.
 */
export function startCopyPrint(): void {
  const status = document.querySelector<HTMLElement>('[data-copy-status]');
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const field = document.getElementById(button.dataset.copy ?? '');
    if (!(field instanceof HTMLInputElement) || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(field.value);
      if (status) status.textContent = button.dataset.copied ?? '';
    });
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }
}
