import type { Question } from '../../worker/engine/questions/index.ts';
import { fieldName } from '../../worker/engine/paths.ts';
import { single } from '../../worker/engine/questions/kind.ts';
import { Frame, inputId, type ViewProps } from './frame.tsx';

type DateQuestion = Extract<Question, { type: 'date' }>;

const PARTS = [
  { suffix: 'day', width: 2 },
  { suffix: 'month', width: 2 },
  { suffix: 'year', width: 4 },
] as const;

/** Three labelled fields (day, month, year): reliable on every phone and screen reader. */
export function DateView(props: ViewProps<DateQuestion>) {
  const { question, ui, raw, error } = props;
  return (
    <Frame {...props} group>
      <div class="date">
        {PARTS.map(({ suffix, width }) => (
          <div class="date-part">
            <label class="label label--small" for={inputId(question, suffix)}>
              {ui.t(`question.date.${suffix}`)}
            </label>
            <input
              class={`input input--w${width}`}
              type="text"
              inputmode="numeric"
              id={inputId(question, suffix)}
              name={fieldName({ question: question.id, part: suffix })}
              value={single(raw, suffix)}
              aria-invalid={error ? 'true' : undefined}
            />
          </div>
        ))}
      </div>
    </Frame>
  );
}
