import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { assets } from '../../../../web/generated/assets.ts';

/**
 * Strict headers for every response: only our own script, our own inlined stylesheet (by hash) and form targets, no
 * framing, no referrer leaking paths. Pages hold personal data, so nothing is cached
 * unless a route says otherwise (the hashed assets do).
 */
export const security = (): MiddlewareHandler[] => [
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: [`'${assets.css.csp}'`],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=63072000; includeSubDomains',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  }),
  async (c, next) => {
    await next();
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  },
];
