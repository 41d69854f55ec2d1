/**
 * What the staff answer page and its PDF say about an answer before the answers themselves: who
 * asked (municipality and unit), which form and version, when and how it was answered. One list,
 * so the screen and the case file never disagree.
 */
import { formatDateTime } from '../../core/i18n/format.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { FormDefinition } from '../../engine/schema.ts';
import { localized, type Ui } from '../../../web/ui.ts';
import type { FormLink } from './repository.ts';
import type { StoredResponse } from '../respond/index.ts';

export function responseFacts(ui: Ui, context: { municipality: Municipality; unitName?: string; form: FormDefinition; response: StoredResponse; link: FormLink }): [string, string][] {
  const { t, lang } = ui;
  const { municipality, unitName, form, response, link } = context;
  return [
    [t('response.sentBy'), unitName ? `${municipality.name}, ${unitName}` : municipality.name],
    [t('response.form'), t('response.formVersion', { title: localized(ui, form.title).text, version: response.formVersion })],
    [t('response.reference'), response.reference],
    [t('links.overview.caseReference'), link.caseReference],
    [t('links.detail.submitted'), response.submittedAt ? formatDateTime(response.submittedAt, lang) : response.submittedPeriod],
    [t('response.how'), response.assisted ? t('response.assisted', { role: t(`links.helperRoles.${response.assistedRole ?? 'other'}`) }) : t('response.alone')],
    [t('response.answeredIn'), t(`languageNames.${response.language}`)],
  ];
}
