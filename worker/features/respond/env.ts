import type { CompiledForm, FormDefinition } from '../../engine/schema.ts';
import type { WithVariables } from '../../platform/env.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { Database } from '../../platform/storage/database.ts';
import type { FormLink } from '../links/index.ts';
import type { Draft } from './repository.ts';
import type { PendingHit } from '../../platform/storage/rate-limits.ts';

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
  /** The hash of this device's key to its draft, when it holds one. */
  keyHash?: string;
  /**
   * Set when the draft came from the posted page's snapshot, not read: the save that uses it
   * proves it and carries this rate-limit hit (`Drafts.saveFromSnapshot`). A request that then
   * saves nothing (an error on the page, a page the answers hide) reads and writes nothing, like
   * a page GET, and so counts against no limit.
   */
  unread?: PendingHit;
}

/** The journey routes' env: `loadJourney()` sets the journey and the municipality's database. */
export type RespondEnv = WithVariables<{ journey: Journey; database: Database }>;
