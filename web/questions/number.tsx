import type { Question } from '../../worker/engine/questions/index.ts';
import { fieldName } from '../../worker/engine/paths.ts';
import { single } from '../../worker/engine/questions/kind.ts';
import { Localized } from '../components/localized.tsx';
import { describedBy, Frame, inputId, type ViewProps } from './frame.tsx';

type NumberQuestion = Extract<Question, { type: 'number' }>;

export function NumberView(props: ViewProps<NumberQuestion>) {
  const { question, ui, raw, error } = props;
  return (
    <Frame {...props} group={false}>
      <div class="with-unit">
        <input
          class="input input--w6"
          type="text"
          inputmode={question.integer ? 'numeric' : 'decimal'}
          id={inputId(question)}
          name={fieldName({ question: question.id })}
          value={single(raw)}
          aria-describedby={[describedBy(props), question.unit ? inputId(question, 'unit') : ''].filter(Boolean).join(' ') || undefined}
          aria-invalid={error ? 'true' : undefined}
        />
        {question.unit && (
          <span class="unit" id={inputId(question, 'unit')}>
            <Localized ui={ui} text={question.unit} />
          </span>
        )}
      </div>
    </Frame>
  );
}
