/**
 * The one script every page loads (deferred). Each enhancement is optional: pages work
 * fully without it, so one failing on an odd old browser must not stop the others.
 */
import { startAutosave } from './autosave.ts';
import { startConditional } from './conditional.ts';
import { startCopyPrint } from './copy-print.ts';
import { startDoubleSubmit } from './double-submit.ts';
import { startErrorSummary } from './error-summary.ts';
import { startFollow } from './follow.ts';
import { startQuickExit } from './quick-exit.ts';
import { startReadAloud } from './read-aloud.ts';

function start(): void {
  // Conditional first, so hidden questions are disabled before anything reads the form.
  for (const enhance of [startConditional, startQuickExit, startReadAloud, startAutosave, startErrorSummary, startDoubleSubmit, startCopyPrint]) {
    try {
      enhance();
    } catch {
      // Without this enhancement the page still works as it does without JavaScript.
    }
  }
}

function startOnce(): void {
  start();
  try {
    // Each page this brings in is started afresh.
    startFollow(start);
  } catch {
    // Forms then submit as they do without JavaScript.
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startOnce);
else startOnce();
