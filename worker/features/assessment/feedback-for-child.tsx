/**
 * "Tell the child": once staff have sent an assessment's feedback, the child's own link opens
 * a page with it, in the link's language, instead of the answered form. Everything else about
 * the link is left to the link routes.
 */
import type { MiddlewareHandler } from 'hono';
import { isLanguage } from '../../core/language.ts';
import { translator } from '../../core/i18n/translate.ts';
import type { AppEnv } from '../../platform/env.ts';
import { keyringFor } from '../../platform/keys.ts';
import { page } from '../../platform/render.ts';
import { linkTokenHash, Links } from '../links/index.ts';
import { FeedbackPage } from '../../../web/assessment/feedback-page.tsx';
import { Assessments } from './repository.ts';
import { FEEDBACK_QUESTION } from './workflow.ts';
import { openAnswers, versionContext } from './sealed-document.ts';

export const feedbackForChild = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const hash = await linkTokenHash(c.req.param('token') ?? '');
  const municipality = hash ? await c.var.directory.municipality(c.req.param('municipality') ?? '') : undefined;
  if (!municipality || !hash) return next();
  const database = c.var.openDatabase(municipality);
  const link = await new Links(database).byToken(hash);
  // Only an answered link of this municipality, not withdrawn, can carry feedback.
  if (!link || link.municipalityId !== municipality.id || !link.responseId || link.revokedAt) return next();
  const assessments = new Assessments(database);
  const assessment = await assessments.feedbackFor(link.id);
  const version = assessment?.feedbackVersion ? await assessments.version(assessment.id, assessment.feedbackVersion) : undefined;
  if (!assessment || !version) return next();
  const answers = await openAnswers(await keyringFor(c.env), version.document, versionContext(assessment.id, version.number));
  const feedback = answers[FEEDBACK_QUESTION];
  if (typeof feedback !== 'string') return next();
  const lang = isLanguage(link.language) ? link.language : municipality.writtenStandard;
  return page(c, <FeedbackPage ui={{ lang, t: translator(lang) }} owner={municipality.name} text={feedback} />);
};
