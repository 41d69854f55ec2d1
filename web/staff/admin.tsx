import { ROLES, UNIT_KINDS } from '../../worker/core/vocabulary.ts';
import type { Role } from '../../worker/core/vocabulary.ts';
import type { Municipality } from '../../worker/core/municipality.ts';
import type { PersonView as Person, TokenView as ApiToken } from './records.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Table } from '../components/table.tsx';
import type { Ui } from '../ui.ts';
import { StaffLayout } from './staff-layout.tsx';
import { CheckboxField, Checkboxes, CheckboxesField, Fieldset, RadiosField, SelectField, TextField, type Option } from '../components/fields.tsx';

export interface PersonValues {
  email: string;
  name: string;
  roles: string[];
  unit: string;
}

interface Unit {
  id: string;
  name: string;
}

function AdminNav({ ui, base }: { ui: Ui; base: string }) {
  const { t } = ui;
  return (
    <nav aria-label={t('admin.nav')}>
      <ul class="admin-nav">
        <li>
          <a href={`${base}/people`}>{t('admin.people.title')}</a>
        </li>
        <li>
          <a href={`${base}/audit`}>{t('admin.audit.title')}</a>
        </li>
        <li>
          <a href={`${base}/tokens`}>{t('admin.tokens.title')}</a>
        </li>
        <li>
          <a href={`${base}/settings`}>{t('admin.settings.title')}</a>
        </li>
        <li>
          <a href={`${base}/cases`}>{t('admin.caseSettings.title')}</a>
        </li>
      </ul>
    </nav>
  );
}

const roleOptions = (ui: Ui): Option[] => ROLES.map((role) => ({ value: role, text: ui.t(`staff.roles.${role}`) }));
const unitOptions = (ui: Ui, units: Unit[]): Option[] => [{ value: '', text: ui.t('admin.people.noUnit') }, ...units.map((unit) => ({ value: unit.id, text: unit.name }))];

export interface PeoplePageProps {
  ui: Ui;
  name: string;
  base: string;
  municipality: Municipality;
  members: { person: Person; roles: Role[]; unitId: string | null; readsAnswers: boolean }[];
  units: Unit[];
  values?: PersonValues;
  errors: Record<string, string>;
}

export function PeoplePage({ ui, name, base, municipality, members, units, values, errors }: PeoplePageProps) {
  const { t } = ui;
  const summary = Object.entries(errors).map(([field, text]) => ({ href: field === 'roles' ? '#invite-roles-staff' : `#${field}`, text }));
  return (
    <StaffLayout ui={ui} title={t('admin.people.title')} name={name} hasError={summary.length > 0} here={`${base}/people`}>
      <AdminNav ui={ui} base={base} />
      <ErrorSummary ui={ui} errors={summary} />
      <h1>{t('admin.people.title')}</h1>
      <p class="lead">{municipality.name}</p>
      <p>{t('admin.people.readsAnswersText')}</p>
      {members.map(({ person, roles, unitId, readsAnswers }) => (
        <form method="post" action={`${base}/people/${person.id}`} class="member" id={`person-${person.id}`} tabindex={-1}>
          <Fieldset
            ui={ui}
            id={`person-${person.id}`}
            legend={
              <>
                {person.name} <span class="hint">({person.email})</span>
              </>
            }
            error={errors[`person-${person.id}`]}
          >
            <Checkboxes name="roles" idPrefix={`roles-${person.id}`} options={roleOptions(ui)} values={roles} inline />
            <SelectField ui={ui} id={`unit-${person.id}`} name="unit" label={t('admin.people.unit')} compact value={unitId ?? ''} options={unitOptions(ui, units)} />
            <CheckboxField id={`reads-${person.id}`} name="readsAnswers" label={t('admin.people.readsAnswers')} checked={readsAnswers} />
            <button class="button button--secondary" type="submit">
              {t('admin.people.save', { name: person.name })}
            </button>
          </Fieldset>
        </form>
      ))}
      <h2>{t('admin.people.invite')}</h2>
      <p>{t('admin.people.inviteText')}</p>
      <form method="post" action={`${base}/people`} novalidate>
        <TextField ui={ui} id="name" label={t('admin.people.name')} error={errors.name} value={values?.name} autocomplete="off" />
        <TextField ui={ui} id="email" type="email" label={t('admin.people.email')} error={errors.email} value={values?.email} autocomplete="off" spellcheck={false} />
        <CheckboxesField ui={ui} name="roles" idPrefix="invite-roles" legend={t('admin.people.roles')} error={errors.roles} options={roleOptions(ui)} values={values?.roles ?? ['staff']} inline />
        <SelectField ui={ui} id="unit" label={t('admin.people.unit')} error={errors.unit} value={values?.unit ?? ''} options={unitOptions(ui, units)} />
        <button class="button" type="submit">
          {t('admin.people.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

export function AuditPage({ ui, name, base, municipality, rows }: { ui: Ui; name: string; base: string; municipality: Municipality; rows: { at: Date; sentence: string }[] }) {
  const { t } = ui;
  const time = new Intl.DateTimeFormat(ui.lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Europe/Oslo' });
  return (
    <StaffLayout ui={ui} title={t('admin.audit.title')} name={name}>
      <AdminNav ui={ui} base={base} />
      <h1>{t('admin.audit.title')}</h1>
      <p class="lead">{municipality.name}</p>
      <p>{t('admin.audit.intro')}</p>
      <p>
        <a href={`${base}/audit.csv`}>{t('admin.audit.export')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('admin.audit.none')}</p>
      ) : (
        <Table caption={t('admin.audit.title')} headers={[t('admin.audit.at'), t('admin.audit.action')]}>
          {rows.map((row) => (
            <tr>
              <td>{time.format(row.at)}</td>
              <td>{row.sentence}</td>
            </tr>
          ))}
        </Table>
      )}
    </StaffLayout>
  );
}

export function TokensPage({ ui, name, base, municipality, tokens, secret, error }: { ui: Ui; name: string; base: string; municipality: Municipality; tokens: ApiToken[]; secret?: string; error?: string }) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('admin.tokens.title')} name={name} hasError={!!error} here={`${base}/tokens`} languageLinks={!secret}>
      <AdminNav ui={ui} base={base} />
      <ErrorSummary ui={ui} errors={error ? [{ href: '#token-name', text: error }] : []} />
      <h1>{t('admin.tokens.title')}</h1>
      <p class="lead">{municipality.name}</p>
      <p>{t('admin.tokens.intro')}</p>
      {secret && (
        <div class="panel panel--code">
          <TextField ui={ui} id="token-secret" label={t('admin.tokens.created')} value={secret} readonly />
          <p>{t('admin.tokens.secretOnce')}</p>
        </div>
      )}
      {tokens.length === 0 ? (
        <p>{t('admin.tokens.none')}</p>
      ) : (
        <ul class="cards">
          {tokens.map((token) => (
            <li>
              <h2>{token.name}</h2>
              <p>
                {t('admin.tokens.issued', { date: formatDate(token.createdAt, ui.lang) })} ·{' '}
                {token.lastUsedAt ? t('admin.tokens.lastUsed', { date: formatDate(token.lastUsedAt, ui.lang) }) : t('admin.tokens.never')}
              </p>
              {token.revokedAt ? (
                <p>
                  <strong>{t('admin.tokens.revoked')}</strong>
                </p>
              ) : (
                <form method="post" action={`${base}/tokens/${token.id}/revoke`}>
                  <button class="button button--warning" type="submit">
                    {t('admin.tokens.revoke', { name: token.name })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('admin.tokens.new')}</h2>
      <form method="post" action={`${base}/tokens`} novalidate>
        <TextField ui={ui} id="token-name" name="name" label={t('admin.tokens.name')} error={error} autocomplete="off" />
        <button class="button" type="submit">
          {t('admin.tokens.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

export interface SettingsValues {
  writtenStandard: string;
  suppressionThreshold: string;
  draftTtlDays: string;
  responseRetentionMonths: string;
  linkVisibility: string;
  helpContact: string;
  dpoContact: string;
}

export interface SettingsPageProps {
  ui: Ui;
  name: string;
  base: string;
  municipality: Municipality;
  units: (Unit & { kind: string; contact: string | null })[];
  values: SettingsValues;
  unitValues?: { unitName: string; unitKind: string; unitContact: string };
  errors: Record<string, string>;
  saved?: boolean;
}

export function SettingsPage({ ui, name, base, municipality, units, values, unitValues, errors, saved }: SettingsPageProps) {
  const { t } = ui;
  const summary = Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }));
  const radios = (field: 'writtenStandard' | 'linkVisibility', options: Option[]) => (
    <RadiosField ui={ui} name={field} legend={t(`admin.settings.${field}`)} value={values[field]} error={errors[field]} options={options} />
  );
  const number = (field: 'suppressionThreshold' | 'draftTtlDays' | 'responseRetentionMonths') => (
    <TextField ui={ui} id={field} label={t(`admin.settings.${field}`)} hint={t(`admin.settings.${field}Hint`)} error={errors[field]} value={values[field]} width="w6" inputmode="numeric" />
  );
  return (
    <StaffLayout ui={ui} title={t('admin.settings.title')} name={name} hasError={summary.length > 0} here={`${base}/settings`}>
      <AdminNav ui={ui} base={base} />
      <ErrorSummary ui={ui} errors={summary} />
      <h1>{t('admin.settings.title')}</h1>
      <p class="lead">{municipality.name}</p>
      {saved && (
        <p class="notice" role="status">
          {t('admin.settings.saved')}
        </p>
      )}
      <form method="post" action={`${base}/settings`} novalidate>
        {radios('writtenStandard', [
          { value: 'nb', text: t('languageNames.nb') },
          { value: 'nn', text: t('languageNames.nn') },
        ])}
        {number('suppressionThreshold')}
        {number('draftTtlDays')}
        {number('responseRetentionMonths')}
        {radios('linkVisibility', [
          { value: 'unit', text: t('admin.settings.visibilityUnit') },
          { value: 'sender', text: t('admin.settings.visibilitySender') },
        ])}
        <TextField ui={ui} id="helpContact" label={t('childsVoice.staff.helpContact')} hint={t('childsVoice.staff.helpContactHint')} error={errors.helpContact} value={values.helpContact} autocomplete="off" />
        <TextField ui={ui} id="dpoContact" label={t('admin.settings.dpoContact')} hint={t('admin.settings.dpoContactHint')} error={errors.dpoContact} value={values.dpoContact} autocomplete="off" />
        <button class="button" type="submit">
          {t('admin.settings.submit')}
        </button>
      </form>
      <h2>{t('admin.units.title')}</h2>
      {units.length === 0 ? (
        <p>{t('admin.units.none')}</p>
      ) : (
        <ul class="cards">
          {units.map((unit) => (
            <li>
              <h3>
                {unit.name} <span class="hint">({t(`admin.units.kinds.${unit.kind}`)})</span>
              </h3>
              <form method="post" action={`${base}/units/${unit.id}`} novalidate>
                <TextField ui={ui} id={`contact-${unit.id}`} name="contact" label={t('admin.units.contactOf', { unit: unit.name })} hint={t('admin.units.contactHint')} error={errors[`contact-${unit.id}`]} value={unit.contact ?? ''} autocomplete="off" />
                <button class="button button--secondary button--small" type="submit">
                  {t('admin.units.saveContact', { unit: unit.name })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/units`} novalidate>
        <TextField ui={ui} id="unitName" label={t('admin.units.name')} error={errors.unitName} value={unitValues?.unitName} autocomplete="off" />
        <SelectField
          ui={ui}
          id="unitKind"
          label={t('admin.units.kind')}
          error={errors.unitKind}
          value={unitValues?.unitKind ?? ''}
          options={[{ value: '', text: t('admin.units.chooseKind') }, ...UNIT_KINDS.map((kind) => ({ value: kind, text: t(`admin.units.kinds.${kind}`) }))]}
        />
        <TextField ui={ui} id="unitContact" label={t('admin.units.contact')} hint={t('admin.units.contactHint')} error={errors.unitContact} value={unitValues?.unitContact} autocomplete="off" />
        <button class="button button--secondary" type="submit">
          {t('admin.units.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

export interface CaseSettingsPageProps {
  ui: Ui;
  name: string;
  base: string;
  municipality: Municipality;
  /** As typed, so a refused value is shown again beside its message. */
  flagReviewWorkingDays: string;
  error?: string;
  saved?: boolean;
}

/** The municipality's case settings: within how many working days a flagged response must be read. */
export function CaseSettingsPage({ ui, name, base, municipality, flagReviewWorkingDays, error, saved }: CaseSettingsPageProps) {
  const { t } = ui;
  const field = 'flagReviewWorkingDays';
  return (
    <StaffLayout ui={ui} title={t('admin.caseSettings.title')} name={name} hasError={!!error} here={`${base}/cases`}>
      <AdminNav ui={ui} base={base} />
      <ErrorSummary ui={ui} errors={error ? [{ href: `#${field}`, text: error }] : []} />
      <h1>{t('admin.caseSettings.title')}</h1>
      <p class="lead">{municipality.name}</p>
      {saved && (
        <p class="notice" role="status">
          {t('admin.caseSettings.saved')}
        </p>
      )}
      <form method="post" action={`${base}/cases`} novalidate>
        <TextField ui={ui} id={field} label={t(`admin.caseSettings.${field}`)} hint={t(`admin.caseSettings.${field}Hint`)} error={error} value={flagReviewWorkingDays} width="w6" inputmode="numeric" />
        <button class="button" type="submit">
          {t('admin.caseSettings.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}
