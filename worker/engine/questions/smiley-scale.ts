import * as v from 'valibot';
import { Text } from '../../core/language.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { base, pickOneKind, type QuestionKind } from './kind.ts';

export const smileyScaleDefinition = v.pipe(
  v.strictObject({
    ...base,
    type: v.literal('smiley-scale'),
    points: v.picklist([3, 5]),
    /** One label per point, saddest first. */
    labels: v.array(Text),
  }),
  v.check((question) => question.labels.length === question.points, 'a smiley scale needs exactly one label per point'),
);
type SmileyScale = v.InferOutput<typeof smileyScaleDefinition>;

/** Points are stored as "1" (saddest) to "3" or "5" (happiest); other systems get them as numbers. */
export const smileyScaleKind: QuestionKind<SmileyScale> = {
  ...pickOneKind<SmileyScale>(
    (question) => Array.from({ length: question.points }, (_, index) => String(index + 1)),
    (question, value, lang) => {
      const label = typeof value === 'string' ? question.labels[Number(value) - 1] : undefined;
      // Words only: the faces are drawn on the question page; as emoji they show as empty boxes on many devices.
      return label ? [pickText(label, lang)] : [];
    },
  ),
  json: (_question, value) => Number(value),
  position: (question, value) => (typeof value === 'string' && question.labels[Number(value) - 1] ? { point: Number(value), of: question.points } : undefined),
};
