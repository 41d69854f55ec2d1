/** Consent for interdisciplinary cooperation: what other features ask of it (the API). */
export { checkCase, publishedKeys, verifyReceipt } from './lookups.ts';
