import * as v from 'valibot';
import { Text } from '../../core/language.ts';
import { base, fail, ok, single, type QuestionKind, type Raw } from './kind.ts';

/** A typed name plus an explicit confirmation; the form supplies what is being confirmed. */
export const signatureDefinition = v.strictObject({ ...base, type: v.literal('signature'), confirmation: Text });
type Signature = v.InferOutput<typeof signatureDefinition>;

const MAX_NAME = 200;

export const signatureKind: QuestionKind<Signature> = {
  fields: () => [{ suffix: 'name' }, { suffix: 'confirm' }],
  decline: 'never',
  requiredError: 'requiredSignature',
  validate(_question, raw) {
    const name = single(raw, 'name');
    const confirmed = single(raw, 'confirm') === 'yes';
    if (!name && !confirmed) return ok(undefined);
    if (!name) return fail('signatureName');
    if ([...name].length > MAX_NAME) return fail('tooLong', { max: MAX_NAME, length: [...name].length });
    if (!confirmed) return fail('signatureConfirm');
    return ok({ name, confirmed: true });
  },
  toRaw: (_question, value): Raw =>
    typeof value === 'object' && 'confirmed' in value ? { name: String(value.name), confirm: 'yes' } : {},
  cell: (_question, value, _lang, t) =>
    typeof value === 'object' && 'confirmed' in value ? [t('answers.signedBy', { name: String(value.name) })] : [],
};
