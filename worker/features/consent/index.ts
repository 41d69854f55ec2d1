/** Consent for interdisciplinary cooperation: the log, the register, the check. */
export { mayShare, consentState } from './state.ts';
export { consentEvents, consents, consentSigners, consentSignatures, consentServiceLists } from './tables.ts';
