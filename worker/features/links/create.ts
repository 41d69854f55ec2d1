/** Making a personal form link: the one place both the staff pages and the API go through. */
import * as v from 'valibot';
import { compiledForms } from '../../generated/forms.ts';
import { LANGUAGES } from '../../core/language.ts';
import { translator } from '../../core/i18n/translate.ts';
import { newKey, sha256Hex } from '../../core/secrets.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { norwegianMobile } from '../../platform/sms/index.ts';
import type { SmsSender } from '../../platform/sms/sender.ts';
import { DAY_MS, EXPIRY_DAYS, RESPONDENTS } from '../../core/vocabulary.ts';
import type { FormLink, Municipality, Store } from '../../platform/storage/store.ts';


/**
 * Forms a personal link may point to. Anonymous forms may not: a link ties the answer to a
 * case reference and a sender.
 */
export const LINKABLE_FORMS = Object.values(compiledForms).filter((form) => !form.definition.anonymous);

/** What a new link needs; each problem's message is a key under `links.errors`. */
export const NewLinkInput = v.object({
  form: v.picklist(LINKABLE_FORMS.map((form) => form.definition.id), 'form'),
  language: v.picklist(LANGUAGES, 'language'),
  respondent: v.picklist(RESPONDENTS, 'respondent'),
  // The sender's own reference: letters, digits and a few separators, never a name with spaces.
  caseReference: v.pipe(
    v.string('caseReference'),
    v.trim(),
    v.regex(/^[\p{L}\p{N}][\p{L}\p{N}._/-]{0,39}$/u, 'caseReference'),
    // Eleven digits, with or without a separator after the birth date, is a national ID number.
    v.check((value) => !/\d{6}[._/-]?\d{5}/.test(value), 'caseReferenceId'),
  ),
  expiresInDays: v.pipe(v.union([v.string(), v.number()], 'expiresInDays'), v.transform(Number), v.picklist(EXPIRY_DAYS, 'expiresInDays')),
  singleUse: v.boolean('singleUse'),
  email: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.trim(), v.email('email'), v.maxLength(254, 'email'))], 'email'), ''),
  /** A Norwegian mobile number to text the link to; used once and not stored. */
  phone: v.optional(v.pipe(v.string('phone'), v.trim(), v.check((value) => value === '' || norwegianMobile(value) !== undefined, 'phone')), ''),
});
export type NewLinkInput = v.InferOutput<typeof NewLinkInput>;

export interface LinkMaker {
  /** A person's id, or `token:<id>` for a case-management system. */
  id: string;
  unitId: string | null;
  via: 'web' | 'api';
}

export interface MadeLink {
  link: FormLink;
  /** The address with the token: shown or returned once, never stored. */
  url: string;
}

/** Stores the link (its token only as a hash), audits it, and e-mails or texts it if asked to. */
export async function makeLink(
  store: Store,
  municipality: Municipality,
  maker: LinkMaker,
  input: NewLinkInput,
  origin: string,
  now: Date,
  mailer: () => Mailer,
  sms?: () => SmsSender,
): Promise<MadeLink> {
  // Resolved first: a missing provider must fail before a link nobody will see is stored.
  const mail = input.email ? mailer() : undefined;
  const phone = norwegianMobile(input.phone);
  const text = phone && sms ? sms() : undefined;
  // 43 base64url characters: 258 bits, of which the random part is at least 254.
  const token = newKey() + newKey().slice(0, 21);
  const link: FormLink = {
    id: crypto.randomUUID(),
    municipalityId: municipality.id,
    tokenHash: await sha256Hex(token),
    formId: input.form,
    language: input.language,
    respondent: input.respondent,
    caseReference: input.caseReference,
    createdBy: maker.id,
    unitId: maker.unitId,
    singleUse: input.singleUse,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    sentAt: null,
    openedAt: null,
    startedAt: null,
    submittedAt: null,
    responseId: null,
    revokedAt: null,
  };
  await store.createLink(link);
  await store.audit({ municipalityId: municipality.id, at: now, personId: maker.id, action: 'link.create', targetType: 'link', targetId: link.id, via: maker.via });
  const url = `${origin}/l/${municipality.id}/${token}`;
  if (mail) {
    // The address is used to send and then forgotten; only the fact that it was sent is kept.
    const t = translator(input.language);
    await mail.send({
      to: input.email,
      subject: t('letter.mailSubject', { municipality: municipality.name }),
      text: t('letter.mailBody', { municipality: municipality.name, link: url, date: new Intl.DateTimeFormat('nb-NO', { timeZone: 'Europe/Oslo' }).format(link.expiresAt) }),
    });
    await store.markLink(link.id, 'sentAt', now);
    link.sentAt = now;
  }
  if (phone && text) {
    // Like the address, the number is used to send and then forgotten.
    const t = translator(input.language);
    await text.send({ to: phone, text: t('letter.sms', { municipality: municipality.name, link: url }) });
    await store.markLink(link.id, 'sentAt', now);
    link.sentAt = now;
  }
  return { link, url };
}
