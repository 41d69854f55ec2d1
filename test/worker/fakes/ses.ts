/**
 * A stand-in for Amazon SES API v2 that checks requests the way SES does: the SigV4 signature,
 * recomputed here from the documented algorithm (not with aws4fetch, which signs them), the
 * credential scope (service `ses`, the region), and the SendEmail JSON body. It answers with
 * SES's documented success body and error headers.
 */
import { sha256Hex } from '../../../worker/core/secrets.ts';

export interface SesCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

export interface ReceivedEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  configurationSet?: string;
}

const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
async function hmac(key: BufferSource, data: string) {
  const imported = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', imported, encoder.encode(data));
}

/** Why SES would refuse the signature, or undefined when it is valid. */
async function signatureProblem(request: Request, body: string, credentials: SesCredentials): Promise<string | undefined> {
  const match = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
    request.headers.get('authorization') ?? '',
  );
  if (!match) return 'IncompleteSignatureException';
  const [, keyId, date, region, service, signedHeaders = '', signature] = match;
  if (keyId !== credentials.accessKeyId) return 'UnrecognizedClientException';
  if (region !== credentials.region || service !== 'ses') return 'InvalidSignatureException';
  const amzDate = request.headers.get('x-amz-date') ?? '';
  if (!amzDate.startsWith(date ?? '-')) return 'InvalidSignatureException';
  const signedAt = Date.parse(amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!(Math.abs(Date.now() - signedAt) < 15 * 60_000)) return 'InvalidSignatureException';
  const headers = signedHeaders.split(';');
  if (!headers.includes('host') || !headers.includes('x-amz-date')) return 'InvalidSignatureException';
  const url = new URL(request.url);
  const canonicalHeaders = headers.map((name) => `${name}:${name === 'host' ? url.host : (request.headers.get(name) ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [request.method, url.pathname, url.search.slice(1), canonicalHeaders, signedHeaders, await sha256Hex(body)].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
  let key: BufferSource = encoder.encode(`AWS4${credentials.secretAccessKey}`);
  for (const part of [date ?? '', region ?? '', service ?? '', 'aws4_request']) key = await hmac(key, part);
  return hex(await hmac(key, stringToSign)) === signature ? undefined : 'SignatureDoesNotMatchException';
}

const refusal = (status: number, type: string, message: string) =>
  Response.json({ message }, { status, headers: { 'x-amzn-errortype': `${type}:http://internal.amazon.com/coral/com.amazon.coral.service/` } });

export function fakeSes(credentials: SesCredentials, host = `email.${credentials.region}.amazonaws.com`) {
  const received: ReceivedEmail[] = [];
  /** Answers to give instead of accepting, one per request, such as a throttle. */
  const upcoming: { status: number; type: string }[] = [];

  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    if (url.protocol !== 'https:' || url.host !== host) throw new TypeError(`fetch failed: no route to ${url.host}`);
    if (request.method !== 'POST' || url.pathname !== '/v2/email/outbound-emails') return refusal(404, 'NotFoundException', 'Not found');
    const body = await request.text();
    const problem = await signatureProblem(request, body, credentials);
    if (problem) return refusal(403, problem, 'The request signature we calculated does not match the signature you provided.');
    const answer = upcoming.shift();
    if (answer) return refusal(answer.status, answer.type, 'Refused by the fake');
    let email: ReceivedEmail;
    try {
      const json = JSON.parse(body);
      const simple = json.Content?.Simple;
      email = { from: json.FromEmailAddress, to: json.Destination?.ToAddresses, subject: simple?.Subject?.Data, text: simple?.Body?.Text?.Data, configurationSet: json.ConfigurationSetName };
    } catch {
      return refusal(400, 'BadRequestException', 'Malformed JSON');
    }
    const valid =
      typeof email.from === 'string' &&
      Array.isArray(email.to) &&
      email.to.length > 0 &&
      email.to.every((address) => typeof address === 'string' && address.includes('@')) &&
      typeof email.subject === 'string' &&
      typeof email.text === 'string';
    if (!valid) return refusal(400, 'BadRequestException', 'Missing or invalid SendEmail fields');
    received.push(email);
    return Response.json({ MessageId: `0100${crypto.randomUUID().replace(/-/g, '')}-000000` });
  };

  return { fetch, received, refuseNext: (status: number, type: string) => upcoming.push({ status, type }) };
}
