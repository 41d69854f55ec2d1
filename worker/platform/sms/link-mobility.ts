/**
 * Text messages through LINK Mobility, following its documented "SMS REST API – MT and
 * Delivery Reports", version 2.4 (the "Common" platform): POST <node>/sms/send with HTTP Basic
 * authentication and a JSON message; the answer to an accepted message is 200 with
 * `{ messageId, resultCode, description }`. LINK gives the customer the user name, password,
 * platform id and platform partner id.
 */
import { toBase64 } from '../../core/base64.ts';
import type { Sms, SmsSender } from '../sms/sender.ts';
import { asDeliveryError, httpRefusal } from '../outbox/errors.ts';

export interface LinkMobilitySettings {
  username: string;
  password: string;
  platformId: string;
  platformPartnerId: string;
  /** The sender shown on the phone: up to 11 letters and digits, a short number, or +E.164. */
  source: string;
  /** The API node; the default is the Northern Europe one. Tests point it elsewhere. */
  endpoint?: string;
  fetch?: typeof fetch;
}

const TIMEOUT_MS = 15_000;

/** The documented type-of-number values; an alphanumeric sender is the API's default. */
const sourceTon = (source: string) => (/^\+\d+$/.test(source) ? 'MSISDN' : /^\d+$/.test(source) ? 'SHORTNUMBER' : 'ALPHANUMERIC');

export class LinkMobilitySender implements SmsSender {
  constructor(private readonly settings: LinkMobilitySettings) {}

  async send(sms: Sms) {
    const { username, password, platformId, platformPartnerId, source, endpoint = 'https://n-eu.linkmobility.io', fetch: send = fetch } = this.settings;
    const credentials = toBase64(new TextEncoder().encode(`${username}:${password}`));
    const response = await send(`${endpoint}/sms/send`, {
      method: 'POST',
      headers: { authorization: `Basic ${credentials}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ source, sourceTON: sourceTon(source), destination: sms.to, destinationTON: 'MSISDN', userData: sms.text, platformId, platformPartnerId, useDeliveryReport: false }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    }).catch((error: unknown) => {
      throw asDeliveryError(error, 'linkmobility-network');
    });
    if (!response.ok) throw httpRefusal('linkmobility', response.status);
  }
}
