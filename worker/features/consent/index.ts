/** Consent for interdisciplinary cooperation: what other features and the nightly job ask of it. */
export { checkCase, publishedKeys, verifyReceipt } from './lookups.ts';
export { lapseReminders, recordExpiries, resealConsents } from './maintenance.ts';
export { consents } from './tables.ts';
