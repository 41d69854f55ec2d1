import type { ComponentChildren } from 'preact';
import { DECLINED_PART, fieldName } from '../../worker/engine/paths.ts';
import type { Question } from '../../worker/engine/questions/index.ts';
import { single } from '../../worker/engine/questions/kind.ts';
import { YES_NO_VALUES } from '../../worker/engine/questions/yes-no.ts';
import { DECLINE_OPTION } from '../../worker/engine/page-input.ts';
import { Localized } from '../components/localized.tsx';
import { Frame, inputId, type ViewProps } from './frame.tsx';
import { Face } from './faces.tsx';

type RadioQuestion = Extract<Question, { type: 'single-choice' | 'smiley-scale' | 'yes-no' }>;

interface RadioOption {
  value: string;
  label: ComponentChildren;
  face?: ComponentChildren;
}

function optionsOf({ question, ui }: ViewProps<RadioQuestion>): RadioOption[] {
  switch (question.type) {
    case 'single-choice':
      return question.options.map((option) => ({ value: option.value, label: <Localized ui={ui} text={option.label} /> }));
    case 'smiley-scale':
      return question.labels.map((label, index) => ({
        value: String(index + 1),
        label: <Localized ui={ui} text={label} />,
        face: <Face ui={ui} points={question.points} index={index} />,
      }));
    case 'yes-no':
      return (question.dontKnow ? YES_NO_VALUES : YES_NO_VALUES.slice(0, 2)).map((value) => ({ value, label: ui.t(`answers.${value}`) }));
  }
}

/** Single choice, smiley scale and yes/no: one radio per answer, each with a text label. */
export function RadiosView(props: ViewProps<RadioQuestion>) {
  const { question, ui, raw, error, decline } = props;
  const chosen = single(raw);
  const options = optionsOf(props);
  if (decline === 'option') options.push({ value: DECLINE_OPTION, label: ui.t('question.decline') });
  const smiley = question.type === 'smiley-scale';
  return (
    <Frame {...props} group>
      <div class={smiley ? 'choices choices--smiley' : 'choices'}>
        {options.map((option) => {
          const id = inputId(question, option.value === DECLINE_OPTION ? DECLINED_PART : option.value);
          return (
            <div class={option.value === DECLINE_OPTION ? 'choice decline' : 'choice'}>
              <input type="radio" id={id} name={fieldName({ question: question.id })} value={option.value} checked={chosen === option.value} aria-invalid={error ? 'true' : undefined} />
              <label for={id}>
                {option.face}
                <span class="choice-text">{option.label}</span>
              </label>
            </div>
          );
        })}
      </div>
    </Frame>
  );
}
