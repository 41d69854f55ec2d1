/** Reveals the server-rendered "Les opp" buttons where the browser can speak. */

const UTTERANCE_LANG: Record<string, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** Voice tags vary between platforms ("nb_NO", "no-NO", "NB-no"), so compare normalised. */
const tagOf = (voice: SpeechSynthesisVoice) => voice.lang.toLowerCase().replace(/_/g, '-');

function pickVoice(synth: SpeechSynthesis, lang: string): SpeechSynthesisVoice | undefined {
  const voices = synth.getVoices();
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
  // getVoices() is often empty until the browser has loaded them; it then fires voiceschanged.
  let voice = pickVoice(synth, lang);
  synth.addEventListener?.('voiceschanged', () => {
    voice = pickVoice(synth, lang);
  });
  // Held here also because Chrome drops unreferenced utterances and never fires their end.
  let current: SpeechSynthesisUtterance | undefined;

  for (const button of buttons) {
    button.hidden = false;
    button.addEventListener('click', () => {
      synth.cancel();
      for (const other of buttons) other.removeAttribute('data-speaking');
      const utterance = new SpeechSynthesisUtterance(button.getAttribute('data-speak') ?? '');
      const tag = UTTERANCE_LANG[lang];
      if (tag) utterance.lang = tag;
      voice = voice ?? pickVoice(synth, lang);
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
