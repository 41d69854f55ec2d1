import type { ComponentChildren } from 'preact';
import { DECLINED_PART, fieldName } from '../../worker/engine/paths.ts';
import type { Question } from '../../worker/engine/questions/index.ts';
import type { Raw } from '../../worker/engine/questions/kind.ts';
import { Localized } from '../components/localized.tsx';
import { localized, type Ui } from '../ui.ts';
import { ErrorMessage } from '../components/error-message.tsx';

/** What every question view is given. */
export interface ViewProps<Q extends Question = Question> {
  ui: Ui;
  question: Q;
  /** Field values to show: what was just sent, or the saved answer. */
  raw: Raw;
  /** The error message, already in the page language. */
  error?: string;
  /** How "I don't want to answer" is offered here, if at all. */
  decline?: 'option' | 'checkbox';
  /** A saved answer that is never put back into the page, shown masked. */
  savedMask?: string;
  /** The page has just this question, so its label is the page heading. */
  isHeading?: boolean;
}

export const inputId = (question: Question, suffix = '') => `q-${question.id}${suffix ? `-${suffix}` : ''}`;
export const hintId = (question: Question) => `q-${question.id}-hint`;
export const errorId = (question: Question) => `q-${question.id}-error`;

export const describedBy = ({ question, error, savedMask }: ViewProps) =>
  [question.hint || savedMask ? hintId(question) : '', error ? errorId(question) : ''].filter(Boolean).join(' ') || undefined;

/** What read-aloud speaks: the form's own text for it, or the label, hint and options. */
function speech(ui: Ui, question: Question): string {
  if (question.readAloud) return localized(ui, question.readAloud).text;
  const parts = [question.label, question.hint, ...('options' in question ? question.options.map((option) => option.label) : []), ...('labels' in question ? question.labels : [])];
  return parts.filter((part) => part !== undefined).map((part) => localized(ui, part).text).join('. ');
}

function Decline({ ui, question, raw }: ViewProps) {
  const id = inputId(question, DECLINED_PART);
  return (
    <div class="choice decline">
      <input type="checkbox" id={id} name={fieldName({ question: question.id, part: DECLINED_PART })} value="yes" checked={raw.declined === 'yes'} />
      <label for={id}>{ui.t('question.decline')}</label>
    </div>
  );
}

/**
 * The parts every question shares: label or legend, hint, help, read-aloud, error message
 * (tied to the fields with aria-describedby) and the "I don't want to answer" checkbox.
 */
export function Frame(props: ViewProps & { group: boolean; children: ComponentChildren }) {
  const { ui, question, error, savedMask, group, children, decline, isHeading } = props;
  const label = <Localized ui={ui} text={question.label} />;
  const heading = isHeading ? <h1 class="question-heading">{label}</h1> : label;
  const title = group ? (
    <legend class={isHeading ? 'legend legend--heading' : 'legend'}>{heading}</legend>
  ) : (
    <label class="label" for={inputId(question)}>
      {heading}
    </label>
  );
  const body = (
    <>
      {title}
      <button type="button" class="read-aloud" data-speak={speech(ui, question)} hidden>
        {ui.t('question.readAloud')}
      </button>
      {(question.hint || savedMask) && (
        <div class="hint" id={hintId(question)}>
          {question.hint && <Localized ui={ui} text={question.hint} />}
          {savedMask && <span class="saved-mask">{ui.t('question.savedMasked', { value: savedMask })}</span>}
        </div>
      )}
      {question.help && (
        <details class="help">
          <summary>{ui.t('question.help')}</summary>
          <Localized ui={ui} text={question.help} paragraphs />
        </details>
      )}
      <ErrorMessage ui={ui} id={errorId(question)} error={error} />
      {children}
      {decline === 'checkbox' && <Decline {...props} />}
    </>
  );
  return group ? <fieldset class="fieldset" aria-describedby={describedBy(props)}>{body}</fieldset> : body;
}
