import type { Context } from 'hono';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { RefusalStatus } from '../core/refusals.ts';

/** Renders a page component as a complete HTML document. */
export const page = (c: Context, vnode: VNode, status: 200 | 422 | RefusalStatus = 200) =>
  c.html(`<!doctype html>${renderToString(vnode)}`, status);

/** Where the browser should go next; 303 turns a POST into a GET. */
export const redirect = (c: Context, location: string) => c.redirect(location, 303);

/** The API always answers JSON, even to a client that does not say so. */
export const wantsJson = (c: Context) => c.req.path.startsWith('/api/') || (c.req.header('accept') ?? '').includes('application/json');
