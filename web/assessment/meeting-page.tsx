/** A meeting record's summary: its parts to write, what it refers to in the case, and what is written so far. */
import type { DocumentSection } from '../../worker/engine/output.ts';
import type { FormDefinition } from '../../worker/engine/schema.ts';
import { pagePath } from '../../worker/engine/paths.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { AnswerList } from '../components/answer-list.tsx';
import { SelectField } from '../components/fields.tsx';
import { localized, type Ui } from '../ui.ts';
import { StaffLayout } from '../staff/staff-layout.tsx';
import { REFERENCE_FIELDS, type AssessmentView, type MeetingView, type VersionView } from './records.ts';
import { fieldLabel, VersionsTable } from './versions-table.tsx';

/** A change to a reference is named by the reference's label; any other by the form's field. */
const describeChange = (ui: Ui, form: FormDefinition, { field, change }: VersionView['changes'][number]) => {
  const reference = Object.entries(REFERENCE_FIELDS).find(([, name]) => name === field)?.[0];
  return reference ? ui.t(`assessment.meeting.referenceChange.${change}`, { field: ui.t(`assessment.meeting.${reference}`) }) : ui.t(`assessment.change.${change}`, { field: fieldLabel(ui, form, field) });
};

export interface MeetingPageProps {
  ui: Ui;
  name: string;
  base: string;
  caseHref: string;
  form: FormDefinition;
  record: MeetingView;
  options: { responses: { id: string; createdAt: Date }[]; assessments: AssessmentView[] };
  sections: DocumentSection[];
  /** Every save, newest first, with the saver's name. */
  versions: Omit<VersionView, 'status'>[];
}

export function MeetingPage({ ui, name, base, caseHref, form, record, options, sections, versions }: MeetingPageProps) {
  const { t, lang } = ui;
  const title = localized(ui, form.title).text;
  const none = { value: '', text: t('assessment.meeting.none') };
  return (
    <StaffLayout ui={ui} title={`${title} ${record.caseReference}`} name={name}>
      <a class="back no-print" href={caseHref}>
        {t('cases.title', { ref: record.caseReference })}
      </a>
      <h1>{title}</h1>
      <h2>{t('assessment.stepsTitle')}</h2>
      <ol>
        {form.pages.map((page) => (
          <li>
            <a href={`${base}/p/${page.id}`}>{localized(ui, page.title).text}</a>
          </li>
        ))}
      </ol>
      <form method="post" action={`${base}/references`} class="no-print">
        <h2>{t('assessment.meeting.references')}</h2>
        <SelectField
          ui={ui}
          id="response"
          label={t('assessment.meeting.response')}
          value={record.responseId ?? ''}
          options={[none, ...options.responses.map((response) => ({ value: response.id, text: t('assessment.meeting.responseOption', { date: formatDate(response.createdAt, lang) }) }))]}
        />
        <SelectField
          ui={ui}
          id="assessment"
          label={t('assessment.meeting.assessment')}
          value={record.assessmentId ?? ''}
          options={[none, ...options.assessments.map((assessment) => ({ value: assessment.id, text: t('assessment.meeting.assessmentOption', { date: formatDate(assessment.createdAt, lang), status: t(`assessment.statuses.${assessment.status}`) }) }))]}
        />
        <button class="button button--secondary" type="submit">
          {t('assessment.meeting.saveReferences')}
        </button>
      </form>
      <AnswerList ui={ui} sections={sections} listHref={(page) => `${base}/p/${page.id}`} changeHref={(page, answer) => pagePath(base, page.id, answer.path.row)} />
      <h2>{t('assessment.versions')}</h2>
      {versions.length === 0 ? (
        <p>{t('assessment.meeting.versionsNone')}</p>
      ) : (
        <VersionsTable ui={ui} versions={versions} href={(number) => `${base}/versions/${number}`} describe={(change) => describeChange(ui, form, change)} />
      )}
    </StaffLayout>
  );
}
