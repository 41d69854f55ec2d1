/**
 * Saves the page in the background as it is filled in, so a closed tab or a flat battery
 * loses little. Purely a bonus: the normal submit saves everything anyway.
 */
import { SNAPSHOT_FIELD } from '../../worker/engine/paths.ts';

const CHANGE_DELAY = 400;
const TYPING_DELAY = 1500;

function watch(form: HTMLFormElement): void {
  const status = form.querySelector<HTMLElement>('.autosave-status');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saving = false;
  let again = false;

  const save = async () => {
    timer = undefined;
    // One request at a time, so an older save cannot land after a newer one.
    if (saving) {
      again = true;
      return;
    }
    saving = true;
    try {
      // The cast: TypeScript's URLSearchParams does not list FormData, which browsers accept.
      const body = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
      body.set('_action', 'autosave');
      const response = await fetch(form.action, {
        method: 'POST',
        body,
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
      const result = response.ok ? ((await response.json()) as { saved?: unknown; draft?: unknown }) : undefined;
      // The page's snapshot of the draft follows the save, so the next save still needs no read.
      const snapshot = form.querySelector<HTMLInputElement>(`input[name="${SNAPSHOT_FIELD}"]`);
      if (snapshot && typeof result?.draft === 'string') snapshot.value = result.draft;
      if (result?.saved === true && status) status.textContent = status.getAttribute('data-saved-text') ?? '';
    } catch {
      // Offline or refused: say nothing, the normal submit still saves.
    } finally {
      saving = false;
      if (again) {
        again = false;
        void save();
      }
    }
  };

  const schedule = (delay: number) => {
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  };

  form.addEventListener('change', () => schedule(CHANGE_DELAY));
  form.addEventListener('input', (event) => {
    const target = event.target;
    const typed = target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'radio' && target.type !== 'checkbox');
    // Wait for a pause in typing rather than posting every keystroke.
    if (typed) schedule(TYPING_DELAY);
  });
  // The real submit carries the same values; a background save now would only race it.
  form.addEventListener('submit', () => {
    clearTimeout(timer);
    timer = undefined;
    again = false;
  });
}

export function startAutosave(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-autosave]')) watch(form);
}
