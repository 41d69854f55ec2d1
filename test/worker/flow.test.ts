import { describe, expect, it } from 'vitest';
import { DECLINED, type Answers } from '../../worker/engine/answer.ts';
import { conditionHolds, isShown, type Condition } from '../../worker/engine/condition.ts';
import { journeyOf } from '../../worker/engine/journey.ts';
import { DECLINE_OPTION, readPage, rowOf, unknownFields } from '../../worker/engine/page-input.ts';
import type { FormDefinition, Page } from '../../worker/engine/schema.ts';
import { kindOf } from '../../worker/engine/questions/index.ts';
import { consentForm as consent, flowForm as child, householdForm as household } from '../fixtures/forms.ts';

const TODAY = '2026-11-24';

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

describe('the journey value', () => {
  const way = (answers: Answers, form: FormDefinition = child) => journeyOf(form, answers);
  const visible = (answers: Answers) => pageIds(way(answers).pages);
  const next = (answers: Answers, id: string) => way(answers).next(page(child, id))?.id;
  const previous = (answers: Answers, id: string) => way(answers).previous(page(child, id))?.id;
  const missing = (answers: Answers, form: FormDefinition = child) => way(answers, form).missing.map((item) => [item.page.id, item.row, item.question?.id]);

  it('shows the page about what is hard only when the feeling is bad or so-so', () => {
    for (const feeling of ['1', '2']) expect(visible({ feeling })).toContain('hard');
    expect(visible({ feeling: '3' })).not.toContain('hard');
  });

  it('hides the page about what is hard when the feeling is unanswered or declined', () => {
    expect(visible({})).toEqual(['mood', 'friends', 'note', 'wish']);
    expect(visible({ feeling: DECLINED })).toEqual(['mood', 'friends', 'note', 'wish']);
  });

  it('leads to the page about what is hard and on from it, and back again', () => {
    expect(next({ feeling: '1' }, 'mood')).toBe('hard');
    expect(next({ feeling: '1' }, 'hard')).toBe('friends');
    expect(previous({ feeling: '1' }, 'friends')).toBe('hard');
  });

  it('skips the page about what is hard when the feeling is good, both ways', () => {
    expect(next({ feeling: '3' }, 'mood')).toBe('friends');
    expect(previous({ feeling: '3' }, 'friends')).toBe('mood');
  });

  it('has no page after the last and none before the first', () => {
    expect(next({}, 'wish')).toBeUndefined();
    expect(previous({}, 'mood')).toBeUndefined();
  });

  it('drops a follow-up answer whose condition no longer holds', () => {
    expect(way({ 'has-friend': 'yes', 'wants-help': 'yes' }).answers).toEqual({ 'has-friend': 'yes' });
    expect(way({ 'has-friend': 'no', 'wants-help': 'yes' }).answers).toEqual({ 'has-friend': 'no', 'wants-help': 'yes' });
  });

  it('drops the answer on a page that a later change hid, and answers not in the form', () => {
    expect(way({ feeling: '3', 'hard-text': 'Matte' }).answers).toEqual({ feeling: '3' });
    expect(way({ feeling: '2', 'hard-text': 'Matte' }).answers).toEqual({ feeling: '2', 'hard-text': 'Matte' });
    expect(way({ feeling: '3', invented: 'x' }).answers).toEqual({ feeling: '3' });
  });

  it('lists the required visible questions that are unanswered, in form order, and counts declining as an answer', () => {
    expect(missing({})).toEqual([
      ['mood', undefined, 'feeling'],
      ['friends', undefined, 'has-friend'],
    ]);
    expect(missing({ feeling: DECLINED, 'has-friend': DECLINED })).toEqual([]);
  });

  it('lists a required follow-up question only when it is shown', () => {
    const ids = (answers: Answers) => missing(answers, consent).map((item) => item[2]);
    expect(ids({ scope: 'all' })).not.toContain('scope-subject');
    expect(ids({ scope: 'limited' })).toContain('scope-subject');
    expect(ids({ scope: 'limited', 'scope-subject': 'Skolegang' })).not.toContain('scope-subject');
  });

  it('continues at the first page, after the last answered page, or at an earlier page missing a required answer', () => {
    expect(way({}).continueAt?.id).toBe('mood');
    expect(way({ feeling: '3' }).continueAt?.id).toBe('friends');
    expect(way({ feeling: '1' }).continueAt?.id).toBe('hard');
    expect(way({ 'wish-text': 'Sol' }).continueAt?.id).toBe('mood');
    expect(way({ feeling: '3', 'has-friend': 'yes' }).continueAt?.id).toBe('note');
    expect(way({ feeling: '3', 'has-friend': 'yes', 'wish-text': 'Sol' }).continueAt).toBeUndefined();
  });

  it('counts a page completed once it has an answer and nothing required is missing', () => {
    const completed = (answers: Answers) => [...way(answers).completed].map((item) => item.id);
    expect(completed({})).toEqual([]);
    expect(completed({ feeling: '3', 'wants-help': 'no' })).toEqual(['mood']);
    expect(completed({ feeling: '3', 'has-friend': 'no', 'wish-text': 'Sol' })).toEqual(['mood', 'friends', 'wish']);
  });

  it('lets a page be visited only once nothing required is missing before it', () => {
    const mayVisit = (answers: Answers, id: string) => way(answers).mayVisit(page(child, id));
    expect(mayVisit({}, 'mood')).toBe(true);
    expect(mayVisit({}, 'friends')).toBe(false);
    expect(mayVisit({ feeling: '3' }, 'friends')).toBe(true);
    expect(mayVisit({ feeling: '3' }, 'wish')).toBe(false);
    // Optional questions left empty block nothing.
    expect(mayVisit({ feeling: '1', 'has-friend': 'yes' }, 'wish')).toBe(true);
    expect(mayVisit({ feeling: '3', 'has-friend': 'yes' }, 'hard')).toBe(false);
  });

  it('counts a conditional page until the answers rule it out, so the count holds while the person goes on', () => {
    const progress = (answers: Answers, id: string) => way(answers).progress(page(child, id));
    // Before the feeling is answered the page about what is hard may still come: counted.
    expect(progress({}, 'mood')).toEqual({ current: 1, total: 5 });
    expect(progress({ feeling: '1' }, 'hard')).toEqual({ current: 2, total: 5 });
    expect(progress({ feeling: '1', 'hard-text': 'Mye' }, 'friends')).toEqual({ current: 3, total: 5 });
    expect(progress({ feeling: '1', 'has-friend': 'yes' }, 'wish')).toEqual({ current: 5, total: 5 });
    // A good feeling rules it out, for good: the count drops once, when the answer decides it.
    expect(progress({ feeling: '4' }, 'friends')).toEqual({ current: 2, total: 4 });
    expect(progress({ feeling: '4', 'has-friend': 'no' }, 'wish')).toEqual({ current: 4, total: 4 });
    // Declining the question decides it too.
    expect(progress({ feeling: DECLINED }, 'friends')).toEqual({ current: 2, total: 4 });
  });

  it('tells the start page the questions on the counted pages, each once, information blocks not', () => {
    expect(way({}).questionCount).toBe(6);
    expect(way({ feeling: '5' }).questionCount).toBe(5);
    expect(way({ feeling: '5', 'has-friend': 'yes' }).questionCount).toBe(4);
    expect(way({ feeling: '1', 'has-friend': 'no' }).questionCount).toBe(6);
    // A repeatable page's questions count once, however many rows there are.
    const rows = [{ 'child-name': 'Ola' }, { 'child-name': 'Per' }];
    expect(way({ 'your-name': 'Kari', children: rows } as Answers, household).questionCount).toBe(5);
    expect(way({ 'your-name': 'Kari', children: rows } as Answers, household).progress(page(household, 'end'))).toEqual({ current: 3, total: 3 });
  });

  describe('a repeatable page', () => {
    const children = page(household, 'children');
    const rows = (value: unknown) => ({ 'your-name': 'Kari', children: value }) as Answers;

    it('keeps its rows under the page id, each pruned by its own conditions', () => {
      const journey = way(rows([{ 'child-name': 'Ola', 'in-school': 'no', 'school-name': 'Byskolen' }, { 'child-name': 'Per', 'in-school': 'yes', 'school-name': 'Byskolen' }]), household);
      expect(journey.rows(children)).toEqual([{ 'child-name': 'Ola', 'in-school': 'no' }, { 'child-name': 'Per', 'in-school': 'yes', 'school-name': 'Byskolen' }]);
      expect(journey.questions(children, 1).map((question) => question.id)).toEqual(['child-name', 'in-school']);
      expect(journey.questions(children, 2).map((question) => question.id)).toEqual(['child-name', 'in-school', 'school-name']);
      expect(journey.valueOf(children.questions[0]!, 2)).toBe('Per');
    });

    it('misses rows below the minimum and required answers on a row', () => {
      expect(missing(rows(undefined), household)).toEqual([['children', undefined, undefined]]);
      expect(missing(rows([{ 'in-school': 'no' }]), household)).toEqual([['children', 1, 'child-name']]);
      expect(missing(rows([{ 'child-name': 'Ola' }]), household)).toEqual([]);
    });

    it('blocks the pages after it until its rows are complete', () => {
      const end = page(household, 'end');
      expect(way(rows(undefined), household).mayVisit(end)).toBe(false);
      expect(way(rows([{ 'child-name': 'Ola' }]), household).mayVisit(end)).toBe(true);
    });

    it('never keeps more rows than the maximum, nor anything that is not a row', () => {
      const four = [1, 2, 3, 4].map((n) => ({ 'child-name': `Barn ${n}` }));
      expect(way(rows(four), household).rows(children)).toHaveLength(3);
      expect(way(rows('Ola'), household).rows(children)).toEqual([]);
    });

    it("reads a row's page with the row's own answers for its conditions", () => {
      const input = readPage(household, children, { 'your-name': 'Kari' }, body({ 'child-name': 'Ola', 'in-school': 'yes', 'school-name': 'Byskolen' }), TODAY, 'strict');
      expect(rowOf(children, input.answers)).toEqual({ 'child-name': 'Ola', 'in-school': 'yes', 'school-name': 'Byskolen' });
      const out = readPage(household, children, { 'your-name': 'Kari' }, body({ 'child-name': 'Ola', 'in-school': 'no', 'school-name': 'Byskolen' }), TODAY, 'strict');
      expect(rowOf(children, out.answers)).toEqual({ 'child-name': 'Ola', 'in-school': 'no' });
    });

    it('takes only "add another?" on its list of rows', () => {
      expect(unknownFields(household, children, body({ another: 'yes', _action: 'continue' }), true)).toEqual([]);
      expect(unknownFields(household, children, body({ 'child-name': 'Ola' }), true)).toEqual(['child-name']);
    });
  });
});

describe('reading a submitted page', () => {
  const friends = page(child, 'friends');
  const wish = page(child, 'wish');
  const mood = page(child, 'mood');
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

  it('reports a required question as missing: with how to decline where declining is allowed, else by its kind', () => {
    const result = readPage(child, friends, {}, body({}), TODAY, 'strict');
    expect(result.errors.map((error) => [error.question.id, error.error.key])).toEqual([['has-friend', 'requiredOrDecline']]);
    const noDecline = readPage(consent, childPage, {}, body({}), TODAY, 'strict');
    expect(noDecline.errors.map((error) => error.error.key)).not.toContain('requiredOrDecline');
    expect(noDecline.errors.length).toBeGreaterThan(0);
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
    const result = readPage(child, friends, { feeling: '3' }, body({ 'has-friend': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ feeling: '3', 'has-friend': 'yes' });
  });

  it('removes an answer the respondent cleared', () => {
    const result = readPage(child, wish, { 'wish-text': 'Hei' }, body({ 'wish-text': '' }), TODAY, 'lenient');
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
    const result = readPage(child, wish, {}, body({ 'wish-text.declined': 'yes', 'wish-text': '' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'wish-text': { declined: true } });
  });

  it('lets a declined checkbox win over text typed in the same field', () => {
    const result = readPage(child, wish, {}, body({ 'wish-text.declined': 'yes', 'wish-text': 'Hei' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'wish-text': { declined: true } });
  });

  it('ignores the decline checkbox when the form does not offer declining', () => {
    const result = readPage(consent, childPage, {}, body({ 'child-name.declined': 'yes', 'child-name': '' }), TODAY, 'strict');
    expect(result.answers['child-name']).toBeUndefined();
    expect(result.errors.map((error) => [error.question.id, error.error.key])).toContainEqual(['child-name', 'requiredText']);
  });

  it('drops a same-page follow-up question hidden by the answer just sent', () => {
    const result = readPage(child, friends, {}, body({ 'has-friend': 'yes', 'wants-help': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'has-friend': 'yes' });
  });

  it('drops a saved follow-up answer when the answer it depends on changes', () => {
    const saved = { 'has-friend': 'no', 'wants-help': 'yes' };
    const result = readPage(child, friends, saved, body({ 'has-friend': 'yes', 'wants-help': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'has-friend': 'yes' });
  });

  it('keeps a same-page follow-up question that the answer shows', () => {
    const result = readPage(child, friends, {}, body({ 'has-friend': 'no', 'wants-help': 'yes' }), TODAY, 'strict');
    expect(result.answers).toEqual({ 'has-friend': 'no', 'wants-help': 'yes' });
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
    const chosen = readPage(child, wish, {}, body({ pets: ['dog', 'cat'] }), TODAY, 'strict');
    expect(chosen.raw.pets).toEqual({ '': ['dog', 'cat'] });
    expect(chosen.answers).toEqual({ pets: ['cat', 'dog'] });
    const declined = readPage(child, mood, {}, body({ feeling: DECLINE_OPTION }), TODAY, 'strict');
    expect(declined.raw.feeling).toEqual({ '': DECLINE_OPTION, declined: 'yes' });
    expect(declined.answers).toEqual({ feeling: { declined: true } });
  });

  it('keeps a saved national identity number when its field comes back empty', () => {
    const saved = { 'child-name': 'Ola', 'child-national-id': '24111512345' };
    const result = readPage(consent, childPage, saved, body({ 'child-name': 'Ola', 'child-national-id': '' }), TODAY, 'strict');
    expect(result.errors).toEqual([]);
    expect(result.answers).toEqual(saved);
  });

  describe('unknown fields', () => {
    it('accepts the fields of the page and the action button', () => {
      const sent = body({ 'has-friend': 'yes', 'wants-help': 'no', _action: 'next' });
      expect(unknownFields(child, friends, sent)).toEqual([]);
    });

    it('accepts the fields of multi-part questions', () => {
      const sent = body({ scope: 'all', 'scope-subject': '', 'valid-until.day': '1', 'valid-until.month': '1', 'valid-until.year': '2030' });
      expect(unknownFields(consent, limits, sent)).toEqual([]);
    });

    it('lists a field that is not on the page', () => {
      const sent = body({ 'has-friend': 'yes', 'feeling': '1', injected: 'x' });
      expect(unknownFields(child, friends, sent)).toEqual(['feeling', 'injected']);
    });

    it('accepts a decline checkbox only where one is offered', () => {
      expect(unknownFields(child, wish, body({ 'wish-text.declined': 'yes' }))).toEqual([]);
      expect(unknownFields(consent, childPage, body({ 'child-name.declined': 'yes' }))).toEqual(['child-name.declined']);
      // Yes/no questions decline through a radio option, so they have no checkbox.
      expect(unknownFields(child, friends, body({ 'has-friend.declined': 'yes' }))).toEqual(['has-friend.declined']);
    });
  });
});
