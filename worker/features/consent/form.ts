/** The consent text: a form definition in nb, nn and en (forms/samtykke.json), checked at build time. */
import { compiledForms } from '../../generated/forms.ts';

export const CONSENT_FORM_ID = 'samtykke';

export const consentForm = () => compiledForms[CONSENT_FORM_ID]!;
