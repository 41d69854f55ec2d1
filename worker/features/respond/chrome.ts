import { privacyPath, type Municipality } from '../../core/municipality.ts';
import type { FormDefinition } from '../../engine/schema.ts';
import type { Env } from '../../platform/env.ts';
import type { RespondentChrome } from '../../../web/ui.ts';
import type { Draft } from './repository.ts';

/** A weather forecast: neutral, quick to load, nothing that gives away what was open before. */
const DEFAULT_EXIT = 'https://www.yr.no/';

const exitUrl = (configured: string | undefined) => {
  try {
    return configured && new URL(configured).protocol === 'https:' ? configured : DEFAULT_EXIT;
  } catch {
    return DEFAULT_EXIT;
  }
};

/** What the respondent's pages show around the form: quick exit and help line for children, and whether an adult helps. */
export const respondentChrome = (env: Env, municipality: Municipality, form: FormDefinition, draft: Draft | undefined): RespondentChrome => ({
  child: form.audience === 'child' || form.audience === 'youth',
  exitUrl: exitUrl(env.QUICK_EXIT_URL),
  helpContact: municipality.helpContact ?? undefined,
  assistedRole: draft?.assistedRole ?? undefined,
  privacyHref: privacyPath(municipality.id),
  endAssisted: draft?.assistedRole && draft.linkId ? { action: `/m/${municipality.id}/${form.id}/end-assisted`, staffHref: staffLinkPage(municipality.id, draft.linkId) } : undefined,
});

/** Where a helper goes back to when an assisted session ends. */
export const staffLinkPage = (municipalityId: string, linkId: string) => `/staff/m/${municipalityId}/links/${linkId}`;

/** Nobody reads answers given at a public address of a form meant for personal links: there it is a demo. */
export const isDemo = (form: FormDefinition, draft: Draft | undefined) => form.publicDemo && !draft?.linkId;
