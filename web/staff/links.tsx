import type { ComponentChildren } from 'preact';
import type { FormDefinition } from '../../worker/engine/schema.ts';
import { LANGUAGES } from '../../worker/core/language.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { HELPER_ROLES, LINK_STATUSES, type LinkStatus } from '../../worker/core/vocabulary.ts';
import type { Municipality } from '../../worker/core/municipality.ts';
import type { FormChoice, LinkView, MessageView } from './records.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Table } from '../components/table.tsx';
import { localized, type Ui } from '../ui.ts';
import { StaffLayout } from './staff-layout.tsx';
import { ErrorMessage } from '../components/error-message.tsx';

const formTitle = (ui: Ui, forms: FormChoice[], formId: string) => {
  const form = forms.find((choice) => choice.id === formId);
  return form ? localized(ui, form.title).text : formId;
};

export interface NewLinkValues {
  form: string;
  language: string;
  respondent: string;
  caseReference: string;
  expiresInDays: string;
  singleUse: boolean;
  email: string;
  phone: string;
}

function Field({ ui, id, label, hint, error, children }: { ui: Ui; id: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={error ? 'question question--error' : 'question'}>
      <label class="label" for={id}>
        {label}
      </label>
      {hint && (
        <div class="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <ErrorMessage ui={ui} id={`${id}-error`} error={error} />
      {children}
    </div>
  );
}

function Radios({ ui, name, legend, options, value, error }: { ui: Ui; name: string; legend: string; options: [string, string][]; value: string; error?: string }) {
  return (
    <div class={error ? 'question question--error' : 'question'}>
      <fieldset class="fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend class="legend">{legend}</legend>
        <ErrorMessage ui={ui} id={`${name}-error`} error={error} />
        <div class="choices choices--inline">
          {options.map(([option, text], index) => (
            <div class="choice">
              <input type="radio" id={index === 0 ? name : `${name}-${option}`} name={name} value={option} checked={value === option} />
              <label for={index === 0 ? name : `${name}-${option}`}>{text}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

const describe = (id: string, hint: boolean, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function NewLinkPage({ ui, name, base, forms, values, errors }: { ui: Ui; name: string; base: string; forms: FormChoice[]; values: NewLinkValues; errors: Record<string, string> }) {
  const { t } = ui;
  const summary = Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }));
  return (
    <StaffLayout ui={ui} title={t('links.new.title')} name={name} hasError={summary.length > 0} here={`${base}/links/new`}>
      <a class="back" href={`${base}/links`}>
        {t('links.overview.title')}
      </a>
      <ErrorSummary ui={ui} errors={summary} />
      <h1>{t('links.new.title')}</h1>
      <form method="post" action={`${base}/links`} novalidate>
        <Field ui={ui} id="form" label={t('links.new.form')} error={errors.form}>
          <select class="select" id="form" name="form" aria-describedby={describe('form', false, errors.form)} aria-invalid={errors.form ? 'true' : undefined}>
            <option value="">{t('links.new.chooseForm')}</option>
            {forms.filter((form) => form.linkable).map((form) => (
              <option value={form.id} selected={values.form === form.id}>
                {localized(ui, form.title).text}
              </option>
            ))}
          </select>
        </Field>
        <Radios ui={ui} name="language" legend={t('links.new.language')} value={values.language} error={errors.language} options={LANGUAGES.map((code) => [code, t(`languageNames.${code}`)])} />
        <Radios
          ui={ui}
          name="respondent"
          legend={t('links.new.respondent')}
          value={values.respondent}
          error={errors.respondent}
          options={(['child', 'guardian', 'other'] as const).map((role) => [role, t(`links.respondents.${role}`)])}
        />
        <Field ui={ui} id="caseReference" label={t('links.new.caseReference')} hint={t('links.new.caseReferenceHint')} error={errors.caseReference}>
          <input class="input input--w20" type="text" id="caseReference" name="caseReference" value={values.caseReference} autocomplete="off" spellcheck={false} aria-describedby={describe('caseReference', true, errors.caseReference)} aria-invalid={errors.caseReference ? 'true' : undefined} />
        </Field>
        <Field ui={ui} id="expiresInDays" label={t('links.new.expires')} error={errors.expiresInDays}>
          <select class="select" id="expiresInDays" name="expiresInDays" aria-describedby={describe('expiresInDays', false, errors.expiresInDays)} aria-invalid={errors.expiresInDays ? 'true' : undefined}>
            {['7', '14', '30', '60'].map((days) => (
              <option value={days} selected={values.expiresInDays === days}>
                {t('links.new.days', { days })}
              </option>
            ))}
          </select>
        </Field>
        <div class="question">
          <div class="choice">
            <input type="checkbox" id="singleUse" name="singleUse" value="yes" checked={values.singleUse} />
            <label for="singleUse">{t('links.new.singleUse')}</label>
          </div>
        </div>
        <Field ui={ui} id="email" label={t('links.new.email')} hint={t('links.new.emailHint')} error={errors.email}>
          <input class="input" type="email" id="email" name="email" value={values.email} autocomplete="off" spellcheck={false} aria-describedby={describe('email', true, errors.email)} aria-invalid={errors.email ? 'true' : undefined} />
        </Field>
        <Field ui={ui} id="phone" label={t('links.new.phone')} hint={t('links.new.phoneHint')} error={errors.phone}>
          <input class="input input--w20" type="tel" id="phone" name="phone" value={values.phone} autocomplete="off" aria-describedby={describe('phone', true, errors.phone)} aria-invalid={errors.phone ? 'true' : undefined} />
        </Field>
        <button class="button" type="submit">
          {t('links.new.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

export interface LinkCreatedProps {
  ui: Ui;
  /** The letter is written in the link's language, whatever the page's. */
  letterUi: Ui;
  name: string;
  base: string;
  municipality: Municipality;
  form: FormDefinition;
  url: string;
  qr: string;
  expires: Date;
  linkId: string;
  /** Sent by e-mail or text message. */
  sent: boolean;
}

/** The only time the link is shown: only its hash is kept. The letter part prints on its own. */
export function LinkCreatedPage({ ui, letterUi, name, base, municipality, form, url, qr, expires, linkId, sent }: LinkCreatedProps) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('links.created.title')} name={name} languageLinks={false}>
      <div class="no-print">
        <h1>{t('links.created.title')}</h1>
        {sent && <p class="notice">{t('links.created.sent')}</p>}
        <p>{t('links.created.onlyOnce')}</p>
        <label class="label" for="link-url">
          {t('links.created.link')}
        </label>
        <input class="input" type="text" id="link-url" value={url} readonly />
        <p>
          <a href={`${base}/links/${linkId}`}>{t('links.created.follow')}</a>
        </p>
        <h2>{t('links.created.letterTitle')}</h2>
        <p>{t('links.created.letterHint')}</p>
      </div>
      <article class="letter" lang={letterUi.lang}>
        <p class="letter-from">{municipality.name}</p>
        <h2>{letterUi.t('letter.title')}</h2>
        <p>{letterUi.t('letter.intro', { form: localized(letterUi, form.title).text })}</p>
        <p>{letterUi.t('letter.howTo')}</p>
        <img class="qr" src={qr} alt={letterUi.t('letter.qrAlt')} width="200" height="200" />
        <p class="letter-url">{url}</p>
        <p>{letterUi.t('letter.expires', { date: formatDate(expires, letterUi.lang) })}</p>
        <p>{letterUi.t('letter.questions', { municipality: municipality.name })}</p>
      </article>
    </StaffLayout>
  );
}

export interface LinkRow {
  link: LinkView;
  status: LinkStatus;
}

export function LinksOverview({ ui, name, municipality, base, forms, rows, filter }: { ui: Ui; name: string; municipality: Municipality; base: string; forms: FormChoice[]; rows: LinkRow[]; filter: { status?: string; form?: string; q: string } }) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('links.overview.title')} name={name}>
      <h1>{t('links.overview.title')}</h1>
      <p class="lead">{municipality.name}</p>
      <p>
        <a class="button" href={`${base}/links/new`}>
          {t('links.new.title')}
        </a>
      </p>
      <form method="get" action={`${base}/links`} class="filters">
        <div class="filter">
          <label class="label label--small" for="status">
            {t('links.overview.status')}
          </label>
          <select class="select" id="status" name="status">
            <option value="">{t('links.overview.all')}</option>
            {LINK_STATUSES.map((status) => (
              <option value={status} selected={filter.status === status}>
                {t(`links.statuses.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label class="label label--small" for="filter-form">
            {t('links.overview.form')}
          </label>
          <select class="select" id="filter-form" name="form">
            <option value="">{t('links.overview.all')}</option>
            {forms.map((form) => (
              <option value={form.id} selected={filter.form === form.id}>
                {localized(ui, form.title).text}
              </option>
            ))}
          </select>
        </div>
        <div class="filter">
          <label class="label label--small" for="q">
            {t('links.overview.search')}
          </label>
          <input class="input input--w20" type="search" id="q" name="q" value={filter.q} autocomplete="off" />
        </div>
        <button class="button button--secondary" type="submit">
          {t('links.overview.apply')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('links.overview.none')}</p>
      ) : (
        <Table
          caption={t('links.overview.title')}
          headers={[t('links.overview.caseReference'), t('links.overview.form'), t('links.overview.respondent'), t('links.overview.created'), t('links.overview.status')]}
        >
          {rows.map(({ link, status }) => (
            <tr>
              <th scope="row">
                <a href={`${base}/links/${link.id}`}>{link.caseReference}</a>
              </th>
              <td>{formTitle(ui, forms, link.formId)}</td>
              <td>{t(`links.respondents.${link.respondent}`)}</td>
              <td>{formatDate(link.createdAt, ui.lang)}</td>
              <td>
                <span class={`status status--${status}`}>{t(`links.statuses.${status}`)}</span>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </StaffLayout>
  );
}

export function LinkDetailPage({ ui, name, base, forms, link, status, message, assistError }: { ui: Ui; name: string; base: string; forms: FormChoice[]; link: LinkView; status: LinkStatus; message?: MessageView; assistError?: string }) {
  const { t } = ui;
  const when = (date: Date | null) => (date ? formatDate(date, ui.lang) : '–');
  return (
    <StaffLayout ui={ui} title={`${t('links.detail.title')} ${link.caseReference}`} name={name} hasError={!!assistError} here={`${base}/links/${link.id}`}>
      <a class="back" href={`${base}/links`}>
        {t('links.overview.title')}
      </a>
      <ErrorSummary ui={ui} errors={assistError ? [{ href: '#role', text: assistError }] : []} />
      <h1>
        {t('links.detail.title')} {link.caseReference}
      </h1>
      <p>
        <span class={`status status--${status}`}>{t(`links.statuses.${status}`)}</span>
      </p>
      <dl class="summary">
        {(
          [
            ['links.overview.form', formTitle(ui, forms, link.formId)],
            ['links.overview.respondent', t(`links.respondents.${link.respondent}`)],
            ['links.new.language', t(`languageNames.${link.language}`)],
            ['links.overview.created', when(link.createdAt)],
            ['links.detail.sent', when(link.sentAt)],
            ...(message ? ([['links.detail.message', t(`links.messages.${message.status}`, { channel: t(`links.messages.${message.channel}`), date: when(message.sentAt) })]] as const) : []),
            ['links.detail.opened', when(link.openedAt)],
            ['links.detail.submitted', when(link.submittedAt)],
            ['links.detail.expires', when(link.expiresAt)],
            ['links.detail.singleUse', t(link.singleUse ? 'answers.yes' : 'answers.no')],
          ] as const
        ).map(([label, value]) => (
          <div class="summary-row">
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {link.responseId && (
        <p>
          <a class="button" href={`${base}/responses/${link.responseId}`}>
            {t('links.detail.readResponse')}
          </a>
        </p>
      )}
      {(status === 'created' || status === 'sent' || status === 'opened' || status === 'in-progress') && (
        <form method="post" action={`${base}/links/${link.id}/assist`}>
          <h2>{t('links.assist.title')}</h2>
          <p>{t('links.assist.text')}</p>
          <div class={assistError ? 'question question--error' : 'question'}>
            <label class="label" for="role">
              {t('links.assist.role')}
            </label>
            <ErrorMessage ui={ui} id="role-error" error={assistError} />
            <select class="select" id="role" name="role" aria-describedby={assistError ? 'role-error' : undefined} aria-invalid={assistError ? 'true' : undefined}>
              <option value="">{t('links.assist.chooseRole')}</option>
              {HELPER_ROLES.map((role) => (
                <option value={role}>{t(`links.helperRoles.${role}`)}</option>
              ))}
            </select>
          </div>
          <button class="button" type="submit">
            {t('links.assist.submit')}
          </button>
        </form>
      )}
      {!link.revokedAt && !link.submittedAt && (
        <form method="post" action={`${base}/links/${link.id}/revoke`}>
          <p>{t('links.detail.revokeText')}</p>
          <button class="button button--warning" type="submit">
            {t('links.detail.revoke')}
          </button>
        </form>
      )}
    </StaffLayout>
  );
}

