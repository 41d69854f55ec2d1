/**
 * What every e-mail, text message and letter with a personal link says, written in one place:
 * who sends it and why (municipality, unit, the sender's role, the form), how long the link
 * works, whom to ask, and how to check that the message is genuine. Never a name, a private
 * address or anything about the child: the subject names the municipality only.
 */
import { formatDate } from '../../core/i18n/format.ts';
import { pickText } from '../../core/i18n/pick.ts';
import { translator } from '../../core/i18n/translate.ts';
import type { Language, Text } from '../../core/language.ts';
import type { Municipality } from '../../core/municipality.ts';
import type { HelperRole } from '../../core/vocabulary.ts';
import type { LetterText } from '../../../web/staff/links.tsx';

/** The sender's unit, as families see it. */
export interface SenderUnit {
  name: string;
  /** A phone number or address from the unit's settings. */
  contact: string | null;
}

export interface MessageFacts {
  language: Language;
  municipality: Pick<Municipality, 'id' | 'name'>;
  unit?: SenderUnit;
  role: HelperRole;
  formTitle: Text;
  expiresAt: Date;
  /** The link's own address, with its code. */
  url: string;
  /** The code alone, in groups of four. */
  code: string;
  origin: string;
  /** Where the link opens: `/l`, or a feature's own address (consent's `/c`). */
  path: string;
}

/**
 * The texts, each a finished sentence or address, for the e-mail, the text message and the
 * letter: the letter's own (`LetterText`: sender, intro, sentBy, contact, expires, typeAt,
 * typeCode, code, genuine, never) and what only the messages need.
 */
export interface LinkMessage extends LetterText {
  subject: string;
  /** The page that explains our messages. */
  genuineUrl: string;
  url: string;
  mail: string;
  sms: string;
}

const withoutScheme = (url: string) => url.replace(/^https?:\/\//, '');

/** The public page that explains medvirk's messages for a municipality. */
export const genuinePath = (municipalityId: string) => `/m/${municipalityId}/meldinger`;
/** Where a code from a letter is typed, for links that open at `path`. */
export const codePath = (path: string, municipalityId: string) => `${path}/${municipalityId}`;

export function linkMessage(facts: MessageFacts): LinkMessage {
  const t = translator(facts.language);
  const { municipality, unit } = facts;
  const sender = unit ? t('letter.unitIn', { unit: unit.name, municipality: municipality.name }) : municipality.name;
  const role = t(`letter.roles.${facts.role}`);
  const genuineUrl = `${facts.origin}${genuinePath(municipality.id)}`;
  const typeAt = withoutScheme(`${facts.origin}${codePath(facts.path, municipality.id)}`);
  const texts = {
    subject: t('letter.mailSubject', { municipality: municipality.name }),
    sender,
    intro: t('letter.intro', { sender, form: pickText(facts.formTitle, facts.language) }),
    sentBy: t('letter.sentBy', { role, sender }),
    contact: unit?.contact ? t('letter.contactUnit', { unit: unit.name, contact: unit.contact }) : t('letter.contactMunicipality', { municipality: municipality.name }),
    expires: t('letter.expires', { date: formatDate(facts.expiresAt, facts.language) }),
    typeAt,
    typeCode: t('letter.typeCode', { address: typeAt, code: facts.code }),
    genuineUrl,
    genuine: t('letter.genuine', { address: withoutScheme(genuineUrl) }),
    never: t('letter.never'),
    url: facts.url,
    code: facts.code,
  };
  const mail = [texts.intro, t('letter.openLink', { link: facts.url }), texts.typeCode, texts.expires, `${texts.sentBy} ${texts.contact}`, `${t('letter.genuine', { address: genuineUrl })}\n${texts.never}`].join('\n\n');
  const sms = t('letter.sms', { intro: texts.intro, link: facts.url, expires: texts.expires, sentBy: texts.sentBy, contact: texts.contact, genuine: withoutScheme(genuineUrl) });
  return { ...texts, mail, sms };
}
