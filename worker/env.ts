import type { CompiledForm, FormDefinition } from './forms/schema.ts';
import type { Directory } from './storage/directory.ts';
import type { People } from './storage/people.ts';
import type { Staff } from './staff/session.ts';
import type { Draft, Municipality, Store } from './storage/store.ts';
import type { Ui } from '../web/ui.ts';

export interface Env {
  DB: D1Database;
  /** "production" turns off anything meant only for local development. */
  ENVIRONMENT: string;
  /** The address links in e-mail and letters point to, e.g. https://medvirk.no (required outside development). */
  PUBLIC_ORIGIN?: string;
}

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

export interface AppEnv {
  Bindings: Env;
  Variables: {
    directory: Directory;
    people: People;
    /** fetch for calls to other services (identity providers); tests replace it. */
    outbound: typeof fetch;
    /** The signed-in staff member, if any. */
    staff?: Staff;
    /** Opens the data of one municipality; set once the municipality is known. */
    openStore: (municipality: Municipality) => Store;
    /** The store of the municipality this request is about (journey routes). */
    store: Store;
    ui: Ui;
    now: Date;
    journey: Journey;
  };
}
