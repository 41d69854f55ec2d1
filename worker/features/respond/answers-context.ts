/** Where a response's sealed answers live, bound into the seal so a copy in another row does not open. */
export const answersContext = (responseId: string) => `responses.answers:${responseId}`;

/** Where a draft's sealed answers live. */
export const draftAnswersContext = (draftId: string) => `drafts.answers:${draftId}`;
