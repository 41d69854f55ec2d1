import type { Question } from '../../worker/engine/questions/index.ts';
import { fieldName } from '../../worker/engine/paths.ts';
import { single } from '../../worker/engine/questions/kind.ts';
import { Localized } from '../components/localized.tsx';
import { Frame, inputId, type ViewProps } from './frame.tsx';

type Signature = Extract<Question, { type: 'signature' }>;

/** A typed full name plus a checkbox that states exactly what the person confirms. */
export function SignatureView(props: ViewProps<Signature>) {
  const { question, ui, raw, error } = props;
  return (
    <Frame {...props} group>
      <div class="field">
        <label class="label label--small" for={inputId(question, 'name')}>
          {ui.t('question.signatureName')}
        </label>
        <input
          class="input"
          type="text"
          autocomplete="name"
          id={inputId(question, 'name')}
          name={fieldName({ question: question.id, part: 'name' })}
          value={single(raw, 'name')}
          aria-invalid={error ? 'true' : undefined}
        />
      </div>
      <div class="choice">
        <input
          type="checkbox"
          id={inputId(question, 'confirm')}
          name={fieldName({ question: question.id, part: 'confirm' })}
          value="yes"
          checked={single(raw, 'confirm') === 'yes'}
          aria-invalid={error ? 'true' : undefined}
        />
        <label for={inputId(question, 'confirm')}>
          <Localized ui={ui} text={question.confirmation} />
        </label>
      </div>
    </Frame>
  );
}
