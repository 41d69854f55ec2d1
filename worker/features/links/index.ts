/** Personal form links: made and followed by staff (and the API), opened by one respondent. */
export { links } from './staff-routes.tsx';
export { personalLink } from './open-routes.tsx';
export { LINKABLE_FORMS, makeLink, NewLinkInput } from './create.ts';
export { revokeLink } from './revoke.ts';
export { linkStatus } from './status.ts';
