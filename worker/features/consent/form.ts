/**
 * The consent texts: form definitions in nb, nn and en, checked at build time. A guardian signs
 * `forms/samtykke.json` (about the child); a child from 12 answers `forms/samtykke-ung.json`,
 * the same questions with the same ids, written to the child (about you).
 */
import { compiledForms } from '../../generated/forms.ts';
import type { SignerRole } from './vocabulary.ts';

export const CONSENT_FORM_IDS: Record<SignerRole, string> = { guardian: 'samtykke', child: 'samtykke-ung' };

export const consentForm = (role: SignerRole = 'guardian') => compiledForms[CONSENT_FORM_IDS[role]]!;
