import type { Question } from '../../worker/engine/questions/index.ts';
import { fieldName } from '../../worker/engine/paths.ts';
import { single } from '../../worker/engine/questions/kind.ts';
import { describedBy, Frame, inputId, type ViewProps } from './frame.tsx';

type TextQuestion = Extract<Question, { type: 'short-text' | 'long-text' }>;

export function TextView(props: ViewProps<TextQuestion>) {
  const { question, ui, raw, error } = props;
  const common = {
    id: inputId(question),
    name: fieldName({ question: question.id }),
    'aria-describedby': describedBy(props),
    'aria-invalid': error ? ('true' as const) : undefined,
  };
  return (
    <Frame {...props} group={false}>
      {question.type === 'long-text' ? (
        <>
          <textarea class="textarea" rows={5} {...common}>
            {single(raw)}
          </textarea>
          <p class="limit">{ui.t('question.maxLength', { max: question.maxLength })}</p>
        </>
      ) : (
        <input class="input" type="text" value={single(raw)} autocomplete={question.autocomplete} spellcheck={false} {...common} />
      )}
    </Frame>
  );
}
