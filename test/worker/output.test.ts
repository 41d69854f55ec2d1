import { describe, expect, it } from 'vitest';
import { DECLINED, type Answers } from '../../worker/engine/answer.ts';
import { journeyOf } from '../../worker/engine/journey.ts';
import { responseDocument } from '../../worker/engine/output.ts';
import { translator } from '../../worker/core/i18n/translate.ts';
import { consentForm, flowForm, householdForm } from '../fixtures/forms.ts';
import type { FormDefinition } from '../../worker/engine/schema.ts';

const t = translator('nb');
const documentOf = (form: FormDefinition, answers: Answers) => responseDocument(journeyOf(form, answers), 'nb', t);
const answerTo = (form: FormDefinition, answers: Answers, id: string) =>
  documentOf(form, answers)
    .flatMap((section) => section.rows.flatMap((row) => row.answers))
    .find((answer) => answer.question.id === id);

describe('the response document', () => {
  it('has a section per visible page with something to answer, in form order', () => {
    const sections = documentOf(flowForm, { feeling: '1' });
    expect(sections.map((section) => section.page.id)).toEqual(['mood', 'hard', 'friends', 'wish']);
    expect(sections[2]?.rows[0]?.answers.map((answer) => [answer.question.id, answer.state])).toEqual([['has-friend', 'empty']]);
  });

  it('gives each answer as display text, table columns and JSON', () => {
    const feeling = answerTo(flowForm, { feeling: '3' }, 'feeling');
    expect(feeling).toMatchObject({ state: 'answered', cell: ['Bra'], json: 3, columns: [{ key: 'feeling', heading: 'Hvordan har du det?', text: 'Bra' }] });
  });

  it('gives a multiple choice one column per option', () => {
    const pets = answerTo(flowForm, { pets: ['dog'] }, 'pets');
    expect(pets?.cell).toEqual(['Hund']);
    expect(pets?.columns).toEqual([
      { key: 'pets.cat', heading: 'Hvilke dyr liker du?: Katt', text: '' },
      { key: 'pets.dog', heading: 'Hvilke dyr liker du?: Hund', text: 'Ja' },
    ]);
    expect(pets?.json).toEqual(['dog']);
  });

  it('gives an agency table one column per agency, and masks a national identity number in its text', () => {
    const agencies = answerTo(consentForm, { agencies: { school: 'approve', health: 'decline' } }, 'agencies');
    expect(agencies?.columns.map((column) => [column.key, column.text])).toEqual([
      ['agencies.school', t('answers.approve')],
      ['agencies.health', t('answers.decline')],
    ]);
    expect(answerTo(consentForm, { 'child-national-id': '24111512345' }, 'child-national-id')?.cell).toEqual(['241115 *****']);
  });

  it('marks a declined answer as declined in every column, with no text or JSON', () => {
    const pets = answerTo(flowForm, { pets: DECLINED }, 'pets');
    expect(pets).toMatchObject({ state: 'declined', cell: [], json: undefined });
    expect(pets?.columns.map((column) => column.text)).toEqual([t('check.declined'), t('check.declined')]);
  });

  it('gives a repeatable page one numbered row per item, each with the questions its row shows', () => {
    const [, children] = documentOf(householdForm, {
      'your-name': 'Kari',
      children: [{ 'child-name': 'Ola', 'in-school': 'yes', 'school-name': 'Byskolen' }, { 'child-name': 'Siri', 'in-school': 'no' }],
    });
    expect(children?.rows.map((row) => [row.number, row.answers.map((answer) => answer.cell.join(''))])).toEqual([
      [1, ['Ola', 'Ja', 'Byskolen']],
      [2, ['Siri', 'Nei']],
    ]);
    expect(children?.rows[1]?.answers[0]?.path).toEqual({ question: 'child-name', row: 2 });
  });

  it('gives a repeatable page without items a section with no rows', () => {
    expect(documentOf(householdForm, {}).find((section) => section.page.id === 'children')?.rows).toEqual([]);
  });
});
