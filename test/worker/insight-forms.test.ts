/** The user-insight survey forms: valid, complete in three languages, and every question under a theme. */
import { describe, expect, it } from 'vitest';
import { compiledForms } from '../../worker/generated/forms.ts';
import { checkForm } from '../../worker/engine/check.ts';
import { isSurvey } from '../../worker/engine/survey.ts';
import { THEMES } from '../../worker/core/vocabulary.ts';

const SURVEYS = ['innsikt-barn', 'innsikt-ungdom', 'innsikt-foresatte', 'innsikt-tilsette'];

describe('survey forms', () => {
  it('are built, anonymous, in nb, nn and en, with a theme on every question', () => {
    for (const id of SURVEYS) {
      const form = compiledForms[id]?.definition;
      expect(form, id).toBeDefined();
      expect(isSurvey(form!)).toBe(true);
      expect(form!.languages).toEqual(['nb', 'nn', 'en']);
      for (const question of form!.pages.flatMap((page) => page.questions)) {
        if (question.type === 'info') continue;
        expect(THEMES, `${id}: ${question.id}`).toContain(question.theme);
      }
    }
  });

  it('ask for grade and gender from children and youth, in bands no finer than school stages', () => {
    for (const id of ['innsikt-barn', 'innsikt-ungdom']) {
      const questions = compiledForms[id]!.definition.pages.flatMap((page) => page.questions);
      const gender = questions.find((question) => question.id === 'gender');
      expect(gender?.type === 'single-choice' && gender.options.map((option) => option.value)).toEqual(['girl', 'boy', 'other', 'no-say']);
      const grade = questions.find((question) => question.id === 'grade');
      expect(grade?.type === 'single-choice' && grade.options.length).toBe(2);
    }
  });

  it('cover the themes of section 8.4: four for users, four for staff', () => {
    const themesOf = (ids: string[]) => new Set(ids.flatMap((id) => compiledForms[id]!.definition.pages.flatMap((page) => page.questions.map((question) => question.theme))));
    expect([...themesOf(['innsikt-barn', 'innsikt-ungdom', 'innsikt-foresatte'])]).toEqual(expect.arrayContaining(['school-quality', 'upbringing', 'friendship', 'help']));
    expect([...themesOf(['innsikt-tilsette'])]).toEqual(expect.arrayContaining(['collaboration', 'service-quality', 'work-conditions', 'professional-development']));
  });

  it('forms:check refuses a survey question without a theme, and a kind that cannot be counted one value per respondent', () => {
    const form = structuredClone(compiledForms['innsikt-barn']!.definition) as Record<string, unknown> & typeof compiledForms[string]['definition'];
    const first = form.pages[1]!.questions[0]!;
    delete (first as { theme?: string }).theme;
    form.pages[2]!.questions.push({ id: 'many', type: 'multiple-choice', theme: 'friendship', label: { nb: 'a', nn: 'a', en: 'a' }, options: [{ value: 'a', label: { nb: 'a', nn: 'a', en: 'a' } }, { value: 'b', label: { nb: 'b', nn: 'b', en: 'b' } }] } as never);
    const result = checkForm(form);
    expect(result.ok).toBe(false);
    const messages = result.ok ? [] : result.problems.map((problem) => `${problem.path}: ${problem.message}`);
    expect(messages).toContain(`pages[1].questions[0]: a survey question needs a theme; "${first.id}" has none`);
    expect(messages.some((message) => message.startsWith('pages[2].questions[2]: a survey question must be'))).toBe(true);
    // The same form without "anonymous" is no survey, and a theme is not required.
    const named = { ...structuredClone(compiledForms['innsikt-barn']!.definition), anonymous: false };
    delete (named.pages[1]!.questions[0] as { theme?: string }).theme;
    expect(checkForm(named).ok).toBe(true);
  });
});
