/**
 * Right-to-left lines for the PDF. fontkit (under pdf-lib) shapes Arabic with the font's contextual
 * forms and sets a run in a right-to-left script backwards, but knows nothing of the Unicode
 * Bidirectional Algorithm: a number or a Latin word inside Arabic would come out reversed, and a
 * line's parts in the wrong order. So a line is split into runs of one embedding level (bidi-js),
 * the runs are put in visual order, and each is handed over so that fontkit's own reversal (or
 * none) leaves it reading the right way.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

export type Direction = 'ltr' | 'rtl';

/** A paragraph's direction: that of its first strong letter (left to right when it has none). */
export const direction = (paragraph: string): Direction => ((bidi.getEmbeddingLevels(paragraph).paragraphs[0]?.level ?? 0) % 2 ? 'rtl' : 'ltr');

const reversed = (text: string) => [...text].reverse().join('');

/**
 * One line as the strings to draw from left to right, one after the other. `setRightToLeft` tells
 * whether drawing a string reverses it (fontkit does for an Arabic run).
 */
export function visualRuns(line: string, paragraph: Direction, setRightToLeft: (text: string) => boolean): string[] {
  const { levels } = bidi.getEmbeddingLevels(line, paragraph);
  if (levels.every((level) => level === 0)) return [line];
  // Runs of one level in reading order; a right-to-left character takes its mirror image, "(" for ")".
  const runs: { level: number; text: string }[] = [];
  for (let index = 0; index < line.length; index++) {
    const level = levels[index]!;
    const char = (level % 2 && bidi.getMirroredCharacter(line[index]!)) || line[index]!;
    const last = runs.at(-1);
    if (last?.level === level) last.text += char;
    else runs.push({ level, text: char });
  }
  // Rule L2: from the highest level down to 1, reverse the order of every stretch of runs at that
  // level or above. (A run's own letters end up reversed when its level is odd, below.)
  for (let level = Math.max(...levels); level >= 1; level--) {
    for (let start = 0; start < runs.length; start++) {
      if (runs[start]!.level < level) continue;
      let end = start;
      while (end + 1 < runs.length && runs[end + 1]!.level >= level) end++;
      runs.splice(start, end - start + 1, ...runs.slice(start, end + 1).reverse());
      start = end;
    }
  }
  // A right-to-left run must come out reversed, a left-to-right one as it is: reverse it here
  // exactly when drawing will not do so.
  return runs.map(({ level, text }) => ((level % 2 === 1) !== setRightToLeft(text) ? reversed(text) : text));
}
