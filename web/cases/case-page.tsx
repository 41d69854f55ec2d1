/** One case: everything in it in time order, and what can be started from it. */
import { formatDate } from '../../worker/core/i18n/format.ts';
import { SelectField } from '../components/fields.tsx';
import type { Ui } from '../ui.ts';
import { StaffLayout } from '../staff/staff-layout.tsx';

export type CaseEvent =
  | { at: Date; kind: 'link'; by: string; formId: string; href: string }
  | { at: Date; kind: 'response'; href: string; responseId: string; flagged: boolean; reviewed: boolean; reviewBy?: Date; assisted: boolean }
  | { at: Date; kind: 'review'; by: string }
  | { at: Date; kind: 'assessment'; by: string; href: string; number: number; status: 'draft' | 'completed' }
  | { at: Date; kind: 'feedback'; href: string }
  | { at: Date; kind: 'meeting'; by: string; href: string }
  | { at: Date; kind: 'meetingVersion'; by: string; href: string; number: number };

function EventText({ ui, event, base }: { ui: Ui; event: CaseEvent; base: string }) {
  const { t, lang } = ui;
  switch (event.kind) {
    case 'link':
      return <a href={event.href}>{t('cases.events.link', { by: event.by })}</a>;
    case 'response':
      return (
        <>
          <a href={event.href}>{t(event.assisted ? 'cases.events.responseAssisted' : 'cases.events.response')}</a>
          {event.flagged && <strong class="status status--flag"> {t(event.reviewed ? 'cases.flagReviewed' : 'cases.flag', { date: event.reviewBy ? formatDate(event.reviewBy, lang) : '' })}</strong>}
          {!event.reviewed && (
            <form method="post" action={`${base}/responses/${event.responseId}/review`} class="inline-form">
              <button class="button button--secondary button--small" type="submit">
                {t('cases.markReviewed')}
              </button>
            </form>
          )}
        </>
      );
    case 'review':
      return <>{t('cases.events.review', { by: event.by })}</>;
    case 'assessment':
      return <a href={event.href}>{t('cases.events.assessment', { number: event.number, status: t(`assessment.statuses.${event.status}`), by: event.by })}</a>;
    case 'feedback':
      return <a href={event.href}>{t('cases.events.feedback')}</a>;
    case 'meeting':
      return <a href={event.href}>{t('cases.events.meeting', { by: event.by })}</a>;
    case 'meetingVersion':
      return <a href={event.href}>{t('cases.events.meetingVersion', { number: event.number, by: event.by })}</a>;
  }
}

export function CasePage({ ui, name, caseReference, base, overviewHref, events, responses }: { ui: Ui; name: string; caseReference: string; base: string; overviewHref: string; events: CaseEvent[]; responses: { id: string; submittedAt: Date | null }[] }) {
  const { t, lang } = ui;
  return (
    <StaffLayout ui={ui} title={t('cases.title', { ref: caseReference })} name={name}>
      <a class="back" href={overviewHref}>
        {t('cases.overview')}
      </a>
      <h1>{t('cases.title', { ref: caseReference })}</h1>
      <h2>{t('cases.timeline')}</h2>
      <ol class="timeline">
        {events.map((event) => (
          <li>
            <span class="timeline__at">{formatDate(event.at, lang)}</span> <EventText ui={ui} event={event} base={base} />
          </li>
        ))}
      </ol>
      <h2>{t('cases.start')}</h2>
      <form method="post" action={`${base}/assessments`}>
        <SelectField
          ui={ui}
          id="response"
          label={t('cases.drawOn')}
          hint={t('cases.drawOnHint')}
          options={[...responses.map((response) => ({ value: response.id, text: t('assessment.meeting.responseOption', { date: response.submittedAt ? formatDate(response.submittedAt, lang) : '' }) })), { value: '', text: t('assessment.meeting.none') }]}
        />
        <button class="button" type="submit">
          {t('cases.startAssessment')}
        </button>
      </form>
      <form method="post" action={`${base}/meetings`}>
        <button class="button button--secondary" type="submit">
          {t('cases.startMeeting')}
        </button>
      </form>
    </StaffLayout>
  );
}
