import type { CompiledForm, FormDefinition } from '../../engine/schema.ts';
import type { WithVariables } from '../../platform/env.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
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
  /** When the draft came from a personal link: that link's expiry, which the draft never outlives. */
  linkExpiresAt?: Date;
}

/** The journey routes' env: `loadJourney()` sets the journey and the municipality's database. */
export type RespondEnv = WithVariables<{ journey: Journey; database: Database }>;
