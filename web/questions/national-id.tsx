import type { Question } from '../../worker/engine/questions/index.ts';
import { fieldName } from '../../worker/engine/paths.ts';
import { single } from '../../worker/engine/questions/kind.ts';
import { describedBy, Frame, inputId, type ViewProps } from './frame.tsx';

type NationalIdQuestion = Extract<Question, { type: 'national-id' }>;

/** Eleven digits; a saved number is never filled back in, only described masked in the hint. */
export function NationalIdView(props: ViewProps<NationalIdQuestion>) {
  const { question, raw, error } = props;
  return (
    <Frame {...props} group={false}>
      <input
        class="input input--w11"
        type="text"
        inputmode="numeric"
        autocomplete="off"
        spellcheck={false}
        id={inputId(question)}
        name={fieldName({ question: question.id })}
        value={single(raw)}
        aria-describedby={describedBy(props)}
        aria-invalid={error ? 'true' : undefined}
      />
    </Frame>
  );
}
