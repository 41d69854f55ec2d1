/**
 * The child's voice family: one file, three age versions, eight languages, shared core
 * questions; and the rules forms:check applies to any family.
 */
import { describe, expect, it } from 'vitest';
import family from '../../forms/barnets-stemme/family.json';
import { checkForm } from '../../worker/engine/check.ts';
import { resolveFamily } from '../../worker/engine/family.ts';
import { isFlagged } from '../../worker/engine/flag.ts';
import type { FormDefinition } from '../../worker/engine/schema.ts';
import type { Question } from '../../worker/engine/questions/index.ts';
import { LANGUAGES, type Language } from '../../worker/core/language.ts';
import { translator } from '../../worker/core/i18n/translate.ts';
import { speech } from '../../web/questions/frame.tsx';

/** The ids the staff side (assessment, meeting record, case page) relies on. */
const CORE = ['safe-home', 'safe-school', 'safe-way', 'trusted-adult', 'good-friend', 'listened-to', 'what-is-good', 'good-at', 'what-is-hard', 'who-worries', 'worry-about', 'adults-should-know', 'what-next', 'who-at-meeting'];

const clone = () => JSON.parse(JSON.stringify(family)) as typeof family;
const problemsOf = (input: unknown) => {
  const result = resolveFamily(input);
  return result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
};

function versions(): FormDefinition[] {
  const result = resolveFamily(family);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.versions.map((version) => {
    const checked = checkForm(version.definition);
    if (!checked.ok) throw new Error(`${version.id}: ${JSON.stringify(checked.problems)}`);
    return checked.definition;
  });
}
const questionsOf = (form: FormDefinition) => form.pages.flatMap((page) => page.questions);

describe('the child’s voice family', () => {
  const forms = versions();

  it('resolves into three versions for ages 3–6, 7–12 and 13–18, each a valid form', () => {
    expect(forms.map((form) => [form.id, form.ages])).toEqual([
      ['barnets-stemme-3-6', { min: 3, max: 6 }],
      ['barnets-stemme-7-12', { min: 7, max: 12 }],
      ['barnets-stemme-13-18', { min: 13, max: 18 }],
    ]);
    for (const form of forms) expect(form.family).toBe('barnets-stemme');
  });

  it('has every core question in every version, with the same id and type', () => {
    expect(family.core).toEqual(CORE);
    const typeIn = (form: FormDefinition, id: string) => questionsOf(form).find((question) => question.id === id)?.type;
    for (const id of CORE) {
      const types = forms.map((form) => typeIn(form, id));
      expect(types[0], id).toBeDefined();
      expect(new Set(types).size, `${id}: ${types.join(', ')}`).toBe(1);
    }
  });

  it('is in all eight languages, every text of every version', () => {
    for (const form of forms) expect(form.languages).toEqual([...LANGUAGES]);
    // checkForm already refuses a missing text; this says so plainly for the family.
    const texts = (value: unknown): Record<string, string>[] =>
      Array.isArray(value) ? value.flatMap(texts) : value && typeof value === 'object' ? ('nb' in value && typeof (value as Record<string, unknown>).nb === 'string' ? [value as Record<string, string>] : Object.values(value).flatMap(texts)) : [];
    for (const form of forms) for (const text of texts(form)) expect(Object.keys(text).sort(), text.nb).toEqual([...LANGUAGES].sort());
  });

  it('offers "I don\'t want to answer" on every question, and "I don\'t know" where a choice allows it', () => {
    for (const form of forms) {
      expect(form.allowDecline).toBe(true);
      for (const question of questionsOf(form)) {
        expect(question.allowDecline, question.id).not.toBe(false);
        if (question.type === 'yes-no') expect(question.dontKnow, question.id).toBe(true);
        if (question.type === 'multiple-choice') expect(question.options.map((option) => option.value), question.id).toContain('dont-know');
      }
    }
  });

  it('has a picture with every question for ages 3–6, and none for the older versions', () => {
    const [young, ...older] = forms;
    for (const question of questionsOf(young!)) expect(question.picture, question.id).toBeDefined();
    for (const form of older) for (const question of questionsOf(form)) expect(question.picture, question.id).toBeUndefined();
  });

  it.each(LANGUAGES)('reads every question aloud in %s: its label, hint, every answer and "I don\'t want to answer"', (lang: Language) => {
    const ui = { lang, t: translator(lang) };
    for (const form of forms) {
      for (const question of questionsOf(form)) {
        const spoken = speech(ui, question, 'option');
        expect(spoken).toContain(question.label[lang]!.replace(/[.?!؟]$/, ''));
        if (question.hint) expect(spoken).toContain(question.hint[lang]!.replace(/[.?!]$/, ''));
        const answers = 'options' in question ? question.options.map((option) => option.label[lang]!) : 'labels' in question ? question.labels.map((label) => label[lang]!) : question.type === 'yes-no' ? [ui.t('answers.yes'), ui.t('answers.no'), ui.t('answers.dont-know')] : [];
        for (const answer of answers) expect(spoken, `${form.id} ${question.id}`).toContain(answer);
        expect(spoken).toContain(ui.t('question.decline'));
      }
    }
  });

  it('marks the answers that say a child is not safe or is being hurt', () => {
    const flagged = (form: FormDefinition) => Object.fromEntries(questionsOf(form).filter((question) => question.flagAnswers).map((question) => [question.id, question.flagAnswers]));
    expect(flagged(forms[0]!)).toEqual({ 'safe-home': ['1'], 'safe-school': ['1'], 'safe-way': ['1'] });
    expect(flagged(forms[1]!)).toEqual({ 'safe-home': ['1'], 'safe-school': ['1'], 'safe-way': ['1'], 'someone-hurts': ['yes'] });
  });
});

describe('forms:check on a family', () => {
  it('accepts the real family', () => {
    expect(problemsOf(family)).toEqual([]);
  });

  it('refuses a version without a core question the youngest has', () => {
    const broken = clone();
    const page = broken.versions[2]!.pages[0]! as { questions: unknown[] };
    page.questions = page.questions.filter((item) => item !== 'safe-way');
    expect(problemsOf(broken)).toEqual(['versions[2]: barnets-stemme-13-18 lacks the core question "safe-way" that barnets-stemme-3-6 has']);
  });

  it('refuses a core question the youngest version lacks', () => {
    const broken = clone();
    broken.core = [...broken.core, 'someone-hurts'];
    expect(problemsOf(broken)).toEqual(['core: the youngest version (barnets-stemme-3-6) lacks the core question "someone-hurts"']);
  });

  it('refuses a core question of another type in an older version', () => {
    const broken = clone();
    (broken.versions[1]!.pages[1]!.questions as unknown[])[1] = { use: 'good-friend', type: 'single-choice', options: [] };
    expect(problemsOf(broken)).toContain('versions[1]: the core question "good-friend" is single-choice in barnets-stemme-7-12 but yes-no in barnets-stemme-3-6');
  });

  it('refuses ages with a gap or an overlap', () => {
    const gap = clone();
    gap.versions[1]!.ages = { min: 8, max: 12 };
    expect(problemsOf(gap)).toEqual(['versions[1].ages: ages 8–12 must start at 7, right after the version before (3–6): no gap, no overlap']);
    const overlap = clone();
    overlap.versions[2]!.ages = { min: 12, max: 18 };
    expect(problemsOf(overlap)).toEqual(['versions[2].ages: ages 12–18 must start at 13, right after the version before (7–12): no gap, no overlap']);
  });

  it('refuses a page, question or scale the family does not have', () => {
    const broken = clone();
    broken.versions[0]!.pages[0]!.use = 'nowhere';
    (broken.versions[1]!.pages[0]!.questions as unknown[]).push('no-such-question');
    (broken.questions as Record<string, { scale?: string }>)['safe-home']!.scale = 'no-such-scale';
    expect(problemsOf(broken)).toEqual(
      expect.arrayContaining(['versions[0].pages[0].use: there is no shared page "nowhere"', 'versions[1].pages[0].questions[4]: there is no shared question "no-such-question"', 'versions[0].pages[0].questions[0]: there is no scale "no-such-scale"']),
    );
  });

  it('refuses a flagged answer the question cannot take', () => {
    const broken = clone();
    (broken.questions as Record<string, { flagAnswers?: string[] }>)['safe-home']!.flagAnswers = ['7'];
    const result = resolveFamily(broken);
    if (!result.ok) throw new Error('the family itself resolves');
    const checked = checkForm(result.versions[1]!.definition);
    expect(checked.ok ? [] : checked.problems).toEqual([{ path: 'pages[0].questions[0].flagAnswers', message: '"7" is not an answer to "safe-home" (it has 1, 2, 3)' }]);
  });
});

describe('isFlagged', () => {
  const form = versions()[1]!;

  it('flags the saddest point of feeling safe, and someone hurting the child', () => {
    expect(isFlagged(form, { 'safe-home': '1' })).toBe(true);
    expect(isFlagged(form, { 'safe-way': '1', 'safe-home': '3' })).toBe(true);
    expect(isFlagged(form, { 'someone-hurts': 'yes' })).toBe(true);
  });

  it('does not flag other answers, "I don\'t know", a declined question or free text', () => {
    expect(isFlagged(form, {})).toBe(false);
    expect(isFlagged(form, { 'safe-home': '2', 'safe-school': '3', 'someone-hurts': 'no', 'who-worries': ['me', 'family'] })).toBe(false);
    expect(isFlagged(form, { 'someone-hurts': 'dont-know' })).toBe(false);
    expect(isFlagged(form, { 'someone-hurts': { declined: true } })).toBe(false);
    expect(isFlagged(form, { 'what-is-hard': 'yes', 'worry-about': '1' })).toBe(false);
  });

  it('looks into the rows of a repeatable page and at every choice of a multiple choice', () => {
    const question = (id: string, extra: Partial<Question>) => ({ id, type: 'multiple-choice', label: { nb: id }, options: [{ value: 'a', label: { nb: 'A' } }, { value: 'b', label: { nb: 'B' } }], required: false, ...extra }) as Question;
    const repeated = { ...form, pages: [{ id: 'rows', title: { nb: 'Rader' }, repeat: { min: 0, max: 3, itemName: { nb: 'Rad' } }, questions: [question('pick', { flagAnswers: ['b'] })] }] } as FormDefinition;
    expect(isFlagged(repeated, { rows: [{ pick: ['a'] }, { pick: ['a', 'b'] }] })).toBe(true);
    expect(isFlagged(repeated, { rows: [{ pick: ['a'] }] })).toBe(false);
  });
});
