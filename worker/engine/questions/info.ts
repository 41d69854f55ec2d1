import * as v from 'valibot';
import { Text } from '../../core/language.ts';
import { base, ok, type QuestionKind } from './kind.ts';

/** Text to read, with nothing to answer. */
export const infoDefinition = v.strictObject({ ...base, type: v.literal('info'), body: Text });
type Info = v.InferOutput<typeof infoDefinition>;

export const infoKind: QuestionKind<Info> = {
  fields: () => [],
  decline: 'never',
  requiredError: 'requiredText',
  validate: () => ok(undefined),
  toRaw: () => ({}),
  cell: () => [],
};
