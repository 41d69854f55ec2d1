import { describe, expect, it } from 'vitest';
import barnetsStemme from '../../forms/barnets-stemme-demo.json';
import samtykke from '../../forms/samtykke-demo.json';
import { DECLINED, type Answers } from '../../worker/engine/answer.ts';
import { checkForm } from '../../worker/engine/check.ts';
import { conditionHolds, isShown, type Condition } from '../../worker/engine/condition.ts';
import { continuePage, missingRequired, pageAfter, pageBefore, pruneHidden, visiblePages } from '../../worker/engine/flow.ts';
import { DECLINE_OPTION, readPage, unknownFields } from '../../worker/engine/page-input.ts';
import type { FormDefinition, Page } from '../../worker/engine/schema.ts';
import { kindOf } from '../../worker/engine/questions/index.ts';

const TODAY = '2026-11-24';

const compile = (input: unknown): FormDefinition => {
  const result = checkForm(input);
  if (!result.ok) throw new Error(`form does not pass checkForm: ${JSON.stringify(result.problems)}`);
  return result.definition;
};

const child = compile(barnetsStemme);
const consent = compile(samtykke);

const page = (form: FormDefinition, id: string): Page => {
  const found = form.pages.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no page ${id}`);
  return found;
};

const body = (fields: Record<string, string | string[]>) =>
  new Map<string, string[]>(Object.entries(fields).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]));

const pageIds = (pages: readonly Page[]) => pages.map((item) => item.id);

describe('conditions', () => {
  const equalsCat: Condition = { question: 'pet', equals: 'cat' };
  const oneOfPets: Condition = { question: 'pet', oneOf: ['cat', 'dog'] };
  const notCat: Condition = { question: 'pet', not: 'cat' };

  it('equals holds only for that exact answer', () => {
    expect(conditionHolds(equalsCat, { pet: 'cat' })).toBe(true);
    expect(conditionHolds(equalsCat, { pet: 'dog' })).toBe(false);
  });

  it('oneOf holds for any of the listed answers', () => {
    expect(conditionHolds(oneOfPets, { pet: 'cat' })).toBe(true);
    expect(conditionHolds(oneOfPets, { pet: 'dog' })).toBe(true);
    expect(conditionHolds(oneOfPets, { pet: 'horse' })).toBe(false);
  });

  it('not holds for any other answer', () => {
    expect(conditionHolds(notCat, { pet: 'dog' })).toBe(true);
    expect(conditionHolds(notCat, { pet: 'cat' })).toBe(false);
  });

  it('an unanswered question matches no condition, not even not', () => {
    for (const condition of [equalsCat, oneOfPets, notCat]) {
      expect(conditionHolds(condition, {})).toBe(false);
      expect(conditionHolds(condition, { other: 'cat' })).toBe(false);
    }
  });

  it('a declined question matches no condition, not even not', () => {
    for (const condition of [equalsCat, oneOfPets, notCat]) expect(conditionHolds(condition, { pet: { declined: true } })).toBe(false);
  });

  it('a multiple-choice answer matches equals when the value is among the choices', () => {
    expect(conditionHolds(equalsCat, { pet: ['dog', 'cat'] })).toBe(true);
    expect(conditionHolds(equalsCat, { pet: ['dog'] })).toBe(false);
    expect(conditionHolds(oneOfPets, { pet: ['horse', 'dog'] })).toBe(true);
  });

  it('a multiple-choice answer matches not only when the value is not among the choices', () => {
    expect(conditionHolds(notCat, { pet: ['dog', 'cat'] })).toBe(false);
    expect(conditionHolds(notCat, { pet: ['dog'] })).toBe(true);
  });

  it('a number answer is compared as text', () => {
    expect(conditionHolds({ question: 'count', equals: '2' }, { count: 2 })).toBe(true);
  });

  it('a question without a condition is always shown', () => {
    expect(isShown(undefined, {})).toBe(true);
  });

  it('a single condition decides on its own', () => {
    expect(isShown(equalsCat, { pet: 'cat' })).toBe(true);
    expect(isShown(equalsCat, { pet: 'dog' })).toBe(false);
  });

  it('a list of conditions is shown only when all of them hold', () => {
    const both: Condition[] = [equalsCat, { question: 'age', oneOf: ['young'] }];
    expect(isShown(both, { pet: 'cat', age: 'young' })).toBe(true);
    expect(isShown(both, { pet: 'cat', age: 'old' })).toBe(false);
    expect(isShown(both, { pet: 'dog', age: 'young' })).toBe(false);
    expect(isShown(both, { pet: 'cat' })).toBe(false);
  });
});

describe('the way through the child form', () => {
  it("shows the page about what is hard only when school feels bad or so-so (1, 2 or 3)", () => {
    for (const feeling of ['1', '2', '3']) expect(pageIds(visiblePages(child, { 'school-feeling': feeling }))).toContain('school-hard');
    for (const feeling of ['4', '5']) expect(pageIds(visiblePages(child, { 'school-feeling': feeling }))).not.toContain('school-hard');
  });

  it('hides the page about what is hard when the school question is unanswered or declined', () => {
    expect(pageIds(visiblePages(child, {}))).toEqual(['school', 'friends', 'adults', 'wish']);
    expect(pageIds(visiblePages(child, { 'school-feeling': DECLINED }))).toEqual(['school', 'friends', 'adults', 'wish']);
  });

  it('goes from school to the page about what is hard when school feels bad', () => {
    expect(pageAfter(child, { 'school-feeling': '2' }, 'school')?.id).toBe('school-hard');
    expect(pageAfter(child, { 'school-feeling': '2' }, 'school-hard')?.id).toBe('friends');
  });

  it('skips the page about what is hard when school feels good', () => {
    expect(pageAfter(child, { 'school-feeling': '5' }, 'school')?.id).toBe('friends');
    expect(pageBefore(child, { 'school-feeling': '5' }, 'friends')?.id).toBe('school');
  });

  it('goes back to the page about what is hard when it is shown', () => {
    expect(pageBefore(child, { 'school-feeling': '1' }, 'friends')?.id).toBe('school-hard');
  });

  it('has no page after the last and none before the first', () => {
    expect(pageAfter(child, {}, 'wish')).toBeUndefined();
    expect(pageBefore(child, {}, 'school')).toBeUndefined();
  });

  it('drops the answer about wanting help with friends when the child has a friend', () => {
    expect(pruneHidden(child, { 'has-friend': 'yes', 'wants-help-friend': 'yes' })).toEqual({ 'has-friend': 'yes' });
  });

  it('keeps the answer about wanting help with friends when the child has no friend', () => {
    const answers = { 'has-friend': 'no', 'wants-help-friend': 'yes' };
    expect(pruneHidden(child, answers)).toEqual(answers);
  });

  it('drops the answer on a page that a later change hid', () => {
    expect(pruneHidden(child, { 'school-feeling': '5', 'school-hard-text': 'Matte' })).toEqual({ 'school-feeling': '5' });
    expect(pruneHidden(child, { 'school-feeling': '3', 'school-hard-text': 'Matte' })).toEqual({
      'school-feeling': '3',
      'school-hard-text': 'Matte',
    });
  });

  it('drops answers to questions that are not in the form', () => {
    expect(pruneHidden(child, { 'school-feeling': '4', invented: 'x' })).toEqual({ 'school-feeling': '4' });
  });

  it('lists the required visible questions that are unanswered, in form order', () => {
    const missing = missingRequired(child, {});
    expect(missing.map((item) => [item.page.id, item.question.id])).toEqual([
      ['school', 'school-feeling'],
      ['friends', 'has-friend'],
    ]);
  });

  it('counts a declined answer as answered', () => {
    expect(missingRequired(child, { 'school-feeling': DECLINED, 'has-friend': DECLINED })).toEqual([]);
  });

  it('lists a required follow-up question only when it is shown', () => {
    const missingIds = (answers: Answers) => missingRequired(consent, answers).map((item) => item.question.id);
    expect(missingIds({ scope: 'all' })).not.toContain('scope-subject');
    expect(missingIds({ scope: 'limited' })).toContain('scope-subject');
    expect(missingIds({ scope: 'limited', 'scope-subject': 'Skolegang' })).not.toContain('scope-subject');
  });

  it('never lists an information block as missing', () => {
    expect(missingRequired(consent, {}).map((item) => item.question.id)).toEqual([
      'child-name',
      'child-national-id',
      'agencies',
      'scope',
      'signature',
    ]);
  });

  it('starts someone with no answers on the first page', () => {
    expect(continuePage(child, {})?.id).toBe('school');
  });

  it('continues after the last page with an answer', () => {
    expect(continuePage(child, { 'school-feeling': '4' })?.id).toBe('friends');
    expect(continuePage(child, { 'school-feeling': '2' })?.id).toBe('school-hard');
    expect(continuePage(child, { 'school-feeling': '4', 'has-friend': 'yes', 'listened-to': '3' })?.id).toBe('wish');
  });

  it('goes back to an earlier page where a required answer is missing', () => {
    expect(continuePage(child, { 'school-feeling': '4', 'listened-to': '2' })?.id).toBe('friends');
    expect(continuePage(child, { 'adults-should-know': 'Hei' })?.id).toBe('school');
  });

  it('has no page to continue on when everything is done', () => {
    expect(continuePage(child, { 'school-feeling': '5', 'has-friend': 'yes', 'adults-should-know': 'Takk' })).toBeUndefined();
    expect(continuePage(child, { 'school-feeling': DECLINED, 'has-friend': 'no', 'adults-should-know': DECLINED })).toBeUndefined();
  });
});

describe('reading a submitted page', () => {
  const friends = page(child, 'friends');
  const wish = page(child, 'wish');
  const adults = page(child, 'adults');
  const childPage = page(consent, 'child');
  const limits = page(consent, 'limits');
  const sign = page(consent, 'sign');

  it("reports an empty required question with its type's required message when strict", () => {
    const result = readPage(consent, childPage, {}, body({ 'child-name': '', 'child-national-id': '' }), TODAY, 'strict');
    expect(result.errors.map((error) => [error.question.id, error.error.key])).toEqual([
      ['child-name', 'requiredText'],
      ['child-national-id', 'requiredNationalId'],
    ]);
    for (const error of result.errors) expect(error.error.key).toBe(kindOf(error.question).requiredError);
    expect(result.answers).toEqual({});
  });

  it('reports a required yes/no question as a missing choice', () => {
    const result = readPage(child, friends, {}, body({}), TODAY, 'strict');
    expect(result.errors.map((error) => [error.question.id, error.error.key])).toEqual([['has-friend', 'requiredChoice']]);
  });

  it('reports invalid answers and keeps the valid ones when strict', () => {
    const result = readPage(consent, childPage, {}, body({ 'child-name': 'Ola Nordmann', 'child-national-id': '123' }), TODAY, 'strict');
    expect(result.errors.map((error) => error.error.key)).toEqual(['nationalIdLength']);
    expect(result.answers).toEqual({ 'child-name': 'Ola Nordmann' });
  });

  it('reports nothing in lenient mode and keeps the valid answers', () => {
    const result = readPage(consent, childPage, {}, body({ 'child-name': 'Ola Nordmann', 'child-national-id': '123' }), TODAY, 'lenient');
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual({ 'child-name': 'Ola Nordmann' });
  });

  it('does not ask for required answers in lenient mode', () => {
    const result = readPage(child, friends, {}, body({}), TODAY, 'lenient');
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual({});
  });

  it('merges the page into answers saved earlier', () => {
    const result = readPage(child, friends, { 'school-feeling': '4' }, body({ 'has-friend': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'school-feeling': '4', 'has-friend': 'yes' });
  });

  it('removes an answer the respondent cleared', () => {
    const result = readPage(child, wish, { 'adults-should-know': 'Hei' }, body({ 'adults-should-know': '' }), TODAY, 'lenient');
    expect(result.answers).toEqual({});
  });

  it("takes the radio option \"I don't want to answer\" as a declined answer when the form allows it", () => {
    const result = readPage(child, friends, {}, body({ 'has-friend': DECLINE_OPTION }), TODAY, 'strict');
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual({ 'has-friend': { declined: true } });
  });

  it("does not take the decline radio value as an answer when the form does not offer declining", () => {
    const result = readPage(consent, limits, {}, body({ scope: DECLINE_OPTION }), TODAY, 'strict');
    expect(result.answers.scope).toBeUndefined();
    expect(result.errors.map((error) => [error.question.id, error.error.key])).toEqual([['scope', 'unknownOption']]);
  });

  it("takes the checkbox \"I don't want to answer\" as a declined answer when the form allows it", () => {
    const result = readPage(child, wish, {}, body({ 'adults-should-know.declined': 'yes', 'adults-should-know': '' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'adults-should-know': { declined: true } });
  });

  it('lets a declined checkbox win over text typed in the same field', () => {
    const result = readPage(child, wish, {}, body({ 'adults-should-know.declined': 'yes', 'adults-should-know': 'Hei' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'adults-should-know': { declined: true } });
  });

  it('ignores the decline checkbox when the form does not offer declining', () => {
    const result = readPage(consent, childPage, {}, body({ 'child-name.declined': 'yes', 'child-name': '' }), TODAY, 'strict');
    expect(result.answers['child-name']).toBeUndefined();
    expect(result.errors.map((error) => [error.question.id, error.error.key])).toContainEqual(['child-name', 'requiredText']);
  });

  it('drops a same-page follow-up question hidden by the answer just sent', () => {
    const result = readPage(child, friends, {}, body({ 'has-friend': 'yes', 'wants-help-friend': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'has-friend': 'yes' });
  });

  it('drops a saved follow-up answer when the answer it depends on changes', () => {
    const saved = { 'has-friend': 'no', 'wants-help-friend': 'yes' };
    const result = readPage(child, friends, saved, body({ 'has-friend': 'yes', 'wants-help-friend': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'has-friend': 'yes' });
  });

  it('keeps a same-page follow-up question that the answer shows', () => {
    const result = readPage(child, friends, {}, body({ 'has-friend': 'no', 'wants-help-friend': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'has-friend': 'no', 'wants-help-friend': 'yes' });
  });

  it('does not require a hidden required follow-up question', () => {
    const hidden = readPage(consent, limits, {}, body({ scope: 'all', 'scope-subject': '' }), TODAY, 'strict');
    expect(hidden.errors).toEqual([]);
    const shown = readPage(consent, limits, {}, body({ scope: 'limited', 'scope-subject': '' }), TODAY, 'strict');
    expect(shown.errors.map((error) => [error.question.id, error.error.key])).toEqual([['scope-subject', 'requiredText']]);
  });

  it('returns what was sent so the page can be filled in again after an error', () => {
    const result = readPage(consent, sign, {}, body({ 'guardian-count': 'to', 'signature.name': 'Kari', 'signature.confirm': 'yes' }), TODAY, 'strict');
    expect(result.errors.map((error) => error.error.key)).toEqual(['notANumber']);
    expect(result.raw).toEqual({ 'guardian-count': { '': 'to' }, signature: { name: 'Kari', confirm: 'yes' } });
  });

  it('returns every ticked box of a multiple choice and marks a declined question', () => {
    const result = readPage(child, adults, {}, body({ 'listened-to': DECLINE_OPTION, 'trusted-adults': ['nurse', 'parent'] }), TODAY, 'strict');
    expect(result.raw['trusted-adults']).toEqual({ '': ['nurse', 'parent'] });
    expect(result.raw['listened-to']).toEqual({ '': DECLINE_OPTION, declined: 'yes' });
    expect(result.answers).toEqual({ 'listened-to': { declined: true }, 'trusted-adults': ['parent', 'nurse'] });
  });

  it('keeps a saved national identity number when its field comes back empty', () => {
    const saved = { 'child-name': 'Ola', 'child-national-id': '24111512345' };
    const result = readPage(consent, childPage, saved, body({ 'child-name': 'Ola', 'child-national-id': '' }), TODAY, 'strict');
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual(saved);
  });

  describe('unknown fields', () => {
    it('accepts the fields of the page and the action button', () => {
      const sent = body({ 'has-friend': 'yes', 'wants-help-friend': 'no', _action: 'next' });
      expect(unknownFields(child, friends, sent)).toEqual([]);
    });

    it('accepts the fields of multi-part questions', () => {
      const sent = body({ scope: 'all', 'scope-subject': '', 'valid-until.day': '1', 'valid-until.month': '1', 'valid-until.year': '2030' });
      expect(unknownFields(consent, limits, sent)).toEqual([]);
    });

    it('lists a field that is not on the page', () => {
      const sent = body({ 'has-friend': 'yes', 'school-feeling': '1', injected: 'x' });
      expect(unknownFields(child, friends, sent)).toEqual(['school-feeling', 'injected']);
    });

    it('accepts a decline checkbox only where one is offered', () => {
      expect(unknownFields(child, wish, body({ 'adults-should-know.declined': 'yes' }))).toEqual([]);
      expect(unknownFields(consent, childPage, body({ 'child-name.declined': 'yes' }))).toEqual(['child-name.declined']);
      // Yes/no questions decline through a radio option, so they have no checkbox.
      expect(unknownFields(child, friends, body({ 'has-friend.declined': 'yes' }))).toEqual(['has-friend.declined']);
    });
  });
});
