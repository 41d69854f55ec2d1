import type { Context, MiddlewareHandler } from 'hono';
import { refuse } from '../../core/refusals.ts';
import type { RespondEnv } from './env.ts';
import { currentForm } from '../../platform/forms.ts';
import { formAt } from './form-at.ts';
import { enforce, journeyHit, type Limit } from '../../platform/middleware/rate-limit/index.ts';
import { useLanguage } from '../../platform/middleware/ui/index.ts';
import { sha256Hex } from '../../core/secrets.ts';
import { linkRefusal } from '../links/index.ts';
import { forgetDraftKey, readDraftKey } from './draft-cookie.ts';
import { Drafts, type Draft } from './repository.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { FormDefinition } from '../../engine/schema.ts';
import { keyringFor, keyringIfSet } from '../../platform/keys.ts';
import { readForm } from '../../platform/middleware/form-post/index.ts';
import { SNAPSHOT_FIELD } from '../../engine/paths.ts';
import { openSnapshot } from './snapshot.ts';
import { respondentChrome } from './chrome.ts';

/**
 * Limits per journey action and client address. Generous where a whole class may share one
 * address (and background saving posts often); tight where a code is guessed.
 */
export const JOURNEY_LIMITS = {
  start: { bucket: 'start', limit: 300, windowSeconds: 3600 },
  save: { bucket: 'save', limit: 2000, windowSeconds: 600 },
  submit: { bucket: 'submit', limit: 300, windowSeconds: 3600 },
  'resume-code': { bucket: 'resume-code', limit: 30, windowSeconds: 3600 },
  resume: { bucket: 'resume', limit: 10, windowSeconds: 600 },
} satisfies Record<string, Limit>;

/** The limit a journey POST counts against, by the action at the end of its address. */
function limitOf(c: Context): Limit | undefined {
  if (c.req.method !== 'POST') return undefined;
  const path = c.req.path;
  if (/\/p\/[^/]+(\/[^/]+)?$/.test(path)) return JOURNEY_LIMITS.save;
  if (path.endsWith('/start')) return JOURNEY_LIMITS.start;
  if (path.endsWith('/submit')) return JOURNEY_LIMITS.submit;
  if (path.endsWith('/save')) return JOURNEY_LIMITS['resume-code'];
  if (path.endsWith('/resume')) return JOURNEY_LIMITS.resume;
  return JOURNEY_LIMITS.save;
}

const setChrome = (c: Context<RespondEnv>, municipality: Municipality, form: FormDefinition, draft: Draft | undefined) =>
  c.set('ui', { ...c.var.ui, respondent: respondentChrome(c.env, municipality, form, draft) });

/** This request started, saved or submitted the draft: what follows is shown with the draft as it now is. */
export function useDraft(c: Context<RespondEnv>, draft: Draft) {
  const { municipality, form } = c.var.journey;
  c.set('journey', { ...c.var.journey, draft });
  setChrome(c, municipality, form, draft);
}

/**
 * Resolves what every journey route needs: the municipality (which must offer the form),
 * the form at the version the person's draft started on, the draft itself, and the language.
 * The directory entry comes from a short per-isolate cache; the draft, its personal link and
 * (for a POST) the rate-limit count come back from the municipality's database in one round trip;
 * a page save carrying its page's snapshot of the draft (`snapshot.ts`) reads nothing.
 */
export const loadJourney = (): MiddlewareHandler<RespondEnv> => async (c, next) => {
  const municipalityId = c.req.param('municipality') ?? '';
  const formId = c.req.param('form') ?? '';
  const { now } = c.var;
  const current = currentForm(formId);
  const entry = current && (await c.var.directory.journeyEntry(municipalityId, formId, now.getTime()));
  if (!current || !entry) refuse('formNotFound');
  const { municipality, published } = entry;
  const database = c.var.openDatabase(municipality);
  c.set('database', database);

  const key = readDraftKey(c, municipalityId, formId);
  const keyHash = key ? await sha256Hex(key) : undefined;
  const limit = limitOf(c);
  const hit = limit && (await journeyHit(c, database, limit, now));
  // A page save that carries the draft as its page showed it reads nothing here.
  const inPage = keyHash && hit && SAVES_PAGE.test(c.req.path) ? await draftInPage(c, keyHash, municipalityId, formId, now) : undefined;
  const read = inPage ? { draft: inPage } : await new Drafts(database, () => keyringFor(c.env)).forJourney(keyHash, hit);
  if (limit && !inPage) enforce(c, limit, read.hits ?? 1, now);
  // A key for another form's draft (a tampered cookie) is treated as no draft at all.
  const draft = read.draft && read.draft.municipalityId === municipalityId && read.draft.formId === formId ? read.draft : undefined;
  const draftExpired = !!draft && draft.expiresAt <= now;
  const governed = !!draft?.linkId && draft.status === 'open' && !draftExpired;
  const link = governed ? read.link : undefined;

  // A form sent with a personal link or a round's open link need not be public; without such a draft it must be.
  if (!draft?.linkId && !draft?.roundLinkId && !published) refuse('formNotFound');

  const form = draft && !draftExpired ? await formAt(database, formId, draft.formVersion) : current.definition;
  if (!form) {
    // The draft cannot be shown any more; forgetting it lets the next visit start afresh.
    forgetDraftKey(c, municipalityId, formId);
    refuse('formVersionGone');
  }

  // A draft keeps the language it was answered in (a personal link's, to begin with).
  useLanguage(c, form.languages, draft && !draftExpired ? draft.language : municipality.writtenStandard);
  setChrome(c, municipality, form, draftExpired ? undefined : draft);
  // A link's answer is filed under the link's own municipality only, whatever the address says.
  if (governed && link?.municipalityId !== municipalityId) refuse('linkNotFound');
  // The link governs its drafts: withdrawn or expired, they stop; a single-use link answered
  // from another device takes no second answer.
  const refusal = link && linkRefusal(link, now, draft?.submissionId);
  if (refusal) refuse(refusal);
  c.set('journey', {
    municipality,
    form,
    current,
    base: `/m/${municipalityId}/${formId}`,
    draft: draftExpired ? undefined : draft,
    draftExpired,
    link,
    keyHash,
    unread: inPage && hit && limit ? { limit, hit } : undefined,
  });
  await next();
};

/** A question page's save (not a row's), the one request that may carry a snapshot. */
const SAVES_PAGE = /\/p\/[^/]+$/;

/** The open draft the posted page's snapshot holds, when it opens for this device, form and municipality. */
async function draftInPage(c: Context<RespondEnv>, keyHash: string, municipalityId: string, formId: string, now: Date): Promise<Draft | undefined> {
  const keyring = keyringIfSet(c.env);
  const sealed = keyring && (await readForm(c)).get(SNAPSHOT_FIELD)?.[0];
  const draft = sealed ? await openSnapshot(await keyring, keyHash, sealed) : undefined;
  return draft?.municipalityId === municipalityId && draft.formId === formId && draft.expiresAt > now ? draft : undefined;
}
