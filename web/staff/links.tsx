import { LANGUAGE_INFO, LANGUAGES } from '../../worker/core/language.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { HELPER_ROLES, LINK_STATUSES, type LinkStatus } from '../../worker/core/vocabulary.ts';
import type { Municipality } from '../../worker/core/municipality.ts';
import type { FormChoice, LinkView, MessageView } from './records.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Table } from '../components/table.tsx';
import { localized, type Ui } from '../ui.ts';
import { StaffLayout } from './staff-layout.tsx';
import { CheckboxField, RadiosField, SelectField, TextField } from '../components/fields.tsx';

const formTitle = (ui: Ui, forms: FormChoice[], formId: string) => {
  const form = forms.find((choice) => choice.id === formId);
  return form ? localized(ui, form.title).text : formId;
};

/** Languages no qualified translator has checked yet: staff are told, the child is not. */
const UNREVIEWED = LANGUAGES.filter((code) => !LANGUAGE_INFO[code].reviewed);

export interface NewLinkValues {
  form: string;
  language: string;
  respondent: string;
  caseReference: string;
  expiresInDays: string;
  singleUse: boolean;
  email: string;
  phone: string;
  senderRole: string;
  childAge: string;
  /** The sender confirmed a case reference that looks like a name or a date of birth. */
  confirmCaseReference: boolean;
}

/** The form a new link is for, with whom it may go to (and, for an age band, which ages). */
export interface ChosenForm {
  id: string;
  title: FormChoice['title'];
  respondents: readonly string[];
  ages?: { min: number; max: number };
}

/**
 * Making a link in two steps, so the page only offers what fits: first the form, then who it
 * goes to among those the form is made for (and the child's age, for a version for an age
 * band), and the rest. `caseWarning` asks to confirm a reference that looks like a person.
 */
export function NewLinkPage(props: { ui: Ui; name: string; base: string; forms: FormChoice[]; chosen?: ChosenForm; values: NewLinkValues; errors: Record<string, string>; caseWarning?: boolean }) {
  const { ui, name, base, forms, chosen, values, errors, caseWarning } = props;
  const { t } = ui;
  const summary = Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }));
  return (
    <StaffLayout ui={ui} title={t('links.new.title')} name={name} hasError={summary.length > 0} here={`${base}/links/new`}>
      <a class="back" href={`${base}/links`}>
        {t('links.overview.title')}
      </a>
      <ErrorSummary ui={ui} errors={summary} />
      <h1>{t('links.new.title')}</h1>
      {!chosen ? (
        <form method="get" action={`${base}/links/new`} novalidate>
          <SelectField
            ui={ui}
            id="form"
            label={t('links.new.form')}
            hint={t('links.new.formHint')}
            error={errors.form}
            value={values.form}
            options={[{ value: '', text: t('links.new.chooseForm') }, ...forms.filter((form) => form.linkable).map((form) => ({ value: form.id, text: localized(ui, form.title).text }))]}
          />
          <button class="button" type="submit">
            {t('links.new.next')}
          </button>
        </form>
      ) : (
        <form method="post" action={`${base}/links`} novalidate>
          <dl class="summary">
            <div class="summary-row">
              <dt>{t('links.new.form')}</dt>
              <dd>{localized(ui, chosen.title).text}</dd>
              <dd class="summary-action">
                <a href={`${base}/links/new`}>
                  {t('check.change')}
                  <span class="visually-hidden"> {t('links.new.form')}</span>
                </a>
              </dd>
            </div>
          </dl>
          <input type="hidden" name="form" value={chosen.id} />
          <RadiosField
            ui={ui}
            name="language"
            legend={t('links.new.language')}
            hint={t('childsVoice.staff.unreviewed', { languages: UNREVIEWED.map((code) => t(`languageNames.${code}`)).join(', ') })}
            value={values.language}
            error={errors.language}
            inline
            options={LANGUAGES.map((code) => ({ value: code, text: t(`languageNames.${code}`) }))}
          />
          <RadiosField
            ui={ui}
            name="respondent"
            legend={t('links.new.respondent')}
            hint={t(`links.new.respondentsHint.${chosen.respondents.includes('guardian') && !chosen.respondents.includes('child') ? 'guardian' : chosen.respondents.includes('child') ? 'child' : 'any'}`)}
            value={chosen.respondents.includes(values.respondent) ? values.respondent : (chosen.respondents[0] ?? '')}
            error={errors.respondent}
            inline
            options={chosen.respondents.map((role) => ({ value: role, text: t(`links.respondents.${role}`) }))}
          />
          {chosen.ages && (
            <TextField ui={ui} id="childAge" label={t('links.new.childAge')} hint={t('links.new.childAgeHint', chosen.ages)} error={errors.childAge} value={values.childAge} width="w6" inputmode="numeric" autocomplete="off" />
          )}
          <TextField ui={ui} id="caseReference" label={t('links.new.caseReference')} hint={t('links.new.caseReferenceHint')} error={errors.caseReference} value={values.caseReference} width="w20" autocomplete="off" spellcheck={false} />
          {caseWarning && <CheckboxField id="confirmCaseReference" label={t('links.new.confirmCaseReference')} checked={false} />}
          <SelectField
            ui={ui}
            id="expiresInDays"
            label={t('links.new.expires')}
            error={errors.expiresInDays}
            value={values.expiresInDays}
            options={['7', '14', '30', '60'].map((days) => ({ value: days, text: t('links.new.days', { days }) }))}
          />
          <CheckboxField id="singleUse" label={t('links.new.singleUse')} checked={values.singleUse} />
          <SelectField
            ui={ui}
            id="senderRole"
            label={t('links.new.senderRole')}
            hint={t('links.new.senderRoleHint')}
            error={errors.senderRole}
            value={values.senderRole}
            options={HELPER_ROLES.map((role) => ({ value: role, text: role === 'other' ? t('links.new.senderRoleOther') : t(`links.helperRoles.${role}`) }))}
          />
          <TextField ui={ui} id="email" type="email" label={t('links.new.email')} hint={t('links.new.emailHint')} error={errors.email} value={values.email} autocomplete="off" spellcheck={false} />
          <TextField ui={ui} id="phone" type="tel" label={t('links.new.phone')} hint={t('links.new.phoneHint')} error={errors.phone} value={values.phone} width="w20" autocomplete="off" />
          <button class="button" type="submit">
            {t('links.new.submit')}
          </button>
        </form>
      )}
    </StaffLayout>
  );
}

/** What the letter says, each a finished sentence in the link's language (written with the e-mail and text message). */
export interface LetterText {
  /** The municipality, and the unit where the link came from one. */
  sender: string;
  intro: string;
  sentBy: string;
  contact: string;
  expires: string;
  /** The short address to type the code at, and the sentence that says so. */
  typeAt: string;
  typeCode: string;
  code: string;
  genuine: string;
  never: string;
}

export interface LinkCreatedProps {
  ui: Ui;
  /** The letter is written in the link's language, whatever the page's. */
  letterUi: Ui;
  name: string;
  base: string;
  url: string;
  qr: string;
  letter: LetterText;
  linkId: string;
  /** Sent by e-mail or text message. */
  sent: boolean;
}

/** The only time the link is shown: only its hash is kept. The letter part prints on its own. */
export function LinkCreatedPage({ ui, letterUi, name, base, url, qr, letter, linkId, sent }: LinkCreatedProps) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('links.created.title')} name={name} languageLinks={false}>
      <div class="no-print">
        <h1>{t('links.created.title')}</h1>
        {sent && <p class="notice">{t('links.created.sent')}</p>}
        <p>{t('links.created.onlyOnce')}</p>
        <TextField ui={ui} id="link-url" label={t('links.created.link')} value={url} readonly />
        {/* Both need JavaScript, so they stay hidden without it (the browser's own print gives the letter alone). */}
        <div class="actions">
          <button type="button" class="button button--secondary" data-copy="link-url" data-copied={t('links.created.copied')} hidden>
            {t('links.created.copy')}
          </button>
          <button type="button" class="button button--secondary" data-print hidden>
            {t('links.created.print')}
          </button>
        </div>
        <p class="copy-status" role="status" data-copy-status />
        <p>
          <a href={`${base}/links/${linkId}`}>{t('links.created.follow')}</a>
        </p>
        <h2>{t('links.created.letterTitle')}</h2>
        <p>{t('links.created.letterHint')}</p>
      </div>
      <article class="letter" lang={letterUi.lang}>
        <p class="letter-from">{letter.sender}</p>
        <h2>{letterUi.t('letter.title')}</h2>
        <p>{letter.intro}</p>
        <p>{letterUi.t('letter.howTo')}</p>
        <img class="qr" src={qr} alt={letterUi.t('letter.qrAlt')} width="200" height="200" />
        <p class="letter-url">{url}</p>
        <p>{letter.typeCode}</p>
        <p>
          {letterUi.t('letter.codeLabel')}: <strong class="letter-code">{letter.code}</strong>
        </p>
        <p>{letter.expires}</p>
        <p>
          {letter.sentBy} {letter.contact}
        </p>
        <p>
          {letter.genuine} {letter.never}
        </p>
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
        <SelectField
          ui={ui}
          id="status"
          label={t('links.overview.status')}
          compact
          value={filter.status ?? ''}
          options={[{ value: '', text: t('links.overview.all') }, ...LINK_STATUSES.map((status) => ({ value: status, text: t(`links.statuses.${status}`) }))]}
        />
        <SelectField
          ui={ui}
          id="filter-form"
          name="form"
          label={t('links.overview.form')}
          compact
          value={filter.form ?? ''}
          options={[{ value: '', text: t('links.overview.all') }, ...forms.map((form) => ({ value: form.id, text: localized(ui, form.title).text }))]}
        />
        <TextField ui={ui} id="q" type="search" label={t('links.overview.search')} compact value={filter.q} width="w20" autocomplete="off" />
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
          <SelectField
            ui={ui}
            id="role"
            label={t('links.assist.role')}
            error={assistError}
            options={[{ value: '', text: t('links.assist.chooseRole') }, ...HELPER_ROLES.map((role) => ({ value: role, text: t(`links.helperRoles.${role}`) }))]}
          />
          <button class="button" type="submit">
            {t('links.assist.submit')}
          </button>
        </form>
      )}
      {!link.revokedAt && !link.submittedAt && (
        <form method="get" action={`${base}/links/${link.id}/revoke`}>
          <p>{t('links.detail.revokeText')}</p>
          <button class="button button--warning" type="submit">
            {t('links.detail.revoke')}
          </button>
        </form>
      )}
    </StaffLayout>
  );
}


/** Withdrawing cannot be undone, so it is asked for twice: this page, then the confirming button. */
export function RevokeConfirmPage({ ui, name, base, link }: { ui: Ui; name: string; base: string; link: LinkView }) {
  const { t } = ui;
  const back = `${base}/links/${link.id}`;
  return (
    <StaffLayout ui={ui} title={t('links.revoke.title')} name={name} here={back}>
      <a class="back" href={back}>
        {t('links.detail.title')} {link.caseReference}
      </a>
      <h1>{t('links.revoke.title')}</h1>
      <p>{t('links.revoke.text', { caseReference: link.caseReference })}</p>
      <form method="post" action={`${back}/revoke`}>
        <input type="hidden" name="confirm" value="yes" />
        <button class="button button--warning" type="submit">
          {t('links.revoke.confirm')}
        </button>
      </form>
      <p>
        <a href={back}>{t('links.revoke.cancel')}</a>
      </p>
    </StaffLayout>
  );
}
