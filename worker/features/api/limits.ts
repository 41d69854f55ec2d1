/** The API's limits, shared by the code that enforces them and the document that states them. */

/** Requests per token and window. */
export const RATE_LIMIT = { bucket: 'api', limit: 600, windowSeconds: 600 };

/** The newest links a list looks through, as on the staff overview. */
export const LIST_LIMIT = 500;
