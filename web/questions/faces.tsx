import type { Ui } from '../ui.ts';

/** The moods of a smiley scale, saddest first, as the locale files name them. */
const MOODS: Record<3 | 5, string[]> = { 3: ['sad', 'neutral', 'happy'], 5: ['verySad', 'sad', 'neutral', 'happy', 'veryHappy'] };
/** How far the mouth bends, by mood: down for sad, up for happy. */
const BEND: Record<string, number> = { verySad: -5, sad: -3, neutral: 0, happy: 3, veryHappy: 5 };

/** Our own drawn face for one point of a smiley scale (no emoji, which differ between phones), with a text alternative. */
export function Face({ ui, points, index }: { ui: Ui; points: 3 | 5; index: number }) {
  const mood = MOODS[points][index] ?? 'neutral';
  const bend = BEND[mood] ?? 0;
  return (
    <svg class="face" viewBox="0 0 48 48" width="48" height="48" role="img" aria-label={ui.t(`childsVoice.faces.${mood}`)} focusable="false">
      <circle cx="24" cy="24" r="21" fill="#fd0" stroke="#0b0c0c" stroke-width="2.5" />
      <circle cx="17" cy="19" r="2.5" fill="#0b0c0c" />
      <circle cx="31" cy="19" r="2.5" fill="#0b0c0c" />
      <path d={`M15 ${32 - bend / 2}Q24 ${32 + bend * 1.5} 33 ${32 - bend / 2}`} fill="none" stroke="#0b0c0c" stroke-width="2.5" stroke-linecap="round" />
    </svg>
  );
}
