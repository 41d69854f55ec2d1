/**
 * LIX (Björnsson): words per sentence plus the share of long words (more than six letters) in
 * percent. Each text counts as at least one sentence, as a reader meets it (an answer such as
 * "Sometimes" has no full stop).
 */
export function lix(texts: readonly string[]): number {
  let words = 0;
  let long = 0;
  let sentences = 0;
  for (const text of texts) {
    const found = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
    words += found.length;
    long += found.filter((word) => [...word.replace(/['’-]/g, '')].length > 6).length;
    sentences += Math.max(1, (text.match(/[.!?:]+(?=\s|$)/g) ?? []).length);
  }
  return words / sentences + (100 * long) / words;
}

/** Every text of a form (or any value holding per-language texts) in one language. */
export function textsIn(value: unknown, lang: string): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => textsIn(item, lang));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === lang && typeof item === 'string' ? [item] : textsIn(item, lang)));
}
