/**
 * A round's open link: the address on the poster, for one unit and group. No sign-in; it starts
 * (or continues) a draft of the group's form on this device and hands over to the journey.
 */
import { Hono, type Context } from 'hono';
import { refuse } from '../../core/refusals.ts';
import type { AppEnv } from '../../platform/env.ts';
import { rateLimit } from '../../platform/middleware/rate-limit/index.ts';
import { page, redirect } from '../../platform/render.ts';
import { sha256Hex } from '../../core/secrets.ts';
import { Drafts, draftExpiry, openNewDraft, readDraftKey } from '../respond/index.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { currentForm } from '../../platform/forms.ts';
import { MessagePage } from '../../../web/pages/message.tsx';
import { Rounds } from './repository.ts';
import { roundEnds, roundForm, roundStatus } from './round.ts';

export const openLinks = new Hono<AppEnv>();

const CODE = /^[0-9a-hjkmnp-tv-z]{8}$/;

/** Counted per round-unit code, never per person: a class answering at once shares one window. */
const perCode = rateLimit({ bucket: 'round-link', limit: 600, windowSeconds: 600, key: (c) => `${c.req.param('municipality')}:${c.req.param('code')}` });

async function openRound(c: Context<AppEnv>) {
  const municipality = await c.var.directory.municipality(c.req.param('municipality') ?? '');
  const code = c.req.param('code') ?? '';
  const database = municipality && CODE.test(code) ? c.var.openDatabase(municipality) : undefined;
  const found = database && (await new Rounds(database).byCode(code));
  if (!municipality || !database || !found || found.round.municipalityId !== municipality.id) refuse('roundNotFound');
  return { municipality, database, ...found };
}

openLinks.get('/:municipality/:code', perCode, async (c) => {
  const { municipality, database, round, link } = await openRound(c);
  const status = roundStatus(round, c.var.now);
  if (status === 'upcoming') refuse('roundNotOpen');
  if (status === 'closed') refuse('roundClosed');
  const form = await roundForm(round, link.group, municipality.writtenStandard);
  if (!form) refuse('roundNotFound');
  const base = `/m/${municipality.id}/${form.definition.id}`;
  // This device's open draft of the same open link is continued; any other is left alone and replaced here.
  const key = readDraftKey(c, municipality.id, form.definition.id);
  const draft = key ? await new Drafts(database).byKey(await sha256Hex(key)) : undefined;
  if (draft?.status === 'open' && draft.roundLinkId === link.id && draft.expiresAt > c.var.now) return redirect(c, base);
  const language = form.definition.languages.includes(c.var.ui.lang) ? c.var.ui.lang : municipality.writtenStandard;
  await openNewDraft(c, database, municipality, form, { language, expiresAt: draftExpiry(municipality, c.var.now, roundEnds(round)), roundLinkId: link.id });
  return redirect(c, base);
});

/** After sending: thanks, and what happens next. Nothing here knows who answered. */
openLinks.get('/:municipality/:code/done', async (c) => {
  const { municipality, round, link } = await openRound(c);
  const form = currentForm(round.groups.find((entry) => entry.group === link.group)?.form ?? '')?.definition;
  const { ui } = c.var;
  return page(c, <MessagePage ui={ui} owner={municipality.name} title={ui.t('insight.done.title')} body={[ui.t('insight.done.body'), ...(form ? [pickText(form.nextSteps, ui.lang)] : [])]} />);
});
