import type { Question } from '../../worker/engine/questions/index.ts';
import { AgencyTableView } from './agency-table.tsx';
import { CheckboxesView } from './checkboxes.tsx';
import { DateView } from './date.tsx';
import { inputId, type ViewProps } from './frame.tsx';
import { InfoView } from './info.tsx';
import { NationalIdView } from './national-id.tsx';
import { NumberView } from './number.tsx';
import { RadiosView } from './radios.tsx';
import { SignatureView } from './signature.tsx';
import { TextView } from './text.tsx';

/** The view paired with each question type. */
export function QuestionView(props: ViewProps) {
  const { question } = props;
  switch (question.type) {
    case 'short-text':
    case 'long-text':
      return <TextView {...props} question={question} />;
    case 'single-choice':
    case 'smiley-scale':
    case 'yes-no':
      return <RadiosView {...props} question={question} />;
    case 'multiple-choice':
      return <CheckboxesView {...props} question={question} />;
    case 'date':
      return <DateView {...props} question={question} />;
    case 'number':
      return <NumberView {...props} question={question} />;
    case 'national-id':
      return <NationalIdView {...props} question={question} />;
    case 'agency-table':
      return <AgencyTableView {...props} question={question} />;
    case 'signature':
      return <SignatureView {...props} question={question} />;
    case 'info':
      return <InfoView {...props} question={question} />;
  }
}

/** The field an error summary link jumps to: the question's first input. */
export function anchorOf(question: Question): string {
  switch (question.type) {
    case 'single-choice':
    case 'multiple-choice':
      return inputId(question, question.options[0]?.value);
    case 'smiley-scale':
      return inputId(question, '1');
    case 'yes-no':
      return inputId(question, 'yes');
    case 'date':
      return inputId(question, 'day');
    case 'agency-table':
      return inputId(question, `${question.agencies[0]?.value}-approve`);
    case 'signature':
      return inputId(question, 'name');
    default:
      return inputId(question);
  }
}
