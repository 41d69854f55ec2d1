import type { Ui } from '../ui.ts';

/** Alarmtelefonen for barn og unge: free, open day and night (116 111, https://www.116111.no). */
export const HELP_PHONE = '116 111';
export const EMERGENCY_PHONE = '112';
const tel = (phone: string) => `tel:${phone.replace(/\s/g, '')}`;

/** Leaves at once for a neutral page; a plain link, so it works without JavaScript (the island also drops this page from the history). */
export function QuickExit({ ui }: { ui: Ui }) {
  if (!ui.respondent?.child) return null;
  return (
    <a class="quick-exit" href={ui.respondent.exitUrl} rel="noreferrer" data-quick-exit>
      {ui.t('childsVoice.quickExit')}
    </a>
  );
}

/** A phone number as a link a phone can call. */
export const Phone = ({ phone }: { phone: string }) => (
  <a href={tel(phone)} class="phone">
    {phone}
  </a>
);

/** A text with `{phone}` in it, the number as a link to call. */
export function WithPhone({ text, phone }: { text: string; phone: string }) {
  const [before, after = ''] = text.split('{phone}');
  return (
    <>
      {before}
      <Phone phone={phone} />
      {after}
    </>
  );
}

/** One calm line on every child page about where to get help now. */
export function HelpLine({ ui }: { ui: Ui }) {
  if (!ui.respondent?.child) return null;
  const { helpContact } = ui.respondent;
  return (
    <p class="help-line">
      <WithPhone text={ui.t('childsVoice.helpLine')} phone={HELP_PHONE} />
      {helpContact && ` ${ui.t('childsVoice.helpLocal', { contact: helpContact })}`}
    </p>
  );
}

/**
 * When an adult answers together with the child, every page says so, and offers the adult to
 * end the session: their device then lets go of the child's draft. The button is for staff, so
 * its text is in the staff languages (bokmål where the page's language has none).
 */
export function AssistedBanner({ ui }: { ui: Ui }) {
  const role = ui.respondent?.assistedRole;
  if (!role) return null;
  const end = ui.respondent?.endAssisted;
  const staffLang = ['nb', 'nn', 'en'].includes(ui.lang) ? undefined : 'nb';
  return (
    <div class="assisted-banner" role="note">
      <p>{ui.t('childsVoice.assisted', { role: ui.t(`links.helperRoles.${role}`) })}</p>
      {end?.action && (
        <form method="post" action={end.action}>
          <button type="submit" class="button button--secondary" lang={staffLang}>
            {ui.t('links.assist.end')}
          </button>
        </form>
      )}
      {end && !end.action && (
        <a href={end.staffHref} lang={staffLang}>
          {ui.t('links.assist.back')}
        </a>
      )}
    </div>
  );
}
