import type { Question } from '../../worker/engine/questions/index.ts';
import { fieldName } from '../../worker/engine/paths.ts';
import { Localized } from '../components/localized.tsx';
import { Frame, inputId, type ViewProps } from './frame.tsx';

type MultipleChoice = Extract<Question, { type: 'multiple-choice' }>;

export function CheckboxesView(props: ViewProps<MultipleChoice>) {
  const { question, ui, raw, error } = props;
  const chosen = new Set(Array.isArray(raw['']) ? raw[''] : raw[''] ? [raw['']] : []);
  return (
    <Frame {...props} group>
      {question.maxSelected && <p class="limit">{ui.t('question.maxSelected', { max: question.maxSelected })}</p>}
      <div class="choices">
        {question.options.map((option) => {
          const id = inputId(question, option.value);
          return (
            <div class="choice">
              <input type="checkbox" id={id} name={fieldName({ question: question.id })} value={option.value} checked={chosen.has(option.value)} aria-invalid={error ? 'true' : undefined} />
              <label for={id}>
                <Localized ui={ui} text={option.label} />
              </label>
            </div>
          );
        })}
      </div>
    </Frame>
  );
}
