/**
 * Form fields for the staff and admin pages, in the GOV.UK Design System pattern: a label or
 * legend, an optional hint and an error message, all tied to the control. `aria-describedby`
 * lists the hint's and the error's ids (`<id>-hint`, `<id>-error`), and a field in error is
 * marked `aria-invalid` and drawn with the red bar.
 */
import type { ComponentChildren } from 'preact';
import type { Ui } from '../ui.ts';
import { ErrorMessage } from './error-message.tsx';

interface FieldProps {
  ui: Ui;
  /** The control's id; the hint and error ids derive from it. */
  id: string;
  /** The field name sent with the form; the id when not given. */
  name?: string;
  label: string;
  hint?: string;
  error?: string;
  /** A small label beside other controls (filters, a person's row) instead of a question of its own. */
  compact?: boolean;
}

const describedBy = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

/** What the control itself carries so assistive technology reads the hint and the error with it. */
const described = (id: string, hint?: string, error?: string) => ({ 'aria-describedby': describedBy(id, hint, error), 'aria-invalid': error ? ('true' as const) : undefined });

function wrapperClass(error: string | undefined, compact?: boolean) {
  const base = compact ? 'filter' : 'question';
  return error ? `${base} question--error` : base;
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  if (!hint) return null;
  return (
    <div class="hint" id={`${id}-hint`}>
      {hint}
    </div>
  );
}

/** A labelled control: the label, hint and error above it, as GOV.UK orders them. */
function Field({ ui, id, label, hint, error, compact, children }: FieldProps & { children: ComponentChildren }) {
  return (
    <div class={wrapperClass(error, compact)}>
      <label class={compact ? 'label label--small' : 'label'} for={id}>
        {label}
      </label>
      <Hint id={id} hint={hint} />
      <ErrorMessage ui={ui} id={`${id}-error`} error={error} />
      {children}
    </div>
  );
}

export interface TextFieldProps extends FieldProps {
  value?: string;
  type?: 'text' | 'email' | 'tel' | 'search';
  /** Narrower than the column, sized to the expected answer. */
  width?: 'w6' | 'w20';
  autocomplete?: string;
  spellcheck?: boolean;
  inputmode?: 'numeric';
  /** Shown to be copied (a new link or key), not changed. */
  readonly?: boolean;
}

export function TextField({ value, type = 'text', width, autocomplete, spellcheck, inputmode, readonly, ...field }: TextFieldProps) {
  const { id, name, hint, error } = field;
  return (
    <Field {...field}>
      <input
        class={width ? `input input--${width}` : 'input'}
        type={type}
        id={id}
        name={name ?? id}
        value={value}
        autocomplete={autocomplete}
        spellcheck={spellcheck}
        inputmode={inputmode}
        readonly={readonly}
        {...described(id, hint, error)}
      />
    </Field>
  );
}

/** Several lines of text (a list of options, a quote to redact). */
export function TextAreaField({ value, rows = 4, ...field }: FieldProps & { value?: string; rows?: number }) {
  const { id, name, hint, error } = field;
  return (
    <Field {...field}>
      <textarea class="textarea" id={id} name={name ?? id} rows={rows} {...described(id, hint, error)}>
        {value}
      </textarea>
    </Field>
  );
}

export interface Option {
  value: string;
  text: string;
}

export interface SelectFieldProps extends FieldProps {
  options: Option[];
  /** The chosen option's value; with none, the browser shows the first. */
  value?: string | null;
}

export function SelectField({ options, value, ...field }: SelectFieldProps) {
  const { id, name, hint, error } = field;
  return (
    <Field {...field}>
      <select class="select" id={id} name={name ?? id} {...described(id, hint, error)}>
        {options.map((option) => (
          <option value={option.value} selected={value === option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </Field>
  );
}

export interface FieldsetProps {
  ui: Ui;
  /** The base of the hint and error ids. */
  id: string;
  legend: ComponentChildren;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}

/** A group of controls under one legend; the fieldset carries the hint and the error. */
export function Fieldset({ ui, id, legend, hint, error, children }: FieldsetProps) {
  return (
    <div class={wrapperClass(error)}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend class="legend">{legend}</legend>
        <Hint id={id} hint={hint} />
        <ErrorMessage ui={ui} id={`${id}-error`} error={error} />
        {children}
      </fieldset>
    </div>
  );
}

/** One radio or checkbox: the real input under the drawn box, its label the target row. */
function Choice({ type, id, name, value, checked, label }: { type: 'radio' | 'checkbox'; id: string; name: string; value: string; checked: boolean; label: string }) {
  return (
    <div class="choice">
      <input type={type} id={id} name={name} value={value} checked={checked} />
      <label for={id}>{label}</label>
    </div>
  );
}

interface ChoicesProps {
  ui: Ui;
  name: string;
  legend: ComponentChildren;
  options: Option[];
  hint?: string;
  error?: string;
  /** Side by side where they fit, for short option texts. */
  inline?: boolean;
}

const choicesClass = (inline?: boolean) => (inline ? 'choices choices--inline' : 'choices');

/** One answer of several. The first radio's id is the name, so the error summary links to it. */
export function RadiosField({ value, ...props }: ChoicesProps & { value: string }) {
  const { ui, name, legend, options, hint, error, inline } = props;
  return (
    <Fieldset ui={ui} id={name} legend={legend} hint={hint} error={error}>
      <div class={choicesClass(inline)}>
        {options.map((option, index) => (
          <Choice type="radio" id={index === 0 ? name : `${name}-${option.value}`} name={name} value={option.value} checked={value === option.value} label={option.text} />
        ))}
      </div>
    </Fieldset>
  );
}

/** The checkboxes alone, for a group whose fieldset holds more (a person's roles and unit). */
export function Checkboxes({ name, idPrefix, options, values, inline }: { name: string; idPrefix: string; options: Option[]; values: readonly string[]; inline?: boolean }) {
  return (
    <div class={choicesClass(inline)}>
      {options.map((option) => (
        <Choice type="checkbox" id={`${idPrefix}-${option.value}`} name={name} value={option.value} checked={values.includes(option.value)} label={option.text} />
      ))}
    </div>
  );
}

/** Any number of answers; each box's id is `<idPrefix>-<value>`. */
export function CheckboxesField({ idPrefix, values, ...props }: ChoicesProps & { idPrefix: string; values: readonly string[] }) {
  const { ui, name, legend, options, hint, error, inline } = props;
  return (
    <Fieldset ui={ui} id={name} legend={legend} hint={hint} error={error}>
      <Checkboxes name={name} idPrefix={idPrefix} options={options} values={values} inline={inline} />
    </Fieldset>
  );
}

/** A single yes/no box that needs no legend of its own. */
export function CheckboxField({ id, name, label, checked }: { id: string; name?: string; label: string; checked: boolean }) {
  return (
    <div class="question">
      <Choice type="checkbox" id={id} name={name ?? id} value="yes" checked={checked} label={label} />
    </div>
  );
}
