import type { Directory } from './storage/directory.ts';
import type { Municipality, Store } from './storage/store.ts';
import type { Ui } from '../../web/ui.ts';

export interface Env {
  DB: D1Database;
  /** "production" turns off anything meant only for local development. */
  ENVIRONMENT: string;
  /** The address links in e-mail and letters point to, e.g. https://medvirk.no (required outside development). */
  PUBLIC_ORIGIN?: string;
}

/**
 * What the app's own middleware sets on every request. Each feature's sub-app adds what its
 * middleware resolves (respond: the journey; staff: the person; api: the token).
 */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    directory: Directory;
    /** fetch for calls to other services (identity providers); tests replace it. */
    outbound: typeof fetch;
    /** Opens the data of one municipality; set once the municipality is known. */
    openStore: (municipality: Municipality) => Store;
    ui: Ui;
    now: Date;
  };
}

/** The app's env with more variables, set by a feature's middleware. */
export interface WithVariables<V extends object> {
  Bindings: Env;
  Variables: AppEnv['Variables'] & V;
}
