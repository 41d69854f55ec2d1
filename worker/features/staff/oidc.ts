/**
 * Staff sign-in with a municipality's own identity provider (OpenID Connect, authorization code
 * flow with PKCE, state and nonce), through oauth4webapi. The state, nonce and code verifier
 * travel in a short-lived __Host- cookie, so nothing is stored before the person comes back.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { Refusal, refuse } from '../../core/refusals.ts';
import * as oauth from 'oauth4webapi';
import * as v from 'valibot';
import type { StaffEnv } from './env.ts';
import { publicOrigin } from '../../platform/public-origin.ts';
import type { OidcProvider } from './identity-providers.ts';

const COOKIE = 'oidc';
const FLOW_SECONDS = 600;

const Flow = v.object({ municipality: v.string(), state: v.string(), nonce: v.string(), verifier: v.string() });

const callbackUrl = (c: Context<StaffEnv>) => `${publicOrigin(c.env, c.req.url)}/staff/sign-in/oidc/callback`;

async function authorizationServer(c: Context<StaffEnv>, provider: OidcProvider) {
  const issuer = new URL(provider.issuer);
  try {
    return await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { [oauth.customFetch]: c.var.outbound }));
  } catch {
    refuse('oidcUnavailable');
  }
}

function clientSecret(c: Context<StaffEnv>, provider: OidcProvider): string {
  const secret: unknown = (c.env as unknown as Record<string, unknown>)[provider.clientSecretName];
  if (typeof secret !== 'string' || !secret) throw new Error(`the Worker secret ${provider.clientSecretName} is not set`);
  return secret;
}

/** Sends the person to the identity provider; returns where to go. */
export async function beginOidc(c: Context<StaffEnv>, provider: OidcProvider): Promise<string> {
  const as = await authorizationServer(c, provider);
  if (!as.authorization_endpoint) refuse('oidcUnavailable');
  const flow = { municipality: provider.municipalityId, state: oauth.generateRandomState(), nonce: oauth.generateRandomNonce(), verifier: oauth.generateRandomCodeVerifier() };
  setCookie(c, COOKIE, btoa(JSON.stringify(flow)), { prefix: 'host', path: '/', secure: true, httpOnly: true, sameSite: 'Lax', maxAge: FLOW_SECONDS });
  const url = new URL(as.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: provider.clientId,
    redirect_uri: callbackUrl(c),
    response_type: 'code',
    scope: 'openid email profile',
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

/** Checks the provider's answer and returns the municipality and the signed-in address. */
export async function finishOidc(c: Context<StaffEnv>, providerOf: (municipalityId: string) => Promise<OidcProvider | undefined>) {
  const raw = getCookie(c, COOKIE, 'host');
  deleteCookie(c, COOKIE, { prefix: 'host', path: '/', secure: true });
  let flow: v.InferOutput<typeof Flow>;
  try {
    flow = v.parse(Flow, JSON.parse(atob(raw ?? '')));
  } catch {
    refuse('oidcFailed');
  }
  const provider = await providerOf(flow.municipality);
  if (!provider) refuse('oidcFailed');
  const as = await authorizationServer(c, provider);
  const client: oauth.Client = { client_id: provider.clientId };
  try {
    const params = oauth.validateAuthResponse(as, client, new URL(c.req.url), flow.state);
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.ClientSecretPost(clientSecret(c, provider)), params, callbackUrl(c), flow.verifier, {
      [oauth.customFetch]: c.var.outbound,
    });
    const result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: flow.nonce, requireIdToken: true });
    const claims = oauth.getValidatedIdTokenClaims(result);
    const email = claims?.[provider.emailClaim];
    if (typeof email !== 'string' || !email.includes('@')) throw new Error('no e-mail claim');
    // An address the provider says it has not verified could be anyone's.
    if (claims?.email_verified === false) throw new Error('e-mail not verified');
    return { municipalityId: provider.municipalityId, email: email.trim().toLowerCase() };
  } catch (error) {
    if (error instanceof Refusal) throw error;
    refuse('oidcFailed');
  }
}
