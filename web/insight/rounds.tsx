/** The planner's round pages: the list, a new round, one round with its open links, and a poster per link. */
import { INSIGHT_GROUPS } from '../../worker/core/vocabulary.ts';
import type { FormDefinition } from '../../worker/engine/schema.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { CheckboxesField, SelectField, TextAreaField, TextField } from '../components/fields.tsx';
import { Layout } from '../components/layout.tsx';
import { Table } from '../components/table.tsx';
import { StaffLayout } from '../staff/staff-layout.tsx';
import { localized, type Ui } from '../ui.ts';

export interface RoundSummary {
  id: string;
  name: string;
  opensOn: string;
  closesOn: string;
  status: 'upcoming' | 'open' | 'closed';
}

const period = (ui: Ui, round: Pick<RoundSummary, 'opensOn' | 'closesOn'>) => ui.t('insight.round.period', { opens: round.opensOn, closes: round.closesOn });

export function RoundsPage({ ui, name, base, rounds }: { ui: Ui; name: string; base: string; rounds: RoundSummary[] }) {
  const { t } = ui;
  return (
    <StaffLayout ui={ui} title={t('insight.rounds.title')} name={name}>
      <h1>{t('insight.rounds.title')}</h1>
      <p>{t('insight.rounds.intro')}</p>
      <p>
        <a class="button" href={`${base}/rounds/new`}>
          {t('insight.rounds.new')}
        </a>
      </p>
      {rounds.length === 0 ? (
        <p>{t('insight.rounds.none')}</p>
      ) : (
        <Table caption={t('insight.rounds.title')} headers={[t('insight.round.name'), t('insight.round.periodHeading'), t('insight.round.statusHeading')]}>
          {rounds.map((round) => (
            <tr>
              <td>
                <a href={`${base}/rounds/${round.id}`}>{round.name}</a>
              </td>
              <td>{period(ui, round)}</td>
              <td>{t(`insight.status.${round.status}`)}</td>
            </tr>
          ))}
        </Table>
      )}
    </StaffLayout>
  );
}

export interface NewRoundValues {
  name: string;
  opensOn: string;
  closesOn: string;
  groups: string[];
  forms: Record<string, string>;
  units: string[];
  local: { text: string; textEn: string; options: string; optionsEn: string }[];
}

export interface NewRoundProps {
  ui: Ui;
  name: string;
  base: string;
  /** The municipality's written standard, the language local questions are written in besides English. */
  standard: 'nb' | 'nn';
  units: { id: string; name: string }[];
  forms: Record<string, FormDefinition[]>;
  values: NewRoundValues;
  /** Field → message. */
  errors: Record<string, string>;
  slots: number;
}

/** Where an error's link in the summary leads: the field itself, or the first box of a group. */
const anchor = (field: string, props: NewRoundProps) => {
  if (field === 'groups') return `groups-${INSIGHT_GROUPS[0]}`;
  if (field === 'units') return `units-${props.units[0]?.id ?? ''}`;
  if (field === 'local') return 'local-1-text';
  return field;
};

export function NewRoundPage(props: NewRoundProps) {
  const { ui, name, base, standard, units, forms, values, errors, slots } = props;
  const { t } = ui;
  const summary = Object.entries(errors).map(([field, text]) => ({ href: `#${anchor(field, props)}`, text }));
  const language = t(`languageNames.${standard}`);
  return (
    <StaffLayout ui={ui} title={t('insight.new.title')} name={name} hasError={summary.length > 0} here={`${base}/rounds/new`}>
      <a class="back" href={base}>
        {t('insight.rounds.title')}
      </a>
      <ErrorSummary ui={ui} errors={summary} />
      <h1>{t('insight.new.title')}</h1>
      <form method="post" action={`${base}/rounds`} novalidate>
        <TextField ui={ui} id="name" label={t('insight.round.name')} hint={t('insight.new.nameHint')} error={errors.name} value={values.name} autocomplete="off" />
        <TextField ui={ui} id="opensOn" label={t('insight.new.opensOn')} hint={t('insight.new.dateHint')} error={errors.opensOn} value={values.opensOn} width="w20" autocomplete="off" />
        <TextField ui={ui} id="closesOn" label={t('insight.new.closesOn')} hint={t('insight.new.dateHint')} error={errors.closesOn} value={values.closesOn} width="w20" autocomplete="off" />
        <CheckboxesField ui={ui} name="groups" idPrefix="groups" legend={t('insight.new.groups')} hint={t('insight.new.groupsHint')} error={errors.groups} values={values.groups} options={INSIGHT_GROUPS.map((group) => ({ value: group, text: t(`insight.groups.${group}`) }))} />
        {INSIGHT_GROUPS.filter((group) => (forms[group]?.length ?? 0) > 1 || errors[`form-${group}`]).map((group) => (
          <SelectField
            ui={ui}
            id={`form-${group}`}
            label={t('insight.new.formFor', { group: t(`insight.groups.${group}`) })}
            error={errors[`form-${group}`]}
            value={values.forms[group]}
            options={(forms[group] ?? []).map((form) => ({ value: form.id, text: localized(ui, form.title).text }))}
          />
        ))}
        <CheckboxesField ui={ui} name="units" idPrefix="units" legend={t('insight.new.units')} error={errors.units} values={values.units} options={units.map((unit) => ({ value: unit.id, text: unit.name }))} />
        <h2>{t('insight.new.localTitle')}</h2>
        <p>{t('insight.new.localIntro', { language })}</p>
        {errors.local && (
          <p class="error-message" id="local-error">
            {errors.local}
          </p>
        )}
        {Array.from({ length: slots }, (_, index) => {
          const entry = values.local[index] ?? { text: '', textEn: '', options: '', optionsEn: '' };
          const id = `local-${index + 1}`;
          return (
            <fieldset class="fieldset local-question">
              <legend class="legend">{t('insight.new.localQuestion', { n: index + 1 })}</legend>
              <TextField ui={ui} id={`${id}-text`} name="localText" label={t('insight.new.localText', { language })} error={errors[`${id}-text`]} value={entry.text} autocomplete="off" />
              <TextField ui={ui} id={`${id}-text-en`} name="localTextEn" label={t('insight.new.localText', { language: t('languageNames.en') })} value={entry.textEn} autocomplete="off" />
              <TextAreaField ui={ui} id={`${id}-options`} name="localOptions" label={t('insight.new.localOptions', { language })} hint={t('insight.new.localOptionsHint')} error={errors[`${id}-options`]} value={entry.options} />
              <TextAreaField ui={ui} id={`${id}-options-en`} name="localOptionsEn" label={t('insight.new.localOptions', { language: t('languageNames.en') })} value={entry.optionsEn} />
            </fieldset>
          );
        })}
        <button class="button" type="submit">
          {t('insight.new.submit')}
        </button>
      </form>
    </StaffLayout>
  );
}

export interface OpenLinkView {
  id: string;
  unitName: string;
  group: string;
  url: string;
  qr: string;
  invited: number | null;
}

export interface RoundPageProps {
  ui: Ui;
  name: string;
  base: string;
  round: RoundSummary & { localQuestions: number; groups: string[] };
  links: OpenLinkView[];
  pendingQuotes: number;
  /** The first number invited that is not one, and what to say. */
  invitedError?: { linkId: string; text: string };
}

export function RoundPage({ ui, name, base, round, links, pendingQuotes, invitedError }: RoundPageProps) {
  const { t } = ui;
  const here = `${base}/rounds/${round.id}`;
  return (
    <StaffLayout ui={ui} title={round.name} name={name} hasError={!!invitedError} here={here}>
      <a class="back" href={base}>
        {t('insight.rounds.title')}
      </a>
      <ErrorSummary ui={ui} errors={invitedError ? [{ href: `#invited-${invitedError.linkId}`, text: invitedError.text }] : []} />
      <h1>{round.name}</h1>
      <dl class="summary">
        <div class="summary-row">
          <dt>{t('insight.round.periodHeading')}</dt>
          <dd>{period(ui, round)}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('insight.round.statusHeading')}</dt>
          <dd>{t(`insight.status.${round.status}`)}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('insight.new.groups')}</dt>
          <dd>{round.groups.map((group) => t(`insight.groups.${group}`)).join(', ')}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('insight.new.localTitle')}</dt>
          <dd>{round.localQuestions}</dd>
        </div>
      </dl>
      <ul>
        {round.status === 'closed' ? (
          <li>
            <a href={`${here}/results`}>{t('insight.dashboard.title')}</a>
          </li>
        ) : (
          <li>{t('insight.round.resultsLater')}</li>
        )}
        <li>
          <a href={`${here}/quotes`}>{t('insight.quotes.link', { count: pendingQuotes })}</a>
        </li>
      </ul>
      <h2>{t('insight.round.linksTitle')}</h2>
      <p>{t('insight.round.linksIntro')}</p>
      <form method="post" action={`${here}/invited`} novalidate>
        <Table caption={t('insight.round.linksTitle')} headers={[t('insight.round.unit'), t('insight.round.group'), t('insight.round.link'), t('insight.round.invited')]}>
          {links.map((link) => (
            <tr>
              <td>{link.unitName}</td>
              <td>{t(`insight.groups.${link.group}`)}</td>
              <td>
                <p class="letter-url">{link.url}</p>
                <img class="qr qr--small" src={link.qr} alt={t('insight.round.qrAlt', { unit: link.unitName, group: t(`insight.groups.${link.group}`) })} width="96" height="96" />
                <p>
                  <a href={`${here}/poster/${link.id}`}>{t('insight.round.poster', { unit: link.unitName, group: t(`insight.groups.${link.group}`) })}</a>
                </p>
              </td>
              <td>
                <label class="visually-hidden" for={`invited-${link.id}`}>
                  {t('insight.round.invitedFor', { unit: link.unitName, group: t(`insight.groups.${link.group}`) })}
                </label>
                {invitedError?.linkId === link.id && (
                  <p class="error-message" id={`invited-${link.id}-error`}>
                    {invitedError.text}
                  </p>
                )}
                <input
                  class="input input--w6"
                  type="text"
                  inputmode="numeric"
                  id={`invited-${link.id}`}
                  name={`invited-${link.id}`}
                  value={link.invited ?? ''}
                  autocomplete="off"
                  aria-invalid={invitedError?.linkId === link.id ? 'true' : undefined}
                  aria-describedby={invitedError?.linkId === link.id ? `invited-${link.id}-error` : undefined}
                />
              </td>
            </tr>
          ))}
        </Table>
        <button class="button button--secondary" type="submit">
          {t('insight.round.saveInvited')}
        </button>
      </form>
      {round.status !== 'closed' && (
        <>
          <h2>{t('insight.round.closeTitle')}</h2>
          <p>{t('insight.round.closeIntro')}</p>
          <form method="post" action={`${here}/close`}>
            <input type="hidden" name="confirm" value="yes" />
            <button class="button button--warning" type="submit">
              {t('insight.round.close')}
            </button>
          </form>
        </>
      )}
    </StaffLayout>
  );
}

/** A poster for one unit and group, in the municipality's written standard; prints on one page. */
export function PosterPage({ ui, municipality, form, url, qr, unitName, closesOn, back }: { ui: Ui; municipality: string; form: FormDefinition; url: string; qr: string; unitName: string; closesOn: string; back: string }) {
  const { t } = ui;
  const title = localized(ui, form.title);
  return (
    <Layout ui={ui} title={title.text} owner={municipality}>
      <p class="no-print">
        <a href={back} class="back">
          {t('insight.poster.back')}
        </a>
      </p>
      <p class="no-print">{t('insight.poster.printHint')}</p>
      <article class="poster">
        <p class="letter-from">
          {municipality} · {unitName}
        </p>
        <h1 lang={title.lang}>{title.text}</h1>
        <p class="poster-lead">{t('insight.poster.lead')}</p>
        <img class="qr" src={qr} alt={t('insight.poster.qrAlt')} width="280" height="280" />
        <p>{t('insight.poster.orType')}</p>
        <p class="letter-url">{url}</p>
        <p>{t('insight.poster.anonymous')}</p>
        <p>{t('insight.poster.until', { date: closesOn })}</p>
      </article>
    </Layout>
  );
}
