import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { assets } from '../generated/assets.ts';

/** The one stylesheet and one script, named by content hash so browsers may keep them for a year. */
export const assetRoutes = new Hono<AppEnv>();

for (const asset of Object.values(assets)) {
  assetRoutes.get(asset.path, (c) =>
    c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'public, max-age=31536000, immutable' }),
  );
}

// Browsers ask for a favicon on every first visit; an empty answer is cheaper than a 404 page.
assetRoutes.get('/favicon.ico', (c) => c.body(null, 204, { 'cache-control': 'public, max-age=86400' }));
