/** Making a personal form link: the one place both the staff pages and the API go through. */
import * as v from 'valibot';
import { compiledForms } from '../../generated/forms.ts';
import { LANGUAGES } from '../../core/language.ts';
import { isLinkable } from '../../platform/forms.ts';
import { norwegianMobile } from '../../platform/sms/index.ts';
import { DAY_MS, EXPIRY_DAYS, HELPER_ROLES, RESPONDENTS } from '../../core/vocabulary.ts';
import type { Municipality } from '../../core/municipality.ts';
import { enqueueMessage } from '../../platform/outbox/enqueue.ts';
import type { Database, Statement } from '../../platform/storage/database.ts';
import type { Directory } from '../../platform/storage/directory.ts';
import { Audit } from '../audit/index.ts';
import { Links, type FormLink } from './repository.ts';
import { linkMessage, type LinkMessage, type SenderUnit } from './message.ts';
import { newLinkToken } from './token.ts';
import { ageFits, parseAge, respondentsFor } from './respondents.ts';

/** Forms a personal link may point to. */
export const LINKABLE_FORMS = Object.values(compiledForms).filter(({ definition }) => isLinkable(definition));

/** What a new link needs; each problem's message is a key under `links.errors`. */
export const NewLinkInput = v.pipe(v.object({
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
  /** The sender's role, named in the letter and the messages ("a teacher"); "other" says "a member of staff". */
  senderRole: v.optional(v.picklist(HELPER_ROLES, 'senderRole'), 'other'),
  /** A Norwegian mobile number to text the link to; used once and not stored. */
  phone: v.optional(v.pipe(v.string('phone'), v.trim(), v.check((value) => value === '' || norwegianMobile(value) !== undefined, 'phone')), ''),
  /** The child's age, for a form made for an age band; checked against it and not stored. */
  childAge: v.optional(v.pipe(v.union([v.string(), v.number()], 'childAge'), v.transform((value: string | number) => parseAge(value))), ''),
}),
  // A form goes only to the respondents it is made for (respondents.ts), a version for an age band only to a child of that age.
  v.forward(
    v.partialCheck([['form'], ['respondent']], (input) => !!compiledForms[input.form] && respondentsFor(compiledForms[input.form]!.definition).includes(input.respondent), 'respondentNotFor'),
    ['respondent'],
  ),
  v.forward(
    v.partialCheck([['form'], ['childAge']], (input) => !compiledForms[input.form] || ageFits(compiledForms[input.form]!.definition, input.childAge), 'childAge'),
    ['childAge'],
  ),
  // A link opens the form in its language, so the form must be written in it.
  v.forward(
    v.partialCheck([['form'], ['language']], (input) => !!compiledForms[input.form]?.definition.languages.includes(input.language), 'languageNotOffered'),
    ['language'],
  ),
);
export type NewLinkInput = v.InferOutput<typeof NewLinkInput>;

export interface LinkMaker {
  /** A person's id, or `token:<id>` for a case-management system. */
  id: string;
  unitId: string | null;
  /** The unit's name and contact, as the letter and the messages give them. */
  unit?: SenderUnit;
  via: 'web' | 'api';
}

/** The maker with their unit's name and contact, for the letter and the messages. */
export async function linkMaker(directory: Directory, municipalityId: string, maker: Omit<LinkMaker, 'unit'>): Promise<LinkMaker> {
  const unit = maker.unitId ? (await directory.units(municipalityId)).find((candidate) => candidate.id === maker.unitId) : undefined;
  return { ...maker, unit: unit && { name: unit.name, contact: unit.contact } };
}

export interface MadeLink {
  link: FormLink;
  /** The address with the code: shown or returned once, never stored. */
  url: string;
  /** What the letter, the e-mail and the text message say. */
  message: LinkMessage;
  /** Whether an e-mail or a text message with the link was queued (see the link's messages for delivery). */
  queued: boolean;
}

/**
 * Stores the link (its token only as a hash), its audit entry and any e-mail or text message
 * with the link in one batch: all of them or none. The messages are delivered afterwards
 * through the outbox; the link is returned whatever happens to them, so it is always shown.
 */
export async function makeLink(database: Database, municipality: Municipality, maker: LinkMaker, input: NewLinkInput, origin: string, now: Date): Promise<MadeLink> {
  const { statements, ...made } = await prepareLink(database, municipality, maker, input, origin, now);
  await database.commit(statements);
  return made;
}

/**
 * The link and the statements that store it, for a caller that commits them in its own batch
 * with what the link is for (a consent's signer). `path` is where the link opens: `/l` starts
 * the form's journey; another feature may open its own links at its own address.
 */
export async function prepareLink(
  database: Database,
  municipality: Municipality,
  maker: LinkMaker,
  input: NewLinkInput,
  origin: string,
  now: Date,
  path = '/l',
): Promise<MadeLink & { statements: Statement[] }> {
  const token = await newLinkToken();
  const phone = norwegianMobile(input.phone);
  const queued = !!input.email || !!phone;
  const link: FormLink = {
    id: crypto.randomUUID(),
    municipalityId: municipality.id,
    tokenHash: token.hash,
    formId: input.form,
    language: input.language,
    respondent: input.respondent,
    caseReference: input.caseReference,
    createdBy: maker.id,
    unitId: maker.unitId,
    singleUse: input.singleUse,
    createdAt: now,
    expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    // "Sent" means handed to the outbox; the link's page shows whether each message arrived.
    sentAt: queued ? now : null,
    openedAt: null,
    startedAt: null,
    submittedAt: null,
    responseId: null,
    revokedAt: null,
  };
  const url = `${origin}${path}/${municipality.id}/${token.code}`;
  const form = compiledForms[input.form]!.definition;
  const message = linkMessage({ language: input.language, municipality, unit: maker.unit, role: input.senderRole, formTitle: form.title, expiresAt: link.expiresAt, url, code: token.code, origin, path });
  const subjectRef = `link:${link.id}`;
  const messages: Statement[] = [];
  // The address and number are kept only until the message is delivered, then erased.
  if (input.email) {
    messages.push(enqueueMessage(database.db, { municipalityId: municipality.id, channel: 'email', recipient: input.email, subject: message.subject, body: message.mail, subjectRef }, now));
  }
  if (phone) {
    messages.push(enqueueMessage(database.db, { municipalityId: municipality.id, channel: 'sms', recipient: phone, body: message.sms, subjectRef }, now));
  }
  const statements = [
    new Links(database).create(link),
    new Audit(database).record({ municipalityId: municipality.id, at: now, personId: maker.id, action: 'link.create', targetType: 'link', targetId: link.id, via: maker.via }),
    ...messages,
  ];
  return { link, url, message, queued, statements };
}
