import { describe, expect, it } from 'vitest';
import barnetsStemme from '../fixtures/forms/fixture-child.json';
import samtykke from '../../forms/samtykke.json';
import householdJson from '../fixtures/forms/fixture-household.json';
import { checkForm, type Problem } from '../../worker/engine/check.ts';
import { formVersion } from '../../worker/engine/version.ts';

const text = (nb: string, nn = nb, en = nb) => ({ nb, nn, en });

/** The smallest form that uses conditions, choices, a free-text question and an info block. */
const fixture = {
  id: 'test-form',
  title: text('Testskjema', 'Testskjema', 'Test form'),
  description: text('Et lite skjema for tester.', 'Eit lite skjema for testar.', 'A small form for tests.'),
  audience: 'child',
  languages: ['nb', 'nn', 'en'],
  nextSteps: text('Takk for svarene.', 'Takk for svara.', 'Thank you for your answers.'),
  pages: [
    {
      id: 'first',
      title: text('Første side', 'Første side', 'First page'),
      questions: [
        { id: 'welcome', type: 'info', label: text('Velkommen'), body: text('Les dette først.', 'Les dette først.', 'Read this first.') },
        {
          id: 'mood',
          type: 'smiley-scale',
          points: 3,
          label: text('Hvordan har du det?', 'Korleis har du det?', 'How are you?'),
          labels: [text('Dårlig', 'Dårleg', 'Bad'), text('Passe', 'Passe', 'OK'), text('Bra', 'Bra', 'Good')],
        },
        {
          id: 'pet',
          type: 'single-choice',
          label: text('Hvilket dyr liker du best?', 'Kva dyr likar du best?', 'Which animal do you like best?'),
          options: [
            { value: 'cat', label: text('Katt', 'Katt', 'Cat') },
            { value: 'dog', label: text('Hund', 'Hund', 'Dog') },
          ],
        },
        { id: 'comment', type: 'short-text', label: text('Noe mer?', 'Noko meir?', 'Anything else?') },
      ],
    },
    {
      id: 'second',
      title: text('Andre side', 'Andre side', 'Second page'),
      showIf: { question: 'mood', oneOf: ['1', '2'] },
      questions: [
        {
          id: 'has-friend',
          type: 'yes-no',
          required: true,
          label: text('Har du en venn?', 'Har du ein ven?', 'Do you have a friend?'),
          showIf: { question: 'pet', equals: 'cat' },
        },
      ],
    },
  ],
};

// A form file is untyped JSON, so a broken copy is reached into freely, as an author's mistake would be.
type Editable = any;

const broken = (change: (form: Editable) => void): unknown => {
  const form: Editable = structuredClone(fixture);
  change(form);
  return form;
};

const problemsOf = (input: unknown): Problem[] => {
  const result = checkForm(input);
  if (result.ok) throw new Error('expected the form to be rejected, but it passed');
  return result.problems;
};

const accepted = (input: unknown) => {
  const result = checkForm(input);
  return result.ok ? [] : result.problems;
};

describe('checkForm accepts sound forms', () => {
  it('accepts the small test fixture', () => {
    expect(accepted(fixture)).toEqual([]);
  });

  it("accepts the child fixture form 'fixture-child'", () => {
    expect(accepted(barnetsStemme)).toEqual([]);
  });

  it("accepts the real consent form 'samtykke'", () => {
    expect(accepted(samtykke)).toEqual([]);
  });

  it('fills in defaults a form author may leave out', () => {
    const result = checkForm(fixture);
    if (!result.ok) throw new Error('fixture should pass');
    expect(result.definition.allowDecline).toBe(false);
    expect(result.definition.anonymous).toBe(false);
    expect(result.definition.pages[0]?.questions[1]?.required).toBe(false);
  });
});

describe('checkForm rejects broken forms and says where the fault is', () => {
  it('rejects an unknown question type at the type field', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[2].type = 'dropdown')));
    expect(problems).toContainEqual({ path: 'pages[0].questions[2].type', message: expect.stringContaining('"dropdown"') });
  });

  it('rejects a question without a label', () => {
    const problems = problemsOf(broken((form) => delete form.pages[0].questions[3].label));
    expect(problems).toContainEqual({ path: 'pages[0].questions[3].label', message: expect.stringContaining('"label"') });
  });

  it('rejects a text that lacks nynorsk when the form offers nynorsk', () => {
    const problems = problemsOf(broken((form) => delete form.pages[0].questions[2].options[1].label.nn));
    expect(problems).toEqual([
      { path: 'pages[0].questions[2].options[1].label', message: expect.stringMatching(/missing in "nn"/) },
    ]);
  });

  it('rejects a missing translation in the form title as well as in deep texts', () => {
    const problems = problemsOf(broken((form) => delete form.title.en));
    expect(problems).toEqual([{ path: 'title', message: expect.stringMatching(/missing in "en"/) }]);
  });

  it('rejects a text in a language the form does not offer', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].title.se = 'Nubbi siidu')));
    expect(problems).toEqual([{ path: 'pages[1].title.se', message: expect.stringMatching(/"se" is not among the form's languages/) }]);
  });

  it('rejects English texts in a form that offers only bokmål and nynorsk', () => {
    const problems = problemsOf(broken((form) => (form.languages = ['nb', 'nn'])));
    expect(problems).toContainEqual({ path: 'title.en', message: expect.stringMatching(/"en" is not among/) });
    expect(problems.every((problem) => problem.path.endsWith('.en'))).toBe(true);
  });

  it('rejects a text that is only whitespace', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[3].label.nb = '   ')));
    expect(problems).toContainEqual({ path: 'pages[0].questions[3].label.nb', message: 'a text must not be empty' });
  });

  it('rejects a label that is an empty text, with no words in any language', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[3].label = {})));
    expect(problems).toContainEqual({ path: 'pages[0].questions[3].label', message: expect.stringMatching(/at least one language/) });
  });

  it('rejects a question id used twice, pointing at the second use', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].questions[0].id = 'comment')));
    expect(problems).toContainEqual({ path: 'pages[1].questions[0].id', message: expect.stringMatching(/"comment" is used twice/) });
  });

  it('rejects a page id used twice, pointing at the second page', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].id = 'first')));
    expect(problems).toEqual([{ path: 'pages[1].id', message: expect.stringMatching(/page id "first" is used twice/) }]);
  });

  it('rejects a condition that looks at a later question', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[1].showIf = { question: 'pet', equals: 'cat' })));
    expect(problems).toEqual([
      { path: 'pages[0].questions[1].showIf', message: expect.stringMatching(/"pet", which is not a question before this one/) },
    ]);
  });

  it('rejects a page condition that looks at a question on the same page', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].showIf = { question: 'has-friend', equals: 'yes' })));
    expect(problems).toEqual([{ path: 'pages[1].showIf', message: expect.stringMatching(/not a question before this one/) }]);
  });

  it('rejects a condition on a question that does not exist', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].questions[0].showIf = { question: 'ghost', not: 'yes' })));
    expect(problems).toEqual([{ path: 'pages[1].questions[0].showIf', message: expect.stringMatching(/"ghost"/) }]);
  });

  it('points at the faulty condition inside a list of conditions', () => {
    const problems = problemsOf(
      broken(
        (form) =>
          (form.pages[1].questions[0].showIf = [
            { question: 'pet', equals: 'cat' },
            { question: 'ghost', equals: 'x' },
          ]),
      ),
    );
    expect(problems).toEqual([{ path: 'pages[1].questions[0].showIf[1]', message: expect.stringMatching(/"ghost"/) }]);
  });

  it('rejects a condition comparing with a value that is not one of the options', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].questions[0].showIf = { question: 'pet', equals: 'hamster' })));
    expect(problems).toEqual([
      { path: 'pages[1].questions[0].showIf', message: expect.stringMatching(/"hamster" is not an answer to "pet"/) },
    ]);
  });

  it('rejects a smiley condition on a point the scale does not have', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].showIf = { question: 'mood', oneOf: ['1', '4'] })));
    expect(problems).toEqual([{ path: 'pages[1].showIf', message: expect.stringMatching(/"4" is not an answer to "mood"/) }]);
  });

  it('rejects a condition on "dont-know" when the yes/no question does not offer it', () => {
    const problems = problemsOf(
      broken((form) => {
        form.pages[1].questions[0].dontKnow = false;
        form.pages[1].questions.push({
          id: 'wants-help',
          type: 'yes-no',
          label: text('Vil du ha hjelp?', 'Vil du ha hjelp?', 'Do you want help?'),
          showIf: { question: 'has-friend', equals: 'dont-know' },
        });
      }),
    );
    expect(problems).toEqual([
      { path: 'pages[1].questions[1].showIf', message: expect.stringMatching(/"dont-know" is not an answer to "has-friend"/) },
    ]);
  });

  it('rejects a condition on a free-text question', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].questions[0].showIf = { question: 'comment', equals: 'hei' })));
    expect(problems).toEqual([
      { path: 'pages[1].questions[0].showIf', message: expect.stringMatching(/"comment" is short-text/) },
    ]);
  });

  it('rejects a smiley scale whose number of labels differs from its points', () => {
    const problems = problemsOf(broken((form) => form.pages[0].questions[1].labels.pop()));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toMatch(/^pages\[0\]\.questions\[1\](\.labels)?$/);
    expect(problems[0]?.message).toMatch(/one label per point/);
  });

  it('rejects a smiley scale with a number of points other than 3 or 5', () => {
    const problems = problemsOf(
      broken((form) => {
        form.pages[0].questions[1].points = 4;
        form.pages[0].questions[1].labels.push(text('Veldig bra', 'Svært bra', 'Very good'));
      }),
    );
    expect(problems).toContainEqual({ path: 'pages[0].questions[1].points', message: expect.any(String) });
  });

  it('rejects an information block marked as required', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[0].required = true)));
    expect(problems).toEqual([{ path: 'pages[0].questions[0].required', message: expect.stringMatching(/cannot be required/) }]);
  });

  it('rejects an id with uppercase letters', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[3].id = 'Comment')));
    expect(problems).toEqual([{ path: 'pages[0].questions[3].id', message: expect.stringMatching(/lowercase/) }]);
  });

  it('rejects an option value with uppercase letters', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[2].options[0].value = 'Cat')));
    expect(problems).toContainEqual({ path: 'pages[0].questions[2].options[0].value', message: expect.stringMatching(/lowercase/) });
  });

  it('rejects an unknown property on a question', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[3].placeholder = text('Skriv her'))));
    expect(problems).toEqual([{ path: 'pages[0].questions[3].placeholder', message: expect.stringContaining('"placeholder"') }]);
  });

  it('rejects an unknown property at the top of the form', () => {
    const problems = problemsOf(broken((form) => (form.colour = 'red')));
    expect(problems).toEqual([{ path: 'colour', message: expect.stringContaining('"colour"') }]);
  });

  it('rejects a property that belongs to another question type', () => {
    const problems = problemsOf(broken((form) => (form.pages[0].questions[2].maxSelected = 1)));
    expect(problems).toEqual([{ path: 'pages[0].questions[2].maxSelected', message: expect.any(String) }]);
  });

  it('rejects a page without questions', () => {
    const problems = problemsOf(broken((form) => (form.pages[1].questions = [])));
    expect(problems).toEqual([{ path: 'pages[1].questions', message: 'a page needs at least one question' }]);
  });

  it('reports every problem at once, not only the first', () => {
    const problems = problemsOf(
      broken((form) => {
        form.pages[1].id = 'first';
        form.pages[0].questions[0].required = true;
      }),
    );
    expect(problems.map((problem) => problem.path).sort()).toEqual(['pages[0].questions[0].required', 'pages[1].id']);
  });
});

/** The same JSON value with every object's keys in reverse order. */
const reversedKeys = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reversedKeys(item)]));
  }
  return value;
};

describe('formVersion', () => {
  it('is 16 lowercase hex digits', async () => {
    expect(await formVersion(fixture)).toMatch(/^[0-9a-f]{16}$/);
    expect(await formVersion(samtykke)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('does not change when only the order of keys changes', async () => {
    for (const form of [fixture, barnetsStemme, samtykke]) {
      const reordered = reversedKeys(form);
      expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(form));
      expect(await formVersion(reordered)).toBe(await formVersion(form));
    }
  });

  it('does not change when the file is formatted differently', async () => {
    const reformatted: unknown = JSON.parse(JSON.stringify(samtykke, null, 4));
    expect(await formVersion(reformatted)).toBe(await formVersion(samtykke));
  });

  it('changes when one word of one label changes', async () => {
    const edited = broken((form) => (form.pages[0].questions[3].label.nb = 'Noe annet?'));
    expect(await formVersion(edited)).not.toBe(await formVersion(fixture));
  });

  it('changes when a question becomes required', async () => {
    const edited = broken((form) => (form.pages[0].questions[3].required = true));
    expect(await formVersion(edited)).not.toBe(await formVersion(fixture));
  });

  it('changes when the order of options changes', async () => {
    const edited = broken((form) => form.pages[0].questions[2].options.reverse());
    expect(await formVersion(edited)).not.toBe(await formVersion(fixture));
  });

  it('does not change when an author writes out a default, once the form is checked', async () => {
    const explicit = broken((form) => {
      form.allowDecline = false;
      form.pages[0].questions[3].required = false;
    });
    const versionOfChecked = async (input: unknown) => {
      const result = checkForm(input);
      if (!result.ok) throw new Error('form should pass');
      return formVersion(result.definition);
    };
    expect(await versionOfChecked(explicit)).toBe(await versionOfChecked(fixture));
  });

  it('differs between the two real forms', async () => {
    expect(await formVersion(barnetsStemme)).not.toBe(await formVersion(samtykke));
  });
});

describe('checkForm and repeatable pages', () => {
  const withRepeat = (change: (form: Editable) => void) => {
    const form: Editable = structuredClone(householdJson);
    change(form);
    return form;
  };

  it('accepts a repeatable page and fills in its minimum', () => {
    const result = checkForm(withRepeat((form) => delete form.pages[1].repeat.min));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.definition.pages[1]?.repeat).toEqual({ min: 0, max: 3, itemName: { nb: 'Barn', en: 'Child' } });
  });

  it('rejects a minimum above the maximum, and a maximum of none', () => {
    expect(problemsOf(withRepeat((form) => (form.pages[1].repeat.min = 4)))).toContainEqual({ path: 'pages[1].repeat', message: 'repeat.min must not be above repeat.max' });
    expect(problemsOf(withRepeat((form) => (form.pages[1].repeat = { max: 0, itemName: { nb: 'Barn', en: 'Child' } }))).map((problem) => problem.path)).toContain('pages[1].repeat.max');
  });

  it('rejects a repeatable page whose id is also a question id, since its rows are kept under it', () => {
    const problems = problemsOf(withRepeat((form) => (form.pages[2].questions[0].id = 'children')));
    expect(problems).toContainEqual({ path: 'pages[1].id', message: expect.stringContaining('must not also be a question id') });
  });

  it("rejects a later condition on a row's question: which row would it look at?", () => {
    const problems = problemsOf(withRepeat((form) => (form.pages[2].questions[0].showIf = { question: 'in-school', equals: 'yes' })));
    expect(problems).toContainEqual({ path: 'pages[2].questions[0].showIf', message: expect.stringContaining('not a question before this one') });
  });
});
