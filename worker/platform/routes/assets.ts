import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { assets } from '../../../web/generated/assets.ts';

/** The one script, named by content hash so browsers may keep it for a year. (The stylesheet is inlined.) */
export const assetRoutes = new Hono<AppEnv>();

assetRoutes.get(assets.js.path, (c) => c.body(assets.js.body, 200, { 'content-type': assets.js.type, 'cache-control': 'public, max-age=31536000, immutable' }));

// Browsers ask for a favicon on every first visit; an empty answer is cheaper than a 404 page.
assetRoutes.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'public, max-age=86400' }));
