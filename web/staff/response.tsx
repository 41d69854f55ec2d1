import type { FormDefinition } from '../../worker/engine/schema.ts';
import type { LinkView, ResponseView } from './records.ts';
import type { DocumentSection } from '../../worker/engine/output.ts';
import { AnswerList } from '../components/answer-list.tsx';
import { Localized } from '../components/localized.tsx';
import type { Ui } from '../ui.ts';
import { StaffLayout } from './staff-layout.tsx';

/** One response as the case file needs it; prints cleanly (the browser's "Save as PDF" gives the document). */
export function ResponsePage(props: { ui: Ui; name: string; base: string; link: LinkView; response: ResponseView; form: FormDefinition; facts: [string, string][]; sections: DocumentSection[] }) {
  const { ui, name, base, link, response, form, facts, sections } = props;
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={`${t('response.title')} ${response.reference}`} name={name}>
      <a class="back no-print" href={`${base}/links/${link.id}`}>
        {t('links.detail.title')} {link.caseReference}
      </a>
      <p class="classification">{t('response.classification')}</p>
      <h1>
        <Localized ui={ui} text={form.title} />
      </h1>
      <dl class="summary">
        {facts.map(([label, value]) => (
          <div class="summary-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="no-print">
        <a href={`${base}/responses/${response.id}/pdf`} download>
          {t('response.pdf')}
        </a>
      </p>
      <AnswerList ui={ui} sections={sections} positions />
    </StaffLayout>
  );
}
