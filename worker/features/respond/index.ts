/** The respondent's journey: drafts, responses and the form versions they used. */
export { readDraftKey } from './draft-cookie.ts';
export { formAt } from './form-at.ts';
export { draftExpiry } from './lifetime.ts';
export { readResponse } from './read-response.ts';
export { continueOnThisDevice, openNewDraft } from './new-draft.ts';
export { answersContext } from './answers-context.ts';
export { Drafts, FormVersions, Responses, type Draft, type ResponseSummary, type StoredResponse } from './repository.ts';
export { resealAnswers } from './reseal.ts';
export { responses } from './tables.ts';
