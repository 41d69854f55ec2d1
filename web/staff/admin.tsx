import { ROLES, UNIT_KINDS } from '../../worker/core/vocabulary.ts';
import type { Role } from '../../worker/core/vocabulary.ts';
import type { Municipality } from '../../worker/core/municipality.ts';
import type { PersonView as Person, TokenView as ApiToken } from './records.ts';
import { formatDate } from '../../worker/core/i18n/format.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Table } from '../components/table.tsx';
import type { Ui } from '../ui.ts';
import { StaffLayout } from './staff-layout.tsx';
import { ErrorMessage } from '../components/error-message.tsx';

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
      </ul>
    </nav>
  );
}

function RoleBoxes({ ui, prefix, chosen }: { ui: Ui; prefix: string; chosen: readonly string[] }) {
  return (
    <div class="choices choices--inline">
      {ROLES.map((role) => (
        <div class="choice">
          <input type="checkbox" id={`${prefix}-${role}`} name="roles" value={role} checked={chosen.includes(role)} />
          <label for={`${prefix}-${role}`}>{ui.t(`staff.roles.${role}`)}</label>
        </div>
      ))}
    </div>
  );
}

function UnitSelect({ ui, id, units, chosen }: { ui: Ui; id: string; units: Unit[]; chosen: string | null }) {
  return (
    <select class="select" id={id} name="unit">
      <option value="">{ui.t('admin.people.noUnit')}</option>
      {units.map((unit) => (
        <option value={unit.id} selected={chosen === unit.id}>
          {unit.name}
        </option>
      ))}
    </select>
  );
}

export interface PeoplePageProps {
  ui: Ui;
  name: string;
  base: string;
  municipality: Municipality;
  members: { person: Person; roles: Role[]; unitId: string | null }[];
  units: Unit[];
  values?: PersonValues;
  errors: Record<string, string>;
}

export function PeoplePage({ ui, name, base, municipality, members, units, values, errors }: PeoplePageProps) {
  const { t } = ui;
  const fieldError = (field: string) => <ErrorMessage ui={ui} id={`${field}-error`} error={errors[field]} />;
  const summary = Object.entries(errors).map(([field, text]) => ({ href: field === 'roles' ? '#invite-roles-staff' : `#${field}`, text }));
  return (
    <StaffLayout ui={ui} title={t('admin.people.title')} name={name} hasError={summary.length > 0} here={`${base}/people`}>
      <AdminNav ui={ui} base={base} />
      <ErrorSummary ui={ui} errors={summary} />
      <h1>{t('admin.people.title')}</h1>
      <p class="lead">{municipality.name}</p>
      {members.map(({ person, roles, unitId }) => (
        <form method="post" action={`${base}/people/${person.id}`} class="member" id={`person-${person.id}`} tabindex={-1}>
          <fieldset class="fieldset">
            <legend class="legend">
              {person.name} <span class="hint">({person.email})</span>
            </legend>
            {fieldError(`person-${person.id}`)}
            <RoleBoxes ui={ui} prefix={`roles-${person.id}`} chosen={roles} />
            <label class="label label--small" for={`unit-${person.id}`}>
              {t('admin.people.unit')}
            </label>
            <UnitSelect ui={ui} id={`unit-${person.id}`} units={units} chosen={unitId} />
            <button class="button button--secondary" type="submit">
              {t('admin.people.save', { name: person.name })}
            </button>
          </fieldset>
        </form>
      ))}
      <h2>{t('admin.people.invite')}</h2>
      <p>{t('admin.people.inviteText')}</p>
      <form method="post" action={`${base}/people`} novalidate>
        <div class={errors.name ? 'question question--error' : 'question'}>
          <label class="label" for="name">
            {t('admin.people.name')}
          </label>
          {fieldError('name')}
          <input class="input" type="text" id="name" name="name" value={values?.name} autocomplete="off" aria-describedby={errors.name ? 'name-error' : undefined} aria-invalid={errors.name ? 'true' : undefined} />
        </div>
        <div class={errors.email ? 'question question--error' : 'question'}>
          <label class="label" for="email">
            {t('admin.people.email')}
          </label>
          {fieldError('email')}
          <input class="input" type="email" id="email" name="email" value={values?.email} autocomplete="off" spellcheck={false} aria-describedby={errors.email ? 'email-error' : undefined} aria-invalid={errors.email ? 'true' : undefined} />
        </div>
        <div class={errors.roles ? 'question question--error' : 'question'}>
          <fieldset class="fieldset" aria-describedby={errors.roles ? 'roles-error' : undefined}>
            <legend class="legend">{t('admin.people.roles')}</legend>
            {fieldError('roles')}
            <RoleBoxes ui={ui} prefix="invite-roles" chosen={values?.roles ?? ['staff']} />
          </fieldset>
        </div>
        <div class={errors.unit ? 'question question--error' : 'question'}>
          <label class="label" for="unit">
            {t('admin.people.unit')}
          </label>
          {fieldError('unit')}
          <UnitSelect ui={ui} id="unit" units={units} chosen={values?.unit ?? null} />
        </div>
        <button class="button" type="submit">
          {t('admin.people.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

export function AuditPage({ ui, name, base, municipality, rows }: { ui: Ui; name: string; base: string; municipality: Municipality; rows: { at: Date; actor: string; action: string; targetType: string; targetId: string; via: string }[] }) {
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
        <Table caption={t('admin.audit.title')} headers={[t('admin.audit.at'), t('admin.audit.actor'), t('admin.audit.action'), t('admin.audit.target')]}>
          {rows.map((row) => (
            <tr>
              <td>{time.format(row.at)}</td>
              <td>{row.actor}</td>
              <td>
                <code>{row.action}</code>
              </td>
              <td>
                {row.targetType} <span class="hint">{row.targetId}</span>
              </td>
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
          <label class="label" for="token-secret">
            {t('admin.tokens.created')}
          </label>
          <input class="input" type="text" id="token-secret" value={secret} readonly />
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
        <div class={error ? 'question question--error' : 'question'}>
          <label class="label" for="token-name">
            {t('admin.tokens.name')}
          </label>
          <ErrorMessage ui={ui} id="token-name-error" error={error} />
          <input class="input" type="text" id="token-name" name="name" autocomplete="off" aria-describedby={error ? 'token-name-error' : undefined} aria-invalid={error ? 'true' : undefined} />
        </div>
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
}

export interface SettingsPageProps {
  ui: Ui;
  name: string;
  base: string;
  municipality: Municipality;
  units: (Unit & { kind: string })[];
  values: SettingsValues;
  unitValues?: { unitName: string; unitKind: string };
  errors: Record<string, string>;
  saved?: boolean;
}

export function SettingsPage({ ui, name, base, municipality, units, values, unitValues, errors, saved }: SettingsPageProps) {
  const { t } = ui;
  const summary = Object.entries(errors).map(([field, text]) => ({ href: `#${field}`, text }));
  const message = (field: string) => <ErrorMessage ui={ui} id={`${field}-error`} error={errors[field]} />;
  const radios = (field: keyof SettingsValues, options: [string, string][]) => (
    <div class={errors[field] ? 'question question--error' : 'question'}>
      <fieldset class="fieldset" aria-describedby={errors[field] ? `${field}-error` : undefined}>
        <legend class="legend">{t(`admin.settings.${field}`)}</legend>
        {message(field)}
        <div class="choices">
          {options.map(([value, label], index) => (
            <div class="choice">
              <input type="radio" id={index === 0 ? field : `${field}-${value}`} name={field} value={value} checked={values[field] === value} />
              <label for={index === 0 ? field : `${field}-${value}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
  const number = (field: 'suppressionThreshold' | 'draftTtlDays' | 'responseRetentionMonths') => (
    <div class={errors[field] ? 'question question--error' : 'question'}>
      <label class="label" for={field}>
        {t(`admin.settings.${field}`)}
      </label>
      <div class="hint" id={`${field}-hint`}>
        {t(`admin.settings.${field}Hint`)}
      </div>
      {message(field)}
      <input class="input input--w6" type="text" inputmode="numeric" id={field} name={field} value={values[field]} aria-describedby={[`${field}-hint`, errors[field] ? `${field}-error` : ''].filter(Boolean).join(' ')} aria-invalid={errors[field] ? 'true' : undefined} />
    </div>
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
          ['nb', t('languageNames.nb')],
          ['nn', t('languageNames.nn')],
        ])}
        {number('suppressionThreshold')}
        {number('draftTtlDays')}
        {number('responseRetentionMonths')}
        {radios('linkVisibility', [
          ['unit', t('admin.settings.visibilityUnit')],
          ['sender', t('admin.settings.visibilitySender')],
        ])}
        <button class="button" type="submit">
          {t('admin.settings.submit')}
        </button>
      </form>
      <h2>{t('admin.units.title')}</h2>
      {units.length === 0 ? (
        <p>{t('admin.units.none')}</p>
      ) : (
        <ul>
          {units.map((unit) => (
            <li>
              {unit.name} <span class="hint">({t(`admin.units.kinds.${unit.kind}`)})</span>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={`${base}/units`} novalidate>
        <div class={errors.unitName ? 'question question--error' : 'question'}>
          <label class="label" for="unitName">
            {t('admin.units.name')}
          </label>
          <ErrorMessage ui={ui} id="unitName-error" error={errors.unitName} />
          <input class="input" type="text" id="unitName" name="unitName" value={unitValues?.unitName} autocomplete="off" aria-describedby={errors.unitName ? 'unitName-error' : undefined} aria-invalid={errors.unitName ? 'true' : undefined} />
        </div>
        <div class={errors.unitKind ? 'question question--error' : 'question'}>
          <label class="label" for="unitKind">
            {t('admin.units.kind')}
          </label>
          <ErrorMessage ui={ui} id="unitKind-error" error={errors.unitKind} />
          <select class="select" id="unitKind" name="unitKind" aria-describedby={errors.unitKind ? 'unitKind-error' : undefined} aria-invalid={errors.unitKind ? 'true' : undefined}>
            <option value="">{t('admin.units.chooseKind')}</option>
            {UNIT_KINDS.map((kind) => (
              <option value={kind} selected={unitValues?.unitKind === kind}>
                {t(`admin.units.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <button class="button button--secondary" type="submit">
          {t('admin.units.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}
