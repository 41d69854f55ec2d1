import * as v from 'valibot';
import type { Env } from '../env.ts';
import { isDevelopment, mailerFor } from '../mail/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { smsSenderFor } from '../sms/index.ts';
import type { SmsSender } from '../sms/sender.ts';
import { SesMailer } from '../mail/ses.ts';
import { LinkMobilitySender } from '../sms/link-mobility.ts';

/** Who sends each channel; a channel without one fails its messages with `not-configured`. */
export interface Providers {
  email?: Mailer;
  sms?: SmsSender;
}

const setting = v.pipe(v.string(), v.trim(), v.nonEmpty());
const endpoint = v.optional(v.pipe(setting, v.url(), v.transform((url) => url.replace(/\/+$/, ''))));

const SesEnv = v.object({
  SES_REGION: setting,
  SES_ACCESS_KEY_ID: setting,
  SES_SECRET_ACCESS_KEY: setting,
  SES_FROM: setting,
  SES_CONFIGURATION_SET: v.optional(setting),
  SES_ENDPOINT: endpoint,
});

const LinkMobilityEnv = v.object({
  LINKMOBILITY_USERNAME: setting,
  LINKMOBILITY_PASSWORD: setting,
  LINKMOBILITY_PLATFORM_ID: setting,
  LINKMOBILITY_PLATFORM_PARTNER_ID: setting,
  LINKMOBILITY_SOURCE: setting,
  LINKMOBILITY_ENDPOINT: endpoint,
});

/**
 * The providers this environment is configured for. Development keeps the development outbox
 * (stored and shown at /dev/outbox); elsewhere SES and LINK Mobility, each only when all
 * its settings are present. Nothing here throws: a missing provider shows on the message.
 */
export function providersFor(env: Env, outbound: typeof fetch = fetch): Providers {
  if (isDevelopment(env)) return { email: mailerFor(env), sms: smsSenderFor(env) };
  const ses = v.safeParse(SesEnv, env);
  const link = v.safeParse(LinkMobilityEnv, env);
  return {
    email: ses.success
      ? new SesMailer({
          region: ses.output.SES_REGION,
          accessKeyId: ses.output.SES_ACCESS_KEY_ID,
          secretAccessKey: ses.output.SES_SECRET_ACCESS_KEY,
          from: ses.output.SES_FROM,
          configurationSet: ses.output.SES_CONFIGURATION_SET,
          endpoint: ses.output.SES_ENDPOINT,
          fetch: outbound,
        })
      : undefined,
    sms: link.success
      ? new LinkMobilitySender({
          username: link.output.LINKMOBILITY_USERNAME,
          password: link.output.LINKMOBILITY_PASSWORD,
          platformId: link.output.LINKMOBILITY_PLATFORM_ID,
          platformPartnerId: link.output.LINKMOBILITY_PLATFORM_PARTNER_ID,
          source: link.output.LINKMOBILITY_SOURCE,
          endpoint: link.output.LINKMOBILITY_ENDPOINT,
          fetch: outbound,
        })
      : undefined,
  };
}
