/** The respondent's journey: start, pages, check, submit, receipt, save and resume. */
export { journey } from './routes.tsx';
export { readDraftKey } from './draft-cookie.ts';
export { openNewDraft } from './new-draft.ts';
