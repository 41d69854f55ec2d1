import type { Directory } from './storage/directory.ts';
import type { Municipality } from '../core/municipality.ts';
import type { Database } from './storage/database.ts';
import type { Ui } from '../../web/ui.ts';

/**
 * The Worker's bindings. Those in wrangler.toml (DB, ENVIRONMENT) are generated into
 * worker-configuration.d.ts by `npm run types`; `npm test` fails when that file is stale.
 * These are not in wrangler.toml: set per deployment as vars, or as secrets (the keys and
 * passwords, `wrangler secret put`). OpenID Connect client secrets are secrets too, looked up
 * by the name each identity provider records (staff/oidc.ts), so they have no field here.
 */
export type Env = GeneratedEnv & DeploymentSettings;

/**
 * An intersection rather than `extends`: a deployment that moves one of these vars into
 * wrangler.toml makes it required in the generated type, and it stays compatible here.
 */
interface DeploymentSettings {
  /** The address links in e-mail and letters point to, e.g. https://medvirk.no (required outside development). */
  PUBLIC_ORIGIN?: string;
  /** Where "leave quickly" on a child's page goes: a neutral https page (https://www.yr.no/ by default). */
  QUICK_EXIT_URL?: string;
  /** How long a municipality's directory entry is cached in an isolate (30 by default). */
  DIRECTORY_CACHE_SECONDS?: string;
  /** Amazon SES for e-mail outside development; all four are needed (see wrangler.toml). */
  SES_REGION?: string;
  SES_ACCESS_KEY_ID?: string;
  SES_SECRET_ACCESS_KEY?: string;
  SES_FROM?: string;
  SES_CONFIGURATION_SET?: string;
  SES_ENDPOINT?: string;
  /** LINK Mobility for text messages outside development; all five are needed (see wrangler.toml). */
  LINKMOBILITY_USERNAME?: string;
  LINKMOBILITY_PASSWORD?: string;
  LINKMOBILITY_PLATFORM_ID?: string;
  LINKMOBILITY_PLATFORM_PARTNER_ID?: string;
  LINKMOBILITY_SOURCE?: string;
  LINKMOBILITY_ENDPOINT?: string;
  /**
   * Keys for identifiable answers sealed at rest (secrets): `id:base64,…`, newest first, each
   * 32 bytes; older keys stay listed until `reseal` has moved every value (core/sealed.ts).
   */
  DATA_KEYS?: string;
  /** Key (base64, 32 bytes or more) for keyed hashes that find a sealed value, e.g. a national ID. */
  LOOKUP_KEY?: string;
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
    /** Opens the database of one municipality; a request opens it once, when the municipality is known. */
    openDatabase: (municipality: Municipality) => Database;
    ui: Ui;
    now: Date;
  };
}

/** The app's env with more variables, set by a feature's middleware. */
export interface WithVariables<V extends object> {
  Bindings: Env;
  Variables: AppEnv['Variables'] & V;
}
