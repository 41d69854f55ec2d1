/**
 * Section 8.4 of the local plan ("what staff and users say") from a closed round, as plain
 * props for the HTML page and the DOCX file alike, in the language of `ui` (the municipality's
 * written standard): every theme of 8.4 with its questions' figures and approved quotes, the
 * method, and a draft of 8.3 ("what we are good at, what we can get better at") read from the
 * published shares only, so it can say nothing the tables do not.
 */
import type { Theme } from '../../core/vocabulary.ts';
import { favourableShare, type QuestionView } from '../../../web/insight/dashboard.tsx';
import type { DocumentTheme, PlanDocument } from '../../../web/insight/document.tsx';
import type { Ui } from '../../../web/ui.ts';
import type { Publication } from './publication.ts';
import { respondents, type Published } from './published.ts';
import { questionView } from './views.ts';

/** The two parts of 8.4 and their themes, as the plan lists them (seeds/001, section 8.4). */
export const PLAN_PARTS = [
  { id: 'staff', themes: ['collaboration', 'service-quality', 'work-conditions', 'professional-development'] },
  { id: 'users', themes: ['school-quality', 'upbringing', 'friendship', 'help'] },
] as const satisfies { id: string; themes: Theme[] }[];

/** A theme's favourable share: the mean of its scale and yes/no questions' shares where each is published whole. */
function themeScore(views: QuestionView[], types: Map<string, string>, previous: boolean): number | undefined {
  const shares = views
    .filter((view) => types.get(view.id) === 'smiley-scale' || types.get(view.id) === 'yes-no')
    .flatMap((view) => {
      const row = view.rows.find((candidate) => Boolean(candidate.previous) === previous);
      const share = row && favourableShare(row, view.favourable);
      return share === null || share === undefined ? [] : [share];
    });
  return shares.length ? shares.reduce((sum, share) => sum + share, 0) / shares.length : undefined;
}

const percent = (share: number) => `${Math.round(share * 100)}\u00a0%`;

function draftOf(ui: Ui, themes: DocumentTheme[], types: Map<string, string>, previousName: string | undefined): PlanDocument['draft'] {
  const { t } = ui;
  const scored = themes.flatMap((theme) => {
    const score = themeScore(theme.questions, types, false);
    return score === undefined ? [] : [{ theme, score, before: themeScore(theme.questions, types, true) }];
  });
  const ranked = [...scored].sort((a, b) => b.score - a.score);
  const top = ranked.slice(0, Math.min(2, Math.ceil(ranked.length / 2)));
  const bottom = ranked.slice(top.length).slice(-2).reverse();
  return {
    strengths: top.map(({ theme, score }) => t('insight.document.strength', { theme: theme.title, share: percent(score) })),
    improvements: bottom.map(({ theme, score }) => t('insight.document.improvement', { theme: theme.title, share: percent(score) })),
    changes: scored.flatMap(({ theme, score, before }) => {
      if (before === undefined || !previousName) return [];
      const points = Math.round((score - before) * 100);
      const key = points >= 5 ? 'changeUp' : points <= -5 ? 'changeDown' : 'changeSame';
      return [t(`insight.document.${key}`, { theme: theme.title, points: Math.abs(points), round: previousName })];
    }),
  };
}

export function planDocument(ui: Ui, municipality: string, { published, before, quotes }: Publication, unitName: (id: string) => string): PlanDocument {
  const { t } = ui;
  const who = respondents(published);
  const types = new Map(published.tables.questions.map((question) => [question.id, question.type]));
  const themeOf = (id: Theme): DocumentTheme => {
    const questions = published.tables.questions.filter((question) => question.theme === id).map((question) => questionView(ui, published, before, question, {}));
    const theme: DocumentTheme = { id, title: t(`insight.themes.${id}`), questions, quotes: quotes.filter((quote) => quote.theme === id).map((quote) => quote.text) };
    if (!questions.length) return theme.quotes.length ? theme : { ...theme, empty: 'notAsked' };
    return questions.every((view) => view.rows[0]?.respondents === null) ? { ...theme, empty: 'noFigures' } : theme;
  };
  const parts: PlanDocument['parts'] = PLAN_PARTS.map((part) => ({ id: part.id, themes: part.themes.map(themeOf) }));
  if (published.round.localQuestions.length) parts.push({ id: 'local', themes: [themeOf('local')] });
  return {
    municipality,
    round: { name: published.round.name, opensOn: published.round.opensOn, closesOn: published.round.closesOn },
    previousName: before?.round.name,
    method: {
      threshold: published.threshold,
      respondents: who.all,
      groups: who.groups.map(({ group, count }) => ({ group: t(`insight.groups.${group}`), respondents: count })),
      rates: rateViews(ui, published, unitName),
    },
    parts,
    draft: draftOf(ui, parts.flatMap((part) => part.themes), types, before?.round.name),
  };
}

/** Respondents and response rate per unit and group, named for reading. */
export const rateViews = (ui: Ui, published: Published, unitName: (id: string) => string) =>
  respondents(published).rates.map((rate) => ({ unit: unitName(rate.unitId), group: ui.t(`insight.groups.${rate.group}`), respondents: rate.cell?.count ?? null, invited: rate.invited, rate: rate.rate }));
