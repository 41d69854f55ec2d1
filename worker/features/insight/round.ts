/** A round as stored and as the planner enters it, its status, and the form each group answers in it. */
import * as v from 'valibot';
import { Id, Text, type Language } from '../../core/language.ts';
import { GROUP_AUDIENCE, INSIGHT_GROUPS, type InsightGroup } from '../../core/vocabulary.ts';
import { isoToday } from '../../core/i18n/format.ts';
import { sha256Hex } from '../../core/secrets.ts';
import type { CompiledForm, FormDefinition } from '../../engine/schema.ts';
import { isFreeText, isSurvey } from '../../engine/survey.ts';
import { translator } from '../../core/i18n/translate.ts';
import { formVersion } from '../../engine/version.ts';
import { currentForm } from '../../platform/forms.ts';
import { compiledForms } from '../../generated/forms.ts';

export const MAX_LOCAL_QUESTIONS = 5;

export const RoundGroup = v.strictObject({ group: v.picklist(INSIGHT_GROUPS), form: Id });
export type RoundGroup = v.InferOutput<typeof RoundGroup>;

export const LocalQuestion = v.strictObject({ id: Id, label: Text, options: v.array(v.strictObject({ value: Id, label: Text })) });
export type LocalQuestion = v.InferOutput<typeof LocalQuestion>;

export const RoundGroups = v.array(RoundGroup);
export const LocalQuestions = v.array(LocalQuestion);

export interface Round {
  id: string;
  municipalityId: string;
  name: string;
  opensOn: string;
  closesOn: string;
  closedAt: Date | null;
  groups: RoundGroup[];
  localQuestions: LocalQuestion[];
}

export type RoundStatus = 'upcoming' | 'open' | 'closed';

/** Closed once a planner closes it or its last day has passed; results exist only then. */
export function roundStatus(round: Pick<Round, 'opensOn' | 'closesOn' | 'closedAt'>, now: Date): RoundStatus {
  const today = isoToday(now);
  if (round.closedAt || today > round.closesOn) return 'closed';
  return today < round.opensOn ? 'upcoming' : 'open';
}

/** The end of a round's last day in Norwegian winter time; a draft of the round never outlives it. */
export const roundEnds = (round: Pick<Round, 'closesOn'>) => new Date(`${round.closesOn}T23:59:59+01:00`);

/** The survey forms a group can answer: anonymous forms of the group's audience. */
export const surveyFormsFor = (group: InsightGroup): FormDefinition[] =>
  Object.values(compiledForms)
    .map(({ definition }) => definition)
    .filter((definition) => isSurvey(definition) && definition.audience === GROUP_AUDIENCE[group]);

/**
 * A local question's id comes from its text, so the same question asked again next year is
 * compared with this year's, and a different one never is.
 */
export const localQuestionId = async (standardText: string) => `local-${(await sha256Hex(standardText.trim().toLowerCase())).slice(0, 12)}`;

/** Local questions are written in the municipality's standard and English; the form offers those of its languages. */
export const roundLanguages = (form: FormDefinition, standard: 'nb' | 'nn'): Language[] => form.languages.filter((language) => language === standard || language === 'en');

/**
 * The form a group answers in a round: the survey, plus a page of the round's local questions.
 * Its version is a hash like any form's; the journey records it when a draft starts, so the
 * draft reads it back from the stored form versions.
 */
export async function roundForm(round: Round, group: InsightGroup, standard: 'nb' | 'nn'): Promise<CompiledForm | undefined> {
  const form = currentForm(round.groups.find((entry) => entry.group === group)?.form ?? '');
  if (!form) return undefined;
  if (round.localQuestions.length === 0) return form;
  const languages = roundLanguages(form.definition, standard);
  const local = {
    id: 'local',
    title: Object.fromEntries(languages.map((language) => [language, translator(language)('insight.localPage')])),
    questions: round.localQuestions.map((question) => ({ ...question, type: 'single-choice' as const, theme: 'local' as const, required: false })),
  };
  // Before the free-text page, so every counted question comes first.
  const pages = form.definition.pages;
  const at = pages.findIndex((page) => page.questions.some(isFreeText));
  const definition: FormDefinition = { ...form.definition, languages, pages: at < 0 ? [...pages, local] : [...pages.slice(0, at), local, ...pages.slice(at)] };
  return { version: await formVersion(definition), definition };
}
