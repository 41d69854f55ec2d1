import type { CompiledForm, FormDefinition } from '../../engine/schema.ts';
import type { WithVariables } from '../../platform/env.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import type { FormLink } from '../links/index.ts';
import type { Draft } from './repository.ts';

/** What the journey middleware resolves once per request. */
export interface Journey {
  municipality: Municipality;
  form: FormDefinition;
  current: CompiledForm;
  /** The link prefix of this form: /m/<municipality>/<form>. */
  base: string;
  draft?: Draft;
  draftExpired: boolean;
  /** The personal link the open draft came from: it says who sent the form, and the draft never outlives it. */
  link?: FormLink;
}

/** The journey routes' env: `loadJourney()` sets the journey and the municipality's database. */
export type RespondEnv = WithVariables<{ journey: Journey; database: Database }>;
