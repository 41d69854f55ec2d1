/**
 * Ignores a second tap on slow connections. The button is not disabled: that would drop
 * its name and value from the submission. The server is idempotent, so this only saves a request.
 */

const LOCK_MS = 10_000;

function guard(form: HTMLFormElement): void {
  let locked = false;
  form.addEventListener('submit', (event) => {
    if (locked) {
      event.preventDefault();
      return;
    }
    if (event.defaultPrevented) return;
    locked = true;
    setTimeout(() => (locked = false), LOCK_MS);
  });
  // Coming back with the browser's back button restores the page as it was: locked.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) locked = false;
  });
}

export function startDoubleSubmit(): void {
  const forms = new Set<HTMLFormElement>();
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-prevent-double]')) {
    if (button.form) forms.add(button.form);
  }
  forms.forEach(guard);
}
