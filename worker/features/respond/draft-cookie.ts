import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** One cookie per form, so drafts of different forms on one device never collide. */
const cookieName = (municipalityId: string, formId: string) => `d-${municipalityId}-${formId}`;

export const readDraftKey = (c: Context, municipalityId: string, formId: string) =>
  getCookie(c, cookieName(municipalityId, formId), 'host');

export function writeDraftKey(c: Context, municipalityId: string, formId: string, key: string, expires: Date) {
  setCookie(c, cookieName(municipalityId, formId), key, {
    prefix: 'host',
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    expires,
  });
}

export const forgetDraftKey = (c: Context, municipalityId: string, formId: string) =>
  deleteCookie(c, cookieName(municipalityId, formId), { prefix: 'host', path: '/', secure: true });
