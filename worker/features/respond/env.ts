import type { CompiledForm, FormDefinition } from '../../engine/schema.ts';
import type { WithVariables } from '../../platform/env.ts';
import type { Draft, Municipality, Store } from '../../platform/storage/store.ts';

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

/** The journey routes' env: `loadJourney()` sets the journey and the municipality's store. */
export type RespondEnv = WithVariables<{ journey: Journey; store: Store }>;
