/**
 * A stand-in for LINK Mobility's SMS REST API (MT, version 2.4): POST /sms/send with Basic
 * authentication and the documented JSON fields; 200 with messageId, resultCode 1005 (queued)
 * and a description when accepted.
 */
export interface LinkAccount {
  username: string;
  password: string;
  platformId: string;
  platformPartnerId: string;
}

export interface ReceivedSms {
  source: string;
  sourceTON?: string;
  destination: string;
  userData: string;
}

const error = (status: number, description: string) => Response.json({ errorCode: String(status), description }, { status });

export function fakeLinkMobility(account: LinkAccount, host = 'n-eu.linkmobility.io') {
  const received: ReceivedSms[] = [];
  const upcoming: number[] = [];

  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== 'https:' || url.host !== host) throw new TypeError(`fetch failed: no route to ${url.host}`);
    if (request.method !== 'POST' || url.pathname !== '/sms/send') return error(404, 'Not found');
    const [scheme, encoded = ''] = (request.headers.get('authorization') ?? '').split(' ');
    const decoded = scheme === 'Basic' ? new TextDecoder().decode(Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0))) : '';
    if (decoded !== `${account.username}:${account.password}`) return error(401, 'Unauthorized');
    if (!request.headers.get('content-type')?.startsWith('application/json')) return error(415, 'Unsupported media type');
    const status = upcoming.shift();
    if (status) return error(status, 'Refused by the fake');
    let sms: ReceivedSms & { platformId?: unknown; platformPartnerId?: unknown; destinationTON?: unknown };
    try {
      sms = await request.json();
    } catch {
      return error(400, 'Malformed JSON');
    }
    if (sms.platformId !== account.platformId || sms.platformPartnerId !== account.platformPartnerId) return error(403, 'Unknown platform or partner');
    const valid =
      typeof sms.source === 'string' &&
      sms.source.length > 0 &&
      [undefined, 'ALPHANUMERIC', 'MSISDN', 'SHORTNUMBER'].includes(sms.sourceTON) &&
      [undefined, 'MSISDN'].includes(sms.destinationTON as string | undefined) &&
      typeof sms.destination === 'string' &&
      /^\+\d{8,15}$/.test(sms.destination) &&
      typeof sms.userData === 'string' &&
      sms.userData.length > 0;
    if (!valid) return error(400, 'Invalid message');
    received.push({ source: sms.source, sourceTON: sms.sourceTON, destination: sms.destination, userData: sms.userData });
    return Response.json({ messageId: crypto.randomUUID(), resultCode: 1005, description: 'Queued' });
  };

  return { fetch, received, refuseNext: (status: number) => upcoming.push(status) };
}
