import type { ComponentChildren } from 'preact';
import type { Picture } from '../../worker/engine/questions/kind.ts';
import type { Ui } from '../ui.ts';

/** Our own line drawings (48 × 48, drawn with the text colour), one per picture a form may use. */
const DRAWINGS: Record<Picture, ComponentChildren> = {
  home: <path d="M6 24 24 8l18 16M10 21v21h28V21M20 42V31h8v11" />,
  school: <path d="M6 42V20h36v22ZM18 42V31h12v11M24 20V6h9v6h-9M12 26h4m16 0h4" />,
  way: <path d="M16 44 22 4m10 40L26 4m-2 36v4m0-16v4m0-16v3" />,
  adult: (
    <>
      <circle cx="24" cy="12" r="7" />
      <path d="M10 44V33a14 14 0 0 1 28 0v11" />
    </>
  ),
  friend: (
    <>
      <circle cx="15" cy="14" r="6" />
      <circle cx="33" cy="14" r="6" />
      <path d="M4 42v-8a11 11 0 0 1 22 0v8m-4 0v-8a11 11 0 0 1 22 0v8" />
    </>
  ),
  ear: <path d="M14 20a11 11 0 1 1 22 0c0 8-9 9-9 17a6 6 0 0 1-12 0M20 20a5 5 0 1 1 10 0c0 3-3 4-4 6" />,
  sun: (
    <>
      <circle cx="24" cy="24" r="8" />
      <path d="M24 4v6m0 28v6M4 24h6m28 0h6M10 10l4 4m20 20 4 4M38 10l-4 4M14 34l-4 4" />
    </>
  ),
  star: <path d="m24 4 6 14h14l-11 9 4 15-13-9-13 9 4-15L4 18h14Z" />,
  cloud: <path d="M12 30a8 8 0 0 1 1-16 11 11 0 0 1 21-2 9 9 0 0 1 2 18ZM16 36l-2 6m10-6-2 6m10-6-2 6" />,
  worry: (
    <>
      <circle cx="24" cy="24" r="19" />
      <path d="m14 15 6 3m14-3-6 3M17 34q7-6 14 0M18 23v1m12-1v1" />
    </>
  ),
  speech: <path d="M5 8h38v24H21l-9 8v-8H5ZM13 17h22m-22 7h14" />,
  thought: (
    <>
      <path d="M14 30a9 9 0 0 1 0-18 11 11 0 0 1 20 0 9 9 0 0 1 0 18Z" />
      <circle cx="12" cy="37" r="3" />
      <circle cx="7" cy="43" r="2" />
    </>
  ),
  path: <path class="forward" d="M5 24h32M27 13l11 11-11 11" />,
  people: (
    <>
      <circle cx="10" cy="16" r="5" />
      <circle cx="24" cy="12" r="6" />
      <circle cx="38" cy="16" r="5" />
      <path d="M2 40v-6a8 8 0 0 1 16 0m-4 6v-8a10 10 0 0 1 20 0v8m-4-6a8 8 0 0 1 16 0v6" />
    </>
  ),
};

/** A picture beside a question, for children who do not read yet; its text alternative is in the page language. */
export function PictureView({ ui, name }: { ui: Ui; name: Picture }) {
  return (
    <svg class={`picture picture--${name}`} viewBox="0 0 48 48" width="64" height="64" role="img" aria-label={ui.t(`childsVoice.pictures.${name}`)} focusable="false">
      <g fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">
        {DRAWINGS[name]}
      </g>
    </svg>
  );
}
