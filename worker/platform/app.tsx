import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Env } from './env.ts';
import { translator } from '../core/i18n/translate.ts';
import { formPostsOnly } from './middleware/form-post/index.ts';
import { security } from './middleware/security/index.ts';
import { ui } from './middleware/ui/index.ts';
import { page, wantsJson } from './render.ts';
import { admin } from '../features/admin/routes.tsx';
import { api } from '../features/api/routes.ts';
import { links, personalLink } from '../features/links/routes.ts';
import { journey } from '../features/respond/routes.tsx';
import { loadStaff, requireStaff } from '../features/staff/index.ts';
import { staff } from '../features/staff/routes.tsx';
import { assetRoutes } from './routes/assets.ts';
import { infoPages } from './routes/info-pages.tsx';
import { dev } from './routes/dev.tsx';
import type { Municipality } from '../core/municipality.ts';
import { Database } from './storage/database.ts';
import { Directory } from './storage/directory.ts';
import { DirectoryCache } from './storage/directory-cache.ts';
import { municipalityBinding } from './storage/open.ts';
import { MessagePage } from '../../web/pages/message.tsx';

export interface AppOptions {
  /** The database binding of a municipality; tests pass one that fails on purpose. */
  municipalityBinding?: (env: Env, municipality: Municipality) => D1Database;
  /** How long directory entries (a municipality and what it publishes) are kept in the isolate; by default DIRECTORY_CACHE_SECONDS, else 30 s. */
  directoryCacheMs?: number;
  /** The clock; tests move it forward to expire drafts. */
  now?: () => Date;
  /** fetch for identity providers; tests pass a fake provider. */
  outbound?: typeof fetch;
}

const MAX_BODY = 1024 * 1024;

/** 30 s unless the environment says otherwise (the Workers tests set 0, so rows they write are read back at once). */
const directoryCacheMs = (env: Env) => (env.DIRECTORY_CACHE_SECONDS === undefined ? 30_000 : Number(env.DIRECTORY_CACHE_SECONDS) * 1000 || 0);

/**
 * For the pages, not the JSON API: the API reads no cookies (a bearer token cannot ride along
 * on a cross-site request) and refuses any POST that is not JSON (api/json-body.ts).
 */
const pagesOnly = (middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> => (c, next) => (c.req.path.startsWith('/api/') ? next() : middleware(c, next));

/** Message keys for errors thrown without one (by Hono's own middleware, for instance). */
const BY_STATUS: Record<number, string> = {
  400: 'badRequest',
  401: 'signInRequired',
  403: 'forbidden',
  404: 'notFound',
  409: 'formVersionGone',
  410: 'linkExpired',
  413: 'bodyTooLarge',
  415: 'unsupportedContentType',
  429: 'tooManyRequests',
  502: 'oidcUnavailable',
  503: 'saveFailed',
};

function errorResponse(c: Context<AppEnv>, status: number, key: string) {
  const { t } = c.var.ui ?? { t: translator('nb') };
  const title = t(`http.${key}.title`);
  const message = t(`http.${key}.body`);
  if (wantsJson(c)) return c.json({ error: key, message }, status as 400);
  return page(c, <MessagePage ui={c.var.ui ?? { lang: 'nb', t }} title={title} body={[message]} link={{ href: '/', text: t('http.home') }} />, status as 400);
}

export function createApp(options: AppOptions = {}) {
  const bindingOf = options.municipalityBinding ?? municipalityBinding;
  const directoryCache = new DirectoryCache();
  const app = new Hono<AppEnv>();

  app.use('*', ...security());
  app.use('*', async (c, next) => {
    c.set('now', options.now?.() ?? new Date());
    c.set('directory', new Directory(c.env.DB, directoryCache, options.directoryCacheMs ?? directoryCacheMs(c.env)));
    c.set('outbound', options.outbound ?? ((input, init) => fetch(input, init)));
    c.set('openDatabase', (municipality: Municipality) => new Database(bindingOf(c.env, municipality)));
    await next();
  });
  app.use('*', ui());
  app.use('*', bodyLimit({ maxSize: MAX_BODY, onError: () => { throw new HTTPException(413, { message: 'bodyTooLarge' }); } }));
  app.use('*', pagesOnly(csrf()));
  app.use('*', pagesOnly(formPostsOnly()));

  app.route('/', assetRoutes);
  app.route('/', infoPages);
  app.route('/m/:municipality/:form', journey);
  app.route('/l', personalLink);
  // Staff pages: the person is loaded once; a municipality's pages need a signed-in person,
  // and each sub-app checks the roles it needs.
  app.use('/staff/*', loadStaff());
  app.use('/staff/m/:municipality/*', requireStaff());
  app.route('/staff', staff);
  app.route('/staff/m/:municipality', links);
  app.route('/staff/m/:municipality/admin', admin);
  app.route('/dev', dev);
  app.route('/api/v1', api);

  app.notFound((c) => errorResponse(c, 404, 'notFound'));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return errorResponse(c, error.status, error.message || BY_STATUS[error.status] || 'badRequest');
    // Only the error's kind is logged: messages from storage can contain answers.
    console.error(JSON.stringify({ event: 'unhandled-error', name: error.name, path: c.req.routePath }));
    return errorResponse(c, 500, 'unexpected');
  });
  return app;
}
