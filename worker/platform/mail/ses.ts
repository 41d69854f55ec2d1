/**
 * E-mail through Amazon SES, API v2 `SendEmail` (POST /v2/email/outbound-emails), signed with
 * AWS Signature Version 4 by aws4fetch. Use an EU region (e.g. eu-north-1) so mail is handled
 * in the EEA.
 */
import { AwsClient } from 'aws4fetch';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { asDeliveryError, httpRefusal } from '../outbox/errors.ts';

export interface SesSettings {
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** A verified sender identity in that region. */
  from: string;
  configurationSet?: string;
  /** Replaces https://email.<region>.amazonaws.com, for tests. */
  endpoint?: string;
  fetch?: typeof fetch;
}

/** A provider that does not answer in time is treated like a network failure and tried later. */
const TIMEOUT_MS = 15_000;

export class SesMailer implements Mailer {
  private readonly aws: AwsClient;

  constructor(private readonly settings: SesSettings) {
    // No retries inside the client: the outbox decides when to try again.
    this.aws = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, service: 'ses', region: settings.region, retries: 0 });
  }

  async send(mail: Mail) {
    const { region, from, configurationSet, endpoint = `https://email.${region}.amazonaws.com`, fetch: send = fetch } = this.settings;
    const request = await this.aws.sign(`${endpoint}/v2/email/outbound-emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        FromEmailAddress: from,
        Destination: { ToAddresses: [mail.to] },
        Content: { Simple: { Subject: { Data: mail.subject, Charset: 'UTF-8' }, Body: { Text: { Data: mail.text, Charset: 'UTF-8' } } } },
        ...(configurationSet ? { ConfigurationSetName: configurationSet } : {}),
      }),
    });
    const response = await send(request, { signal: AbortSignal.timeout(TIMEOUT_MS) }).catch((error: unknown) => {
      throw asDeliveryError(error, 'ses-network');
    });
    if (response.ok) return;
    // AWS names the error in x-amzn-ErrorType ("MessageRejected:http://…"); the body may echo the address, so it is not kept.
    throw httpRefusal('ses', response.status, response.headers.get('x-amzn-errortype')?.split(':')[0]);
  }
}
