import type { ComponentChildren } from 'preact';
import { DECLINED_PART, fieldName } from '../../worker/engine/paths.ts';
import type { Question } from '../../worker/engine/questions/index.ts';
import type { Raw } from '../../worker/engine/questions/kind.ts';
import { Localized } from '../components/localized.tsx';
import { localized, type Ui } from '../ui.ts';
import { ErrorMessage } from '../components/error-message.tsx';
import { ReadAloud, spoken } from '../components/read-aloud.tsx';
import { YES_NO_VALUES } from '../../worker/engine/questions/yes-no.ts';
import { PictureView } from './pictures.tsx';

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

/** The answers a question offers as the respondent sees them, in the page language. */
function answerTexts(ui: Ui, question: Question): string[] {
  if ('options' in question) return question.options.map((option) => localized(ui, option.label).text);
  if ('labels' in question) return question.labels.map((label) => localized(ui, label).text);
  if (question.type === 'yes-no') return (question.dontKnow ? YES_NO_VALUES : YES_NO_VALUES.slice(0, 2)).map((value) => ui.t(`answers.${value}`));
  return [];
}

/** What read-aloud speaks: the form's own text for it, or the label, hint, answers and "I don't want to answer". */
export function speech(ui: Ui, question: Question, decline?: 'option' | 'checkbox'): string {
  if (question.readAloud) return localized(ui, question.readAloud).text;
  const text = (part: Question['label'] | undefined) => part && localized(ui, part).text;
  return spoken([text(question.label), text(question.hint), ...answerTexts(ui, question), decline ? ui.t('question.decline') : undefined]);
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
      {question.picture && <PictureView ui={ui} name={question.picture} />}
      <ReadAloud ui={ui} text={speech(ui, question, decline)} />
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
