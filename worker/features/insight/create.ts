/** A new round as the planner's form sends it: read, checked field by field, and made into rows. */
import { INSIGHT_GROUPS, type InsightGroup } from '../../core/vocabulary.ts';
import { newResumeCode } from '../../core/secrets.ts';
import type { Text } from '../../core/language.ts';
import { localQuestionId, MAX_LOCAL_QUESTIONS, surveyFormsFor, type LocalQuestion, type Round } from './round.ts';
import type { RoundLink } from './repository.ts';

/** What the form sent, kept as typed so the page can show it again. */
export interface RoundValues {
  name: string;
  opensOn: string;
  closesOn: string;
  groups: string[];
  forms: Record<string, string>;
  units: string[];
  local: { text: string; textEn: string; options: string; optionsEn: string }[];
}

/** Field → message key under `insight.errors`. */
export type RoundErrors = Record<string, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (text: string) => DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean);

export function readRoundValues(body: ReadonlyMap<string, string[]>): RoundValues {
  const one = (name: string) => (body.get(name)?.[0] ?? '').trim();
  const all = (name: string) => body.get(name) ?? [];
  const texts = all('localText');
  const count = Math.max(texts.length, all('localTextEn').length, all('localOptions').length, all('localOptionsEn').length);
  return {
    name: one('name'),
    opensOn: one('opensOn'),
    closesOn: one('closesOn'),
    groups: all('groups'),
    forms: Object.fromEntries(INSIGHT_GROUPS.map((group) => [group, one(`form-${group}`)])),
    units: all('units'),
    local: Array.from({ length: count }, (_, index) => ({
      text: (texts[index] ?? '').trim(),
      textEn: (all('localTextEn')[index] ?? '').trim(),
      options: (all('localOptions')[index] ?? '').replace(/\r\n/g, '\n'),
      optionsEn: (all('localOptionsEn')[index] ?? '').replace(/\r\n/g, '\n'),
    })),
  };
}

const MIN_OPTIONS = 2;
const MAX_OPTIONS = 6;

/**
 * Checks every field and, when all are sound, gives the round (its local questions written in
 * the municipality's standard and English). `unitIds` are the municipality's units.
 */
export async function checkRound(values: RoundValues, standard: 'nb' | 'nn', unitIds: readonly string[]): Promise<{ errors: RoundErrors; round?: Pick<Round, 'name' | 'opensOn' | 'closesOn' | 'groups' | 'localQuestions'> }> {
  const errors: RoundErrors = {};
  if (values.name === '' || values.name.length > 120) errors.name = 'name';
  if (!isDate(values.opensOn)) errors.opensOn = 'date';
  if (!isDate(values.closesOn)) errors.closesOn = 'date';
  else if (!errors.opensOn && values.closesOn < values.opensOn) errors.closesOn = 'datesReversed';

  const groups = INSIGHT_GROUPS.filter((group) => values.groups.includes(group));
  if (groups.length === 0 || groups.length !== new Set(values.groups).size) errors.groups = 'groups';
  const chosen = groups.map((group) => ({ group, form: values.forms[group] || (surveyFormsFor(group)[0]?.id ?? '') }));
  for (const { group, form } of chosen) if (!surveyFormsFor(group).some((definition) => definition.id === form)) errors[`form-${group}`] = 'form';

  if (values.units.length === 0) errors.units = 'units';
  else if (values.units.some((unit) => !unitIds.includes(unit))) errors.units = 'unknownUnit';

  const asked = values.local.map((entry, index) => ({ ...entry, index })).filter((entry) => entry.text || entry.textEn || lines(entry.options).length || lines(entry.optionsEn).length);
  const localQuestions: LocalQuestion[] = [];
  if (asked.length > MAX_LOCAL_QUESTIONS) errors.local = 'tooManyLocal';
  else {
    for (const entry of asked) {
      const field = `local-${entry.index + 1}`;
      const options = lines(entry.options);
      const optionsEn = lines(entry.optionsEn);
      if (!entry.text || !entry.textEn || entry.text.length > 300 || entry.textEn.length > 300) errors[`${field}-text`] = 'localText';
      else if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS || options.length !== optionsEn.length || options.some((option) => option.length > 100)) errors[`${field}-options`] = 'localOptions';
      else {
        const text = (own: string, en: string): Text => ({ [standard]: own, en });
        localQuestions.push({ id: await localQuestionId(entry.text), label: text(entry.text, entry.textEn), options: options.map((option, index) => ({ value: `option-${index + 1}`, label: text(option, optionsEn[index]!) })) });
      }
    }
    if (new Set(localQuestions.map((question) => question.id)).size !== localQuestions.length) errors.local = 'localTwice';
  }
  if (Object.keys(errors).length) return { errors };
  return { errors, round: { name: values.name, opensOn: values.opensOn, closesOn: values.closesOn, groups: chosen, localQuestions } };
}

/** One open link per unit and group, each with its own code. */
export const linksFor = (groups: readonly { group: InsightGroup }[], unitIds: readonly string[]): Omit<RoundLink, 'roundId'>[] =>
  unitIds.flatMap((unitId) => groups.map(({ group }) => ({ id: crypto.randomUUID(), unitId, group: group, code: newResumeCode().replace('-', '').toLowerCase(), invited: null })));
