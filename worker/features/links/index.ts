/** Personal form links: made and followed by staff (and the API), opened by one respondent. */
export { LINKABLE_FORMS, linkMaker, makeLink, NewLinkInput, prepareLink, type LinkMaker } from './create.ts';
export { Links, type FormLink } from './repository.ts';
export { revokeLink } from './revoke.ts';
export { linkRefusal, linkStatus } from './status.ts';
export { formLinks } from './tables.ts';
export { qrDataUrl } from './qr.ts';
export { documentPdf, responsePdf, type PdfBlock, type PdfFacts } from './response-pdf.ts';
export { linkTokenHash } from './token.ts';
export { codeEntry } from './code-entry.tsx';
export { codePath, genuinePath, linkMessage, type LinkMessage, type SenderUnit } from './message.ts';
