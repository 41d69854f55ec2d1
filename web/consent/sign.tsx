/** The signer's pages: the consent to read and sign, and what they see once they have signed. */
import type { Question } from '../../worker/engine/questions/index.ts';
import type { Raw } from '../../worker/engine/questions/kind.ts';
import type { FormDefinition } from '../../worker/engine/schema.ts';
import type { Text } from '../../worker/core/language.ts';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Layout } from '../components/layout.tsx';
import { Localized } from '../components/localized.tsx';
import { anchorOf, QuestionView } from '../questions/index.tsx';
import { localized, type Ui } from '../ui.ts';

export interface SigningQuestion {
  question: Question;
  raw: Raw;
  error?: string;
}

export interface SigningPageProps {
  ui: Ui;
  owner: string;
  form: FormDefinition;
  sections: { title: Text; questions: SigningQuestion[] }[];
  action: string;
  signerId: string;
  /** The form's and the service list's version, sent back so a changed text is never signed unseen. */
  version: string;
  role: 'guardian' | 'child';
  scope: 'all' | 'health' | 'view';
  privacyHref: string;
}

/** An info block has no question frame, so its read-aloud button is given here. */
function InfoBlock({ ui, question }: { ui: Ui; question: Extract<Question, { type: 'info' }> }) {
  return (
    <div class="info">
      <h3 class="info-title">
        <Localized ui={ui} text={question.label} />
      </h3>
      <button type="button" class="read-aloud" data-speak={`${localized(ui, question.label).text}. ${localized(ui, question.body).text}`} hidden>
        {ui.t('question.readAloud')}
      </button>
      <Localized ui={ui} text={question.body} paragraphs />
    </div>
  );
}

export function SigningPage({ ui, owner, form, sections, action, signerId, version, role, scope, privacyHref }: SigningPageProps) {
  const { t } = ui;
  const all = sections.flatMap((section) => section.questions);
  const errors = all.filter((item) => item.error).map((item) => ({ href: `#${anchorOf(item.question)}`, text: item.error ?? '' }));
  return (
    <Layout ui={ui} title={localized(ui, form.title).text} owner={owner} languages={form.languages} here={action} hasError={errors.length > 0} privacyHref={privacyHref}>
      <ErrorSummary ui={ui} errors={errors} />
      <h1>
        <Localized ui={ui} text={form.title} />
      </h1>
      <Localized ui={ui} text={form.description} paragraphs />
      {role === 'child' && <p class="notice">{t(scope === 'view' ? 'consent.sign.childView' : 'consent.sign.childHealth')}</p>}
      <form method="post" action={action} novalidate>
        <input type="hidden" name="signer" value={signerId} />
        <input type="hidden" name="version" value={version} />
        {sections.map((section) => (
          <section>
            <h2>
              <Localized ui={ui} text={section.title} />
            </h2>
            {section.questions.map(({ question, raw, error }) =>
              question.type === 'info' ? (
                <InfoBlock ui={ui} question={question} />
              ) : (
                <div class={error ? 'question question--error' : 'question'}>
                  <QuestionView ui={ui} question={question} raw={raw} error={error} />
                </div>
              ),
            )}
          </section>
        ))}
        <div class="actions">
          <button class="button" type="submit">
            {t('consent.sign.submit')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

