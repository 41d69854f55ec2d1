/** The API's limits, shared by the code that enforces them and the document that states them. */

/** Requests per token and window. */
export const RATE_LIMIT = { bucket: 'api', limit: 600, windowSeconds: 600 };

/** Wrong tokens per client address and window, like verifying staff sign-in links. */
export const AUTH_FAILURE_LIMIT = { bucket: 'api-auth-failure', limit: 20, windowSeconds: 900 };

/** The newest links a list looks through, as on the staff overview. */
export const LIST_LIMIT = 500;
