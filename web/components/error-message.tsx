import type { Ui } from '../ui.ts';

/** A field's error, tied to it by id (`<id>-error`), with a hidden "Error:" for screen readers. */
export function ErrorMessage({ ui, id, error }: { ui: Ui; id: string; error?: string }) {
  if (!error) return null;
  return (
    <p class="error-message" id={id}>
      <span class="visually-hidden">{ui.t('errors.prefix')} </span>
      {error}
    </p>
  );
}
