import type { Question } from '../../worker/engine/questions/index.ts';
import { Localized } from '../components/localized.tsx';
import type { ViewProps } from './frame.tsx';

type Info = Extract<Question, { type: 'info' }>;

export function InfoView({ ui, question, isHeading }: ViewProps<Info>) {
  const Heading = isHeading ? 'h1' : 'h2';
  return (
    <div class="info">
      <Heading class="info-title">
        <Localized ui={ui} text={question.label} />
      </Heading>
      <Localized ui={ui} text={question.body} paragraphs />
    </div>
  );
}
