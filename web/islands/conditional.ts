/**
 * Shows and hides questions that depend on an earlier answer on the same page, with the
 * very rules the server uses (`isShown`). Without JavaScript every question is shown,
 * with a note saying when to answer it.
 */
import type { AnswerValue } from '../../worker/engine/answer.ts';
import { isShown, type ShowIf } from '../../worker/engine/condition.ts';
import { DECLINED_PART, fieldName } from '../../worker/engine/paths.ts';

/** The value a "I don't want to answer" radio sends (DECLINE_OPTION on the server). */
const DECLINE_OPTION = '~declined';
const DECLINED: AnswerValue = { declined: true };
const CONTROLS = 'input,select,textarea';

/**
 * The answer the form currently holds for one question. Disabled controls are skipped:
 * they are not sent, just as the server forgets answers to questions it hides.
 */
function answerOf(form: HTMLFormElement, id: string): AnswerValue | undefined {
  let value: string | undefined;
  let checked: string[] | undefined;
  for (const control of form.querySelectorAll<HTMLInputElement>(CONTROLS)) {
    if (control.disabled) continue;
    // The separate "I don't want to answer" checkbox some question kinds have.
    if (control.name === fieldName({ question: id, part: DECLINED_PART })) {
      if (control.checked) return DECLINED;
      continue;
    }
    if (control.name !== fieldName({ question: id })) continue;
    if (control.type === 'radio') {
      if (control.checked) value = control.value;
    } else if (control.type === 'checkbox') {
      if (control.checked) (checked ??= []).push(control.value);
    } else if (control.value.trim()) {
      value = control.value.trim();
    }
  }
  if (value === DECLINE_OPTION) return DECLINED;
  return checked ?? value;
}

function watch(form: HTMLFormElement): void {
  const wrappers: { element: HTMLElement; showIf: ShowIf }[] = [];
  for (const element of form.querySelectorAll<HTMLElement>('[data-show-if]')) {
    try {
      wrappers.push({ element, showIf: JSON.parse(element.getAttribute('data-show-if') ?? '') as ShowIf });
    } catch {
      // Unreadable rule: leave the question shown, as without JavaScript.
    }
  }
  if (!wrappers.length) return;
  for (const note of form.querySelectorAll<HTMLElement>('.conditional-note')) note.hidden = true;

  const update = () => {
    // In page order, so a question hidden here no longer counts for questions after it.
    // (No destructuring in for-of: esbuild cannot lower it for Chrome 70 / Safari 12.)
    for (const wrapper of wrappers) {
      const element = wrapper.element;
      const showIf = wrapper.showIf;
      const answers: Record<string, AnswerValue> = {};
      for (const condition of Array.isArray(showIf) ? showIf : [showIf]) {
        const answer = answerOf(form, condition.question);
        if (answer !== undefined) answers[condition.question] = answer;
      }
      const hidden = !isShown(showIf, answers);
      if (element.hidden === hidden) continue;
      element.hidden = hidden;
      // Disabled controls are not submitted, so a hidden answer is neither saved nor sent.
      for (const control of element.querySelectorAll<HTMLInputElement>(CONTROLS)) control.disabled = hidden;
    }
  };
  form.addEventListener('change', update);
  form.addEventListener('input', update);
  // Returning through the back/forward cache can bring back other values than we last saw.
  window.addEventListener('pageshow', update);
  update();
}

export function startConditional(): void {
  for (const form of document.querySelectorAll('form')) watch(form);
}
