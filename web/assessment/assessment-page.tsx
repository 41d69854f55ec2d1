/** An assessment's summary: its state, the four steps, its versions with what changed, and what can be done next. */
import type { FormDefinition } from '../../worker/engine/schema.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { ErrorSummary, type SummaryError } from '../components/error-summary.tsx';
import { TextField } from '../components/fields.tsx';
import { localized, type Ui } from '../ui.ts';
import { StaffLayout } from '../staff/staff-layout.tsx';
import type { AssessmentView, VersionView } from './records.ts';
import { fieldLabel, VersionsTable } from './versions-table.tsx';

export interface AssessmentPageProps {
  ui: Ui;
  name: string;
  base: string;
  caseHref: string;
  form: FormDefinition;
  assessment: AssessmentView;
  versions: VersionView[];
  errors: SummaryError[];
  /** The "tell the child" form as it was sent, when a field was refused. */
  notice?: { values: { email: string; phone: string }; errors: Partial<Record<'email' | 'phone', string>> };
}

export function AssessmentPage({ ui, name, base, caseHref, form, assessment, versions, errors, notice }: AssessmentPageProps) {
  const { t, lang } = ui;
  const title = localized(ui, form.title).text;
  const draft = assessment.status === 'draft';
  return (
    <StaffLayout ui={ui} title={`${title} ${assessment.caseReference}`} name={name} hasError={errors.length > 0}>
      <a class="back no-print" href={caseHref}>
        {t('cases.title', { ref: assessment.caseReference })}
      </a>
      <ErrorSummary ui={ui} errors={errors} />
      <h1>{title}</h1>
      <dl class="summary">
        <div class="summary-row">
          <dt>{t('cases.caseReference')}</dt>
          <dd>{assessment.caseReference}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('assessment.status')}</dt>
          <dd>
            {t(`assessment.statuses.${assessment.status}`)}, {t('assessment.versionOf', { number: assessment.version })}
          </dd>
        </div>
        <div class="summary-row">
          <dt>{t('assessment.feedbackLabel')}</dt>
          <dd>{assessment.feedbackSentAt ? t('assessment.feedbackSent', { date: formatDate(assessment.feedbackSentAt, lang), number: assessment.feedbackVersion ?? 0 }) : t('assessment.feedbackNotSent')}</dd>
        </div>
      </dl>
      {draft && (
        <>
          <h2>{t('assessment.stepsTitle')}</h2>
          <ol>
            {form.pages.map((page) => (
              <li>
                <a href={`${base}/p/${page.id}`}>{localized(ui, page.title).text}</a>
              </li>
            ))}
          </ol>
          <form method="post" action={`${base}/complete`}>
            <p class="hint">{t('assessment.completeHint')}</p>
            <button class="button" type="submit">
              {t('assessment.complete')}
            </button>
          </form>
        </>
      )}
      {!draft && (
        <>
          {assessment.linkId && assessment.feedbackVersion !== assessment.version && (
            <form method="post" action={`${base}/feedback`} novalidate>
              <h2>{t('assessment.tellChild')}</h2>
              <p>{t('assessment.tellChildText')}</p>
              <TextField ui={ui} id="email" type="email" label={t('assessment.tellChildEmail')} hint={t('assessment.tellChildEmailHint')} error={notice?.errors.email} value={notice?.values.email} autocomplete="off" spellcheck={false} />
              <TextField ui={ui} id="phone" type="tel" label={t('assessment.tellChildPhone')} hint={t('assessment.tellChildPhoneHint')} error={notice?.errors.phone} value={notice?.values.phone} width="w20" autocomplete="off" />
              <button class="button" type="submit">
                {t('assessment.tellChildButton')}
              </button>
            </form>
          )}
          {!assessment.linkId && <p>{t('assessment.noLink')}</p>}
          <form method="post" action={`${base}/revise`}>
            <p class="hint">{t('assessment.reviseHint')}</p>
            <button class="button button--secondary" type="submit">
              {t('assessment.revise')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href={`${base}/document`}>{t('assessment.read')}</a> · <a href={`${base}/pdf`}>{t('assessment.pdf')}</a>
      </p>
      <h2>{t('assessment.versions')}</h2>
      <VersionsTable ui={ui} versions={versions} href={(number) => `${base}/document?version=${number}`} describe={(change) => t(`assessment.change.${change.change}`, { field: fieldLabel(ui, form, change.field) })} />
    </StaffLayout>
  );
}
