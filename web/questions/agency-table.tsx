import type { Question } from '../../worker/engine/questions/index.ts';
import { fieldName } from '../../worker/engine/paths.ts';
import { AGENCY_DECISIONS } from '../../worker/engine/questions/agency-table.ts';
import { single } from '../../worker/engine/questions/kind.ts';
import { Localized } from '../components/localized.tsx';
import { Frame, inputId, type ViewProps } from './frame.tsx';

type AgencyTable = Extract<Question, { type: 'agency-table' }>;

/** One row per agency, each a small group of two radios, so it reads well at 320 px and by screen reader. */
export function AgencyTableView(props: ViewProps<AgencyTable>) {
  const { question, ui, raw, error } = props;
  return (
    <Frame {...props} group>
      <div class="agencies">
        {question.agencies.map((agency) => (
          <fieldset class="agency">
            <legend class="agency-name">
              <Localized ui={ui} text={agency.label} />
            </legend>
            <div class="choices choices--inline">
              {AGENCY_DECISIONS.map((decision) => {
                const id = inputId(question, `${agency.value}-${decision}`);
                return (
                  <div class="choice">
                    <input
                      type="radio"
                      id={id}
                      name={fieldName({ question: question.id, part: agency.value })}
                      value={decision}
                      checked={single(raw, agency.value) === decision}
                      aria-invalid={error ? 'true' : undefined}
                    />
                    <label for={id}>{ui.t(`answers.${decision}`)}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
    </Frame>
  );
}
