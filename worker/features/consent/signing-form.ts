/**
 * The page a signer signs: the consent form's texts (forms/samtykke.json) with one question
 * per service of this consent, validated by the form engine's own question kinds, and the
 * document of exactly the texts and choices shown, which the signature's hash covers.
 */
import type { Answers } from '../../engine/answer.ts';
import type { Question } from '../../engine/questions/index.ts';
import type { FormDefinition, Page } from '../../engine/schema.ts';
import { LANGUAGES, type Language, type Text } from '../../core/language.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { translator } from '../../core/i18n/translate.ts';
import { decides, type TermsSigner } from './state.ts';
import type { Service } from './services.ts';
import { DECISIONS, type Decision } from './vocabulary.ts';

export const serviceQuestionId = (service: string) => `service-${service}`;

/** An interface text as a form text in every language, so a synthesized question is like any other. */
const uiText = (key: string): Text => Object.fromEntries(LANGUAGES.map((lang) => [lang, translator(lang)(key)]));

/** The services this signer answers for: a child heard from 12 gives a view on every service. */
export const servicesFor = (signer: TermsSigner, services: readonly Service[]) => services.filter((service) => signer.scope === 'view' || decides(signer, service));

const serviceQuestion = (service: Service): Question => ({
  id: serviceQuestionId(service.id),
  type: 'single-choice',
  label: service.label,
  hint: service.explanation,
  required: true,
  options: DECISIONS.map((decision) => ({ value: decision, label: uiText(`consent.decisions.${decision}`) })),
});

/** The form's pages as sections of one page, the services section filled with this consent's services. */
export function signingSections(form: FormDefinition, services: readonly Service[]): Page[] {
  return form.pages.map((page) => (page.id === 'services' ? { ...page, questions: [...page.questions, ...services.map(serviceQuestion)] } : page));
}

/** All sections as one page, for `readPage` to check in one go. */
export const asOnePage = (sections: Page[]): Page => ({ id: 'sign', title: sections[0]!.title, questions: sections.flatMap((section) => section.questions) });

export interface SignedChoices {
  decisions: Record<string, Decision>;
  childName: string;
  childNationalId: string;
  subject: string | null;
  /** YYYY-MM-DD */
  until: string | null;
  signature: { name: string; confirmed: true };
}

/** The signer's choices out of the checked answers. */
export function choicesOf(answers: Answers, services: readonly Service[]): SignedChoices {
  const text = (id: string) => (typeof answers[id] === 'string' ? (answers[id] as string) : null);
  return {
    decisions: Object.fromEntries(services.map((service) => [service.id, text(serviceQuestionId(service.id)) as Decision])),
    childName: text('child-name') ?? '',
    childNationalId: text('child-national-id') ?? '',
    subject: text('limit-subject'),
    until: text('limit-until'),
    signature: answers.signature as SignedChoices['signature'],
  };
}

/** Exactly what the signer read, in the language they read it, and what they chose. */
export interface SignedDocument {
  consentId: string;
  signerId: string;
  formId: string;
  formVersion: string;
  serviceListVersion: number;
  language: Language;
  title: string;
  sections: { title: string; items: { id: string; label: string; text?: string; options?: string[] }[] }[];
  choices: SignedChoices;
}

const questionText = (question: Question, lang: Language) => ({
  id: question.id,
  label: pickText(question.label, lang),
  text: question.type === 'info' ? pickText(question.body, lang) : question.hint && pickText(question.hint, lang),
  options: 'options' in question ? question.options.map((option) => pickText(option.label, lang)) : question.type === 'signature' ? [pickText(question.confirmation, lang)] : undefined,
});

export function signedDocument(form: { definition: FormDefinition; version: string }, sections: Page[], lang: Language, ids: { consentId: string; signerId: string; serviceListVersion: number }, choices: SignedChoices): SignedDocument {
  return {
    ...ids,
    formId: form.definition.id,
    formVersion: form.version,
    language: lang,
    title: pickText(form.definition.title, lang),
    sections: sections.map((section) => ({ title: pickText(section.title, lang), items: section.questions.map((question) => questionText(question, lang)) })),
    choices,
  };
}
