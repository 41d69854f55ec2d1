/**
 * Nynorsk keeps one infinitive form: the a-infinitive ("å svara", "kan hoppa"), never mixed
 * with e-infinitives ("å svare") in the interface or in a form. The check looks where an
 * infinitive must stand (after "å" and after the modal verbs), so it cannot see every verb,
 * but it sees the mixes people notice.
 */
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../worker/core/i18n/translate.ts';
import { compiledForms } from '../../worker/generated/forms.ts';

const LETTER = 'a-zæøåA-ZÆØÅ';
const INFINITIVE = new RegExp(`(?<![${LETTER}])(?:å|kan|vil|skal|må|får|bør|kunne|ville|skulle)(?: ikkje| òg| også| berre| gjerne)? ([a-zæøå]{3,}e)(?![${LETTER}])`, 'g');
/** Words ending in -e that follow those words without being infinitives. */
const NOT_VERBS = new Set(['ikkje', 'berre', 'gjerne', 'dette', 'denne', 'mange', 'alle', 'andre', 'nokre', 'same', 'heile', 'eige', 'betre', 'færre', 'tilbake', 'vidare', 'inne', 'ute', 'sidene', 'kvarandre', 'kanskje', 'ofte']);

/** Every e-infinitive in a text, as "… word" for the failure message. */
const eInfinitives = (text: string) => [...text.matchAll(INFINITIVE)].filter((match) => !NOT_VERBS.has(match[1]!)).map((match) => match[0]);

type Texts = string | { [key: string]: Texts } | Texts[];
function* nynorskIn(value: unknown, inNynorsk = false): Generator<string> {
  if (typeof value === 'string') {
    if (inNynorsk) yield value;
  } else if (Array.isArray(value)) {
    for (const item of value) yield* nynorskIn(item, inNynorsk);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* nynorskIn(item, inNynorsk || key === 'nn');
  }
}

describe('nynorsk', () => {
  it('the check finds an e-infinitive, and passes the a-infinitive', () => {
    expect(eInfinitives('Du kan hoppe over alt du ikkje vil svare på.')).toEqual(['kan hoppe', 'vil svare']);
    expect(eInfinitives('Du kan hoppa over alt du ikkje vil svara på, for å få betre hjelp.')).toEqual([]);
  });

  it('the interface uses the a-infinitive throughout', () => {
    expect([...nynorskIn(LOCALES.nn as Texts, true)].flatMap(eInfinitives)).toEqual([]);
  });

  it.each(Object.keys(compiledForms))('form %s uses the a-infinitive in its nynorsk texts', (formId) => {
    expect([...nynorskIn(compiledForms[formId]!.definition)].flatMap(eInfinitives)).toEqual([]);
  });
});
