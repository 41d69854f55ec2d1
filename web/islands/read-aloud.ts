/**
 * Reveals the server-rendered "Read aloud" buttons where the browser can speak, and speaks
 * only with a voice for the page's language: where the device has none, the button's status
 * says so instead of reading Norwegian or Arabic with an English voice.
 */

/** Speech tags by page language (the page's `lang`); keep in step with LANGUAGE_INFO. */
const UTTERANCE_LANG: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB', se: 'se-NO', uk: 'uk-UA', pl: 'pl-PL', ar: 'ar', so: 'so-SO' };

/** Voice tags vary between platforms ("nb_NO", "no-NO", "NB-no"), so compare normalised. */
const tagOf = (voice: SpeechSynthesisVoice) => voice.lang.toLowerCase().replace(/_/g, '-');

function pickVoice(voices: SpeechSynthesisVoice[], lang: string): SpeechSynthesisVoice | undefined {
  const exact = voices.find((voice) => tagOf(voice).startsWith(lang));
  if (exact || (lang !== 'nb' && lang !== 'nn')) return exact;
  // Few devices have both written forms of Norwegian; any Norwegian voice beats an English one.
  return voices.find((voice) => /^(no|nb|nn)/.test(tagOf(voice)));
}

export function startReadAloud(): void {
  const synth = window.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return;
  const buttons = document.querySelectorAll<HTMLButtonElement>('button.read-aloud[data-speak]');
  if (!buttons.length) return;

  const lang = (document.documentElement.lang || '').toLowerCase().slice(0, 2);
  // Held here also because Chrome drops unreferenced utterances and never fires their end.
  let current: SpeechSynthesisUtterance | undefined;

  for (const button of buttons) {
    button.hidden = false;
    const status = button.nextElementSibling;
    button.addEventListener('click', () => {
      synth.cancel();
      for (const other of buttons) other.removeAttribute('data-speaking');
      // getVoices() may be empty until the browser has loaded them: then it cannot tell, and
      // the utterance goes out with its language for the platform to match.
      const voices = synth.getVoices();
      const voice = pickVoice(voices, lang);
      if (voices.length && !voice) {
        if (status) status.textContent = button.getAttribute('data-no-voice') ?? '';
        return;
      }
      const utterance = new SpeechSynthesisUtterance(button.getAttribute('data-speak') ?? '');
      const tag = UTTERANCE_LANG[lang];
      if (tag) utterance.lang = tag;
      if (voice) utterance.voice = voice;
      // A cancelled utterance may report its end after the next one started: only the current one counts.
      const done = () => {
        if (current !== utterance) return;
        current = undefined;
        button.removeAttribute('data-speaking');
      };
      utterance.addEventListener('end', done);
      utterance.addEventListener('error', done);
      current = utterance;
      button.setAttribute('data-speaking', '');
      synth.speak(utterance);
    });
  }
}
