/**
 * Every refusal the app answers with, and its HTTP status. A refusal's texts are
 * `http.<code>.title` and `http.<code>.body` in the locale files; `app.onError` renders them
 * in the page's language (as JSON `{ error: <code>, message }` for the API and JSON clients).
 */
export const REFUSALS = {
  // The request itself
  badRequest: 400,
  bodyTooLarge: 413,
  unsupportedContentType: 415,
  unsupportedCharset: 415,
  formNoBoundary: 400,
  formIncomplete: 400,
  filesNotAccepted: 400,
  formUnreadableCharacters: 400,
  tooManyRequests: 429,
  // Forms and answers
  notFound: 404,
  formNotFound: 404,
  formVersionGone: 409,
  rowNotFound: 404,
  tooManyRows: 400,
  saveFailed: 503,
  sealingUnavailable: 503,
  /** A sealed value whose key is not configured, or that does not open: nothing is changed or lost. */
  sealedUnreadable: 503,
  // Personal links
  linkNotFound: 404,
  linkRevoked: 410,
  linkUsed: 410,
  linkExpired: 410,
  linkAnswered: 409,
  // User-insight rounds
  roundNotFound: 404,
  roundNotOpen: 404,
  roundClosed: 410,
  roundOpen: 409,
  /** Publishing the round's figures is under way, or was stopped at the CPU limit (too large a round). */
  resultsPreparing: 503,
  // Consent for cooperation
  consentServicesChanged: 409,
  consentAlreadySigned: 409,
  consentNotSigned: 409,
  consentAlreadyWithdrawn: 409,
  consentAlreadyCountersigned: 409,
  consentWithdrawn: 409,
  consentExpired: 410,
  consentWrongSigner: 403,
  consentChildMismatch: 409,
  // Assessments and meeting records
  documentChanged: 409,
  assessmentCompleted: 409,
  assessmentNotCompleted: 409,
  assessmentNoLink: 409,
  // Staff sign-in and access
  signInRequired: 401,
  signInLinkInvalid: 400,
  noAccess: 403,
  forbidden: 403,
  oidcFailed: 400,
  oidcUnavailable: 502,
  // The JSON API
  apiUnauthorized: 401,
  apiNoAccess: 403,
  apiJsonOnly: 415,
  // Anything not foreseen (logged by its error name only)
  unexpected: 500,
} as const satisfies Record<string, RefusalStatus>;

export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 429 | 500 | 502 | 503;
export type RefusalCode = keyof typeof REFUSALS;

/** The locale keys of a refusal's title and body. */
export const refusalTexts = (code: RefusalCode) => ({ title: `http.${code}.title`, body: `http.${code}.body` });

/** A request refused on purpose; its status comes from the catalogue, never from the thrower. */
export class Refusal extends Error {
  override readonly name = 'Refusal';
  readonly status: RefusalStatus;

  constructor(readonly code: RefusalCode) {
    super(code);
    this.status = REFUSALS[code];
  }
}

/** Refuses the request: `app.onError` answers with the refusal's status and text. */
export function refuse(code: RefusalCode): never {
  throw new Refusal(code);
}
