import type { Text } from '../../worker/core/language.ts';
import { localized, type Ui } from '../ui.ts';

/** A form text in the page language; paragraphs are separated by blank lines. */
export function Localized({ ui, text, paragraphs }: { ui: Ui; text: Text; paragraphs?: boolean }) {
  const { text: value, lang } = localized(ui, text);
  if (!paragraphs) return lang ? <span lang={lang}>{value}</span> : <>{value}</>;
  return (
    <>
      {value.split(/\n\s*\n/).map((paragraph) => (
        <p lang={lang}>{paragraph}</p>
      ))}
    </>
  );
}
