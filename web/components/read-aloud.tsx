import type { Ui } from '../ui.ts';

/**
 * A "read aloud" button for `text`, revealed by the read-aloud island where the browser can
 * speak; where the device has no voice for the page's language it says so in the status
 * next to it instead of reading with a wrong voice.
 */
export function ReadAloud({ ui, text, label }: { ui: Ui; text: string; label?: string }) {
  return (
    <span class="read-aloud-wrap">
      <button type="button" class="read-aloud" data-speak={text} data-no-voice={ui.t('childsVoice.readAloudNoVoice')} hidden>
        {label ?? ui.t('question.readAloud')}
      </button>
      <span class="read-aloud-status" role="status" />
    </span>
  );
}

/** Texts read one after the other, as sentences. */
export const spoken = (parts: (string | undefined)[]) =>
  parts
    .filter((part): part is string => !!part)
    .map((part) => part.trim().replace(/[.!?:;،؟]?$/, (end) => end || '.'))
    .join(' ');
