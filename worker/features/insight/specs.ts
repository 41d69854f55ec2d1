/**
 * The one set of tables a round can ever publish, worked out from its forms: every question
 * by every combination of unit, group (when more than one group is asked it) and the
 * background questions of its forms (that is what
 * the filters and the cross-tab can ask for), and the respondent counts by the same. The whole
 * set is published at once, so no view can reveal what another hides.
 */
import type { Theme } from '../../core/vocabulary.ts';
import type { Text } from '../../core/language.ts';
import { kindOf, type Question } from '../../engine/questions/index.ts';
import { isCounted } from '../../engine/survey.ts';
import { currentForm } from '../../platform/forms.ts';
import { DECLINE_OPTION } from '../../engine/page-input.ts';
import type { LocalQuestion, Round } from './round.ts';
import type { ResponseRow, TableSpec } from './suppression/index.ts';

export const UNIT = 'unit';
export const GROUP = 'group';

/** A counted question of the round, with the groups whose forms ask it. */
export interface RoundQuestion {
  id: string;
  label: Text;
  theme: Theme;
  type: Question['type'];
  /** Option values with their labels, in the form's order (yes/no answers take theirs from the locale files). */
  options: { value: string; label?: Text }[];
  groups: string[];
  /** Background questions asked alongside it. */
  backgrounds: string[];
}

export interface RoundTables {
  questions: RoundQuestion[];
  /** Background questions (theme `background`), by id. */
  backgrounds: RoundQuestion[];
  dimensions: Record<string, string[]>;
  specs: TableSpec[];
}

const optionsOf = (question: Question): { value: string; label?: Text }[] => {
  if (question.type === 'single-choice') return question.options;
  if (question.type === 'smiley-scale') return question.labels.map((label, index) => ({ value: String(index + 1), label }));
  if (question.type === 'yes-no') return (kindOf(question).answers?.(question) ?? []).map((value) => ({ value }));
  return [];
};

const subsets = <T>(items: readonly T[]): T[][] => items.reduce<T[][]>((sets, item) => [...sets, ...sets.map((set) => [...set, item])], [[]]);

export const tableId = (question: string | undefined, by: readonly string[]) => `${question ?? 'respondents'}:${[...by].sort().join('+') || 'all'}`;

const scoresOf = (question: RoundQuestion) => (question.type === 'smiley-scale' ? Object.fromEntries(question.options.map((option) => [option.value, Number(option.value)])) : undefined);

/** The questions, dimensions and tables of a round; its units are the dimension `unit`. */
export function roundTables(round: Pick<Round, 'groups' | 'localQuestions'>, unitIds: readonly string[]): RoundTables {
  const byId = new Map<string, RoundQuestion>();
  for (const { group, form: formId } of round.groups) {
    const form = currentForm(formId)?.definition;
    if (!form) continue;
    const asked: Question[] = [...form.pages.flatMap((page) => page.questions), ...round.localQuestions.map((question: LocalQuestion) => ({ ...question, type: 'single-choice' as const, theme: 'local' as const, required: false }))];
    const counted = asked.filter((question) => isCounted(question) && question.theme);
    const backgrounds = counted.filter((question) => question.theme === 'background').map((question) => question.id);
    for (const question of counted) {
      const known = byId.get(question.id);
      if (known) {
        known.groups.push(group);
        for (const option of optionsOf(question)) if (!known.options.some((item) => item.value === option.value)) known.options.push(option);
        for (const background of backgrounds) if (!known.backgrounds.includes(background) && background !== question.id) known.backgrounds.push(background);
        continue;
      }
      byId.set(question.id, { id: question.id, label: question.label, theme: question.theme!, type: question.type, options: optionsOf(question), groups: [group], backgrounds: question.theme === 'background' ? [] : [...backgrounds] });
    }
  }
  const all = [...byId.values()];
  const backgrounds = all.filter((question) => question.theme === 'background');
  const questions = all.filter((question) => question.theme !== 'background');
  const dimensions: Record<string, string[]> = { [UNIT]: [...unitIds], [GROUP]: round.groups.map((entry) => entry.group) };
  for (const question of all) dimensions[question.id] = question.options.map((option) => option.value);
  const allBackgrounds = backgrounds.map((question) => question.id);
  const specs: TableSpec[] = [
    ...subsets([UNIT, GROUP, ...allBackgrounds]).map((by) => ({ id: tableId(undefined, by), by })),
    ...questions.flatMap((question) =>
      subsets([UNIT, ...(question.groups.length > 1 ? [GROUP] : []), ...question.backgrounds]).map((by) => {
        const scores = scoresOf(question);
        return { id: tableId(question.id, by), question: question.id, by, ...(scores ? { scores } : {}) };
      }),
    ),
  ];
  return { questions, backgrounds, dimensions, specs };
}

/**
 * Each round's rows start as a copy of one object with every key: an object given its keys one
 * by one past a dozen or so is kept by V8 as a hash table, and counting a round reads each key
 * of each row (a copy of a parsed object keeps a fixed layout, and is read some twice as fast).
 */
const rowTemplates = new WeakMap<RoundTables, Readonly<Record<string, string>>>();
function rowTemplate(tables: RoundTables) {
  let template = rowTemplates.get(tables);
  if (!template) {
    const keys = [UNIT, GROUP, ...tables.backgrounds.map(({ id }) => id), ...tables.questions.map(({ id }) => id)];
    template = JSON.parse(JSON.stringify(Object.fromEntries(keys.map((key) => [key, ''])))) as Record<string, string>;
    rowTemplates.set(tables, template);
  }
  return template;
}

/** One stored answer as a row to count: its unit and group, and one option (or '') per question. */
export function responseRow(tables: RoundTables, answer: { unitId: string; group: string; answers: unknown }): ResponseRow {
  const answers = (answer.answers ?? {}) as Record<string, unknown>;
  const row: Record<string, string> = { ...rowTemplate(tables) };
  row[UNIT] = answer.unitId;
  row[GROUP] = answer.group;
  for (const question of [...tables.backgrounds, ...tables.questions]) {
    const value = answers[question.id];
    row[question.id] = typeof value === 'string' && value !== DECLINE_OPTION && tables.dimensions[question.id]!.includes(value) ? value : '';
  }
  return row;
}
