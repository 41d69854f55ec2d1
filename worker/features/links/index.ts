/** Personal form links: made and followed by staff (and the API), opened by one respondent. */
export { LINKABLE_FORMS, makeLink, NewLinkInput } from './create.ts';
export { Links, type FormLink } from './repository.ts';
export { revokeLink } from './revoke.ts';
export { linkRefusal, linkStatus } from './status.ts';
export { formLinks } from './tables.ts';
export { responsePdf, type PdfFacts } from './response-pdf.ts';
