/** A whole staff document for reading and printing (the print stylesheet leaves out the navigation). */
import type { DocumentSection } from '../../worker/engine/output.ts';
import { AnswerList } from '../components/answer-list.tsx';
import type { Ui } from '../ui.ts';
import { StaffLayout } from '../staff/staff-layout.tsx';

export function DocumentView({ ui, name, backHref, pdfHref, title, facts, sections }: { ui: Ui; name: string; backHref: string; pdfHref?: string; title: string; facts: [string, string][]; sections: DocumentSection[] }) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={title} name={name}>
      <a class="back no-print" href={backHref}>
        {t('page.back')}
      </a>
      <h1>{title}</h1>
      <dl class="summary">
        {facts.map(([label, value]) => (
          <div class="summary-row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {pdfHref && (
        <p class="no-print">
          <a href={pdfHref}>{t('assessment.pdf')}</a>
        </p>
      )}
      <AnswerList ui={ui} sections={sections} />
    </StaffLayout>
  );
}
