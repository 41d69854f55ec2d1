import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv, Env } from './env.ts';
import { translator } from '../core/i18n/translate.ts';
import { REFUSALS, Refusal, refusalTexts, refuse, type RefusalCode } from '../core/refusals.ts';
import { SealedValueError } from '../core/sealed.ts';
import { formPostsOnly } from './middleware/form-post/index.ts';
import { security } from './middleware/security/index.ts';
import { RememberingRouter } from './router/index.ts';
import { ui } from './middleware/ui/index.ts';
import { page, wantsJson } from './render.ts';
import { admin } from '../features/admin/routes.tsx';
import { api } from '../features/api/routes.ts';
import { assessmentRoutes, feedbackForChild, meetingRoutes } from '../features/assessment/routes.ts';
import { cases } from '../features/cases/routes.tsx';
import { genuine, links, personalLink } from '../features/links/routes.ts';
import { journey } from '../features/respond/routes.tsx';
import { insight, openLinks } from '../features/insight/routes.ts';
import { loadStaff, requireStaff } from '../features/staff/index.ts';
import { staff } from '../features/staff/routes.tsx';
import { consentDemo, consentStaff, receipts, signing } from '../features/consent/routes.ts';
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

/**
 * Cross-site form posts are refused. Hono's csrf() throws a bare 403; it is refused here by
 * name, so every error reaching `onError` is a Refusal or else unforeseen.
 */
const sameOriginPosts = (): MiddlewareHandler<AppEnv> => {
  const check = csrf();
  return async (c, next) => {
    try {
      await check(c, async () => {});
    } catch (error) {
      if (error instanceof HTTPException) refuse('forbidden');
      throw error;
    }
    await next();
  };
};

function refusalResponse(c: Context<AppEnv>, code: RefusalCode) {
  const ui = c.var.ui ?? { lang: 'nb', t: translator('nb') };
  const texts = refusalTexts(code);
  const message = ui.t(texts.body);
  if (wantsJson(c)) return c.json({ error: code, message }, REFUSALS[code]);
  return page(c, <MessagePage ui={ui} title={ui.t(texts.title)} body={[message]} link={{ href: '/', text: ui.t('http.home') }} />, REFUSALS[code]);
}

export function createApp(options: AppOptions = {}) {
  const bindingOf = options.municipalityBinding ?? municipalityBinding;
  const directoryCache = new DirectoryCache();
  const app = new Hono<AppEnv>({ router: new RememberingRouter() });

  app.use('*', ...security());
  app.use('*', async (c, next) => {
    c.set('now', options.now?.() ?? new Date());
    c.set('directory', new Directory(c.env.DB, directoryCache, options.directoryCacheMs ?? directoryCacheMs(c.env)));
    c.set('outbound', options.outbound ?? ((input, init) => fetch(input, init)));
    c.set('openDatabase', (municipality: Municipality) => new Database(bindingOf(c.env, municipality)));
    await next();
  });
  app.use('*', ui());
  app.use('*', bodyLimit({ maxSize: MAX_BODY, onError: () => refuse('bodyTooLarge') }));
  app.use('*', pagesOnly(sameOriginPosts()));
  app.use('*', pagesOnly(formPostsOnly()));

  app.route('/', assetRoutes);
  app.route('/', infoPages);
  // Before the journey: no form is called "meldinger" (checkForm refuses it).
  app.route('/m/:municipality/meldinger', genuine);
  app.route('/m/:municipality/:form', journey);
  // A child's answered link shows the adults' feedback, once it is sent; otherwise the link routes answer.
  app.use('/l/:municipality/:token', feedbackForChild());
  app.route('/l', personalLink);
  app.route('/r', openLinks);
  app.route('/c', signing);
  app.route('/receipts', receipts);
  // Staff pages: the person is loaded once; a municipality's pages need a signed-in person,
  // and each sub-app checks the roles it needs.
  app.use('/staff/*', loadStaff());
  app.use('/staff/m/:municipality/*', requireStaff());
  app.route('/staff', staff);
  app.route('/staff/m/:municipality', links);
  app.route('/staff/m/:municipality', consentStaff);
  app.route('/staff/m/:municipality', cases);
  app.route('/staff/m/:municipality', assessmentRoutes);
  app.route('/staff/m/:municipality', meetingRoutes);
  app.route('/staff/m/:municipality/admin', admin);
  app.route('/staff/m/:municipality/insight', insight);
  app.route('/dev', dev);
  app.route('/dev', consentDemo);
  app.route('/api/v1', api);

  app.notFound((c) => refusalResponse(c, 'notFound'));
  app.onError((error, c) => {
    if (error instanceof Refusal) return refusalResponse(c, error.code);
    // A value sealed under a key this deployment lacks (or altered): say so, change nothing.
    if (error instanceof SealedValueError) {
      console.error(JSON.stringify({ event: 'sealed-value-unreadable', path: c.req.routePath }));
      return refusalResponse(c, 'sealedUnreadable');
    }
    // Only the error's kind is logged: messages from storage can contain answers.
    console.error(JSON.stringify({ event: 'unhandled-error', name: error.name, path: c.req.routePath }));
    return refusalResponse(c, 'unexpected');
  });
  return app;
}
