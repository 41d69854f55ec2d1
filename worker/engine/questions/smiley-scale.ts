import * as v from 'valibot';
import { Text } from '../../core/language.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { base, pickOneKind, type QuestionKind } from './kind.ts';

/** Faces from saddest to happiest; every point also has a text label in the form. */
export const FACES: Record<3 | 5, string[]> = {
  3: ['🙁', '😐', '🙂'],
  5: ['😢', '🙁', '😐', '🙂', '😄'],
};

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
      return label ? [`${FACES[question.points][Number(value) - 1]} ${pickText(label, lang)}`] : [];
    },
  ),
  json: (_question, value) => Number(value),
  position: (question, value) => (typeof value === 'string' && question.labels[Number(value) - 1] ? { point: Number(value), of: question.points } : undefined),
};
