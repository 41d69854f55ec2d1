/** The staff side of consents: the list, starting one, the register of one consent, the check. */
import { formatDate } from '../../worker/core/i18n/format.ts';
import { LANGUAGES } from '../../worker/core/language.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxesField, CheckboxField, RadiosField, SelectField, TextField } from '../components/fields.tsx';
import { Table } from '../components/table.tsx';
import { StaffLayout } from '../staff/staff-layout.tsx';
import { localized, type Ui } from '../ui.ts';
import { fieldId, SERVICE_LANGUAGES, type ConsentSummary, type RegisterView, type ServiceFieldError, type ServiceLanguage, type ServiceRow, type ServiceView, type SignerView, type VerdictView } from './records.ts';

interface Frame {
  ui: Ui;
  name: string;
  base: string;
}

const summaryOf = (errors: Record<string, string>) => Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }));

export const signerLabel = (ui: Ui, signer: Pick<SignerView, 'role' | 'ordinal'>) =>
  signer.role === 'child' ? ui.t('consent.signers.child') : ui.t('consent.signers.guardian', { n: signer.ordinal });

export function ConsentListPage({ ui, name, base, rows, query, isAdmin }: Frame & { rows: ConsentSummary[]; query: string; isAdmin: boolean }) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('consent.list.title')} name={name}>
      <h1>{t('consent.list.title')}</h1>
      <p>
        <a class="button" href={`${base}/consents/new`}>
          {t('consent.new.title')}
        </a>{' '}
        <a class="button button--secondary" href={`${base}/consents/check`}>
          {t('consent.check.title')}
        </a>
      </p>
      {isAdmin && (
        <p>
          <a href={`${base}/consents/services`}>{t('consent.services.title')}</a>
        </p>
      )}
      <form method="get" action={`${base}/consents`} class="filters">
        <TextField ui={ui} id="case" type="search" label={t('consent.caseReference')} compact value={query} width="w20" autocomplete="off" />
        <button class="button button--secondary" type="submit">
          {t('consent.list.search')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('consent.list.none')}</p>
      ) : (
        <Table caption={t('consent.list.title')} headers={[t('consent.caseReference'), t('consent.list.started'), t('consent.list.lapses')]}>
          {rows.map((row) => (
            <tr>
              <th scope="row">
                <a href={`${base}/consents/${row.id}`}>{row.caseReference}</a>
              </th>
              <td>{formatDate(row.createdAt, ui.lang)}</td>
              <td>{formatDate(row.expiresAt, ui.lang)}</td>
            </tr>
          ))}
        </Table>
      )}
    </StaffLayout>
  );
}

export interface NewConsentValues {
  caseReference: string;
  services: string[];
  guardians: string;
  childAge: string;
}

export function NewConsentPage({ ui, name, base, services, listVersion, values, errors }: Frame & { services: ServiceView[]; listVersion: number; values: NewConsentValues; errors: Record<string, string> }) {
  const { t } = ui;
  const summary = summaryOf(errors);
  return (
    <StaffLayout ui={ui} title={t('consent.new.title')} name={name} hasError={summary.length > 0} here={`${base}/consents/new`}>
      <a class="back" href={`${base}/consents`}>
        {t('consent.list.title')}
      </a>
      <ErrorSummary ui={ui} errors={summary} />
      <h1>{t('consent.new.title')}</h1>
      <form method="post" action={`${base}/consents`} novalidate>
        <input type="hidden" name="listVersion" value={String(listVersion)} />
        <TextField ui={ui} id="caseReference" label={t('consent.caseReference')} hint={t('consent.new.caseReferenceHint')} error={errors.caseReference} value={values.caseReference} width="w20" autocomplete="off" spellcheck={false} />
        <CheckboxesField
          ui={ui}
          name="services"
          idPrefix="services"
          legend={t('consent.new.services')}
          hint={t('consent.new.servicesHint')}
          error={errors.services}
          values={values.services}
          options={services.map((service) => ({ value: service.id, text: localized(ui, service.label).text }))}
        />
        <RadiosField ui={ui} name="guardians" legend={t('consent.new.guardians')} hint={t('consent.new.guardiansHint')} error={errors.guardians} value={values.guardians} inline options={['1', '2'].map((n) => ({ value: n, text: n }))} />
        <TextField ui={ui} id="childAge" label={t('consent.new.childAge')} hint={t('consent.new.childAgeHint')} error={errors.childAge} value={values.childAge} width="w6" inputmode="numeric" autocomplete="off" />
        <button class="button" type="submit">
          {t('consent.new.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

const answerText = (ui: Ui, answer: string, reason: string) => `${ui.t(`consent.answers.${answer}`)}: ${ui.t(`consent.reasons.${reason}`)}`;

export function ConsentRegisterPage({ ui, name, base, view, withdrawErrors = {} }: Frame & { view: RegisterView; withdrawErrors?: Record<string, string> }) {
  const { t } = ui;
  const { consent } = view;
  const here = `${base}/consents/${consent.id}`;
  const signerName = (id: string | null) => {
    const signer = view.signers.find((entry) => entry.id === id);
    return signer ? signerLabel(ui, signer) : '–';
  };
  const serviceName = (id: string | null) => {
    const found = view.services.find((entry) => entry.service.id === id);
    return found ? localized(ui, found.service.label).text : t('consent.wholeConsent');
  };
  const summary = summaryOf(withdrawErrors);
  return (
    <StaffLayout ui={ui} title={`${t('consent.register.title')} ${consent.caseReference}`} name={name} hasError={summary.length > 0} here={here}>
      <a class="back" href={`${base}/consents?case=${encodeURIComponent(consent.caseReference)}`}>
        {t('consent.list.title')}
      </a>
      <ErrorSummary ui={ui} errors={summary} />
      <h1>
        {t('consent.register.title')} {consent.caseReference}
      </h1>
      <p class="lead">
        <span class={`status status--${view.status}`}>{t(`consent.statuses.${view.status}`)}</span>
      </p>
      <p>{t('consent.register.validUntil', { date: formatDate(view.validUntil, ui.lang) })}</p>
      {view.subjects.length > 0 && <p>{t('consent.register.subjects', { subjects: view.subjects.join(', ') })}</p>}

      <h2>{t('consent.register.servicesTitle')}</h2>
      <Table caption={t('consent.register.servicesTitle')} headers={[t('consent.register.service'), t('consent.register.mayShare'), ...view.signers.map((signer) => signerLabel(ui, signer))]}>
        {view.services.map((row) => (
          <tr>
            <th scope="row">{localized(ui, row.service.label).text}</th>
            <td>{answerText(ui, row.answer, row.reason)}</td>
            {view.signers.map((signer) => (
              <td>{row.decisions[signer.id] ? t(`consent.decisions.${row.decisions[signer.id]}`) : '–'}</td>
            ))}
          </tr>
        ))}
      </Table>

      <h2>{t('consent.register.signersTitle')}</h2>
      <ul class="signers">
        {view.signers.map((signer) => (
          <li>
            <h3>{signerLabel(ui, signer)}</h3>
            <p>{t(`consent.scopes.${signer.scope}`)}</p>
            {signer.signedAt ? (
              <p>{t('consent.register.signedBy', { name: signer.maskedName ?? '', date: formatDate(signer.signedAt, ui.lang) })}</p>
            ) : (
              <form method="post" action={`${here}/signers/${signer.id}/link`}>
                <p>{signer.hasLink ? t('consent.register.linkMade') : t('consent.register.noLink')}</p>
                <SelectField ui={ui} id={`language-${signer.id}`} name="language" label={t('consent.register.linkLanguage')} compact options={LANGUAGES.map((code) => ({ value: code, text: t(`languageNames.${code}`) }))} />
                <button class="button button--secondary" type="submit">
                  {signer.hasLink ? t('consent.register.newLink') : t('consent.register.makeLink')}
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>

      <h2>{t('consent.register.countersignTitle')}</h2>
      {consent.countersignedAt ? (
        <p>{t('consent.register.countersigned', { date: formatDate(consent.countersignedAt, ui.lang) })}</p>
      ) : (
        <form method="post" action={`${here}/countersign`}>
          <p>{t('consent.register.countersignText')}</p>
          <button class="button button--secondary" type="submit">
            {t('consent.register.countersign')}
          </button>
        </form>
      )}

      <h2>{t('consent.register.withdrawTitle')}</h2>
      <form method="post" action={`${here}/withdraw`} novalidate>
        <SelectField ui={ui} id="signer" label={t('consent.register.withdrawSigner')} error={withdrawErrors.signer} options={view.signers.map((signer) => ({ value: signer.id, text: signerLabel(ui, signer) }))} />
        <SelectField
          ui={ui}
          id="service"
          label={t('consent.register.withdrawService')}
          error={withdrawErrors.service}
          options={[{ value: 'all', text: t('consent.wholeConsent') }, ...view.services.map((row) => ({ value: row.service.id, text: localized(ui, row.service.label).text }))]}
        />
        <TextField ui={ui} id="note" label={t('consent.register.withdrawNote')} hint={t('consent.register.withdrawNoteHint')} error={withdrawErrors.note} autocomplete="off" />
        <button class="button button--warning" type="submit">
          {t('consent.register.withdraw')}
        </button>
      </form>

      <h2>{t('consent.register.historyTitle')}</h2>
      <Table caption={t('consent.register.historyTitle')} headers={[t('consent.register.when'), t('consent.register.what'), t('consent.register.who'), t('consent.register.service'), t('consent.register.note')]}>
        {view.history.map((event) => (
          <tr>
            <td>{formatDate(event.at, ui.lang)}</td>
            <td>{t(`consent.events.${event.kind === 'declined' && event.notRelevant ? 'notRelevant' : event.kind}`)}</td>
            <td>
              {signerName(event.signerId)}
              {event.byStaff && event.kind !== 'requested' ? ` (${t('consent.register.byStaff')})` : ''}
            </td>
            <td>{event.kind === 'requested' || event.kind === 'limited' || event.kind === 'expired' ? '–' : serviceName(event.service)}</td>
            <td>{[event.note, event.subject, event.periodUntil && formatDate(event.periodUntil, ui.lang)].filter(Boolean).join(' · ') || '–'}</td>
          </tr>
        ))}
      </Table>
    </StaffLayout>
  );
}

export function ConsentCheckPage({ ui, name, base, services, query, verdict }: Frame & { services: ServiceView[]; query: { case: string; service: string }; verdict?: VerdictView }) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('consent.check.title')} name={name}>
      <a class="back" href={`${base}/consents`}>
        {t('consent.list.title')}
      </a>
      <h1>{t('consent.check.title')}</h1>
      <form method="get" action={`${base}/consents/check`}>
        <TextField ui={ui} id="case" label={t('consent.caseReference')} value={query.case} width="w20" autocomplete="off" />
        <SelectField ui={ui} id="service" label={t('consent.register.service')} value={query.service} options={services.map((service) => ({ value: service.id, text: localized(ui, service.label).text }))} />
        <button class="button" type="submit">
          {t('consent.check.submit')}
        </button>
      </form>
      {verdict && (
        <section class={`verdict verdict--${verdict.answer}`} aria-labelledby="verdict-title">
          <h2 id="verdict-title">{t(`consent.answers.${verdict.answer}`)}</h2>
          <p>{t(`consent.reasons.${verdict.reason}`)}</p>
          {verdict.until && <p>{t('consent.register.validUntil', { date: formatDate(verdict.until, ui.lang) })}</p>}
          {verdict.subjects && <p>{t('consent.register.subjects', { subjects: verdict.subjects.join(', ') })}</p>}
        </section>
      )}
    </StaffLayout>
  );
}

export function ServiceListPage({ ui, name, base, version, rows, errors }: Frame & { version: number; rows: ServiceRow[]; errors: ServiceFieldError[] }) {
  const { t } = ui;
  const languageName = (lang: ServiceLanguage) => t(`consent.services.languages.${lang}`);
  const message = (error: ServiceFieldError) => t(`consent.services.errors.${error.key}`, { language: error.lang ? languageName(error.lang) : '' });
  const errorOf = (field: string) => {
    const error = errors.find((candidate) => candidate.field === field);
    return error && message(error);
  };
  const text = (row: ServiceRow, index: number, kind: 'label' | 'explanation', lang: ServiceLanguage) => (
    <TextField ui={ui} id={fieldId(`${kind}-${lang}`, index)} label={t(`consent.services.${kind}`, { language: languageName(lang) })} value={row[kind][lang]} error={errorOf(fieldId(`${kind}-${lang}`, index))} />
  );
  return (
    <StaffLayout ui={ui} title={t('consent.services.title')} name={name} hasError={errors.length > 0} here={`${base}/consents/services`}>
      <a class="back" href={`${base}/consents`}>
        {t('consent.list.title')}
      </a>
      <ErrorSummary ui={ui} errors={errors.map((error) => ({ href: `#${error.field}`, text: message(error) }))} />
      <h1>{t('consent.services.title')}</h1>
      <p>{t('consent.services.version', { version })}</p>
      <p>{t('consent.services.text')}</p>
      <form method="post" action={`${base}/consents/services`} novalidate>
        <input type="hidden" name="version" value={String(version)} />
        <input type="hidden" name="rows" value={String(rows.length)} />
        {rows.map((row, index) => {
          const isNew = index === rows.length - 1 && !row.id;
          return (
            <fieldset class="fieldset service-row">
              <legend class="legend">{isNew ? t('consent.services.new') : row.label[ui.lang as ServiceLanguage] || row.label.nb}</legend>
              {isNew ? <div class="hint">{t('consent.services.newHint')}</div> : <input type="hidden" name={fieldId('id', index)} value={row.id} />}
              {SERVICE_LANGUAGES.map((lang) => text(row, index, 'label', lang))}
              {SERVICE_LANGUAGES.map((lang) => text(row, index, 'explanation', lang))}
              <CheckboxField id={fieldId('health', index)} label={t('consent.services.health')} checked={row.health} />
              <TextField ui={ui} id={fieldId('notify', index)} type="email" label={t('consent.services.notify')} hint={t('consent.services.notifyHint')} value={row.notify} error={errorOf(fieldId('notify', index))} autocomplete="off" spellcheck={false} />
              {isNew ? null : <CheckboxField id={fieldId('remove', index)} label={t('consent.services.remove')} checked={row.remove} />}
            </fieldset>
          );
        })}
        <button class="button" type="submit">
          {t('consent.services.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}
