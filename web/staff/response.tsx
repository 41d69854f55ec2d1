import type { FormDefinition } from '../../worker/engine/schema.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import type { LinkView, ResponseView } from './records.ts';
import type { DocumentSection } from '../../worker/engine/output.ts';
import { AnswerList } from '../components/answer-list.tsx';
import { Localized } from '../components/localized.tsx';
import type { Ui } from '../ui.ts';
import { StaffLayout } from './staff-layout.tsx';

/** One response as the case file needs it; prints cleanly (the browser's "Save as PDF" gives the document). */
export function ResponsePage({ ui, name, base, link, response, form, sections }: { ui: Ui; name: string; base: string; link: LinkView; response: ResponseView; form: FormDefinition; sections: DocumentSection[] }) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={`${t('response.title')} ${response.reference}`} name={name}>
      <a class="back no-print" href={`${base}/links/${link.id}`}>
        {t('links.detail.title')} {link.caseReference}
      </a>
      <h1>
        <Localized ui={ui} text={form.title} />
      </h1>
      <dl class="summary">
        <div class="summary-row">
          <dt>{t('response.reference')}</dt>
          <dd>{response.reference}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('links.overview.caseReference')}</dt>
          <dd>{link.caseReference}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('links.detail.submitted')}</dt>
          <dd>{response.submittedAt ? formatDate(response.submittedAt, ui.lang) : response.submittedPeriod}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('response.how')}</dt>
          <dd>{response.assisted ? t('response.assisted', { role: t(`links.helperRoles.${response.assistedRole ?? 'other'}`) }) : t('response.alone')}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('response.answeredIn')}</dt>
          <dd>{t(`languageNames.${response.language}`)}</dd>
        </div>
      </dl>
      <p class="no-print">
        <a href={`${base}/responses/${response.id}/pdf`} download>
          {t('response.pdf')}
        </a>
      </p>
      <AnswerList ui={ui} sections={sections} />
    </StaffLayout>
  );
}
