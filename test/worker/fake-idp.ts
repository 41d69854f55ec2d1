/**
 * A small OpenID Connect provider for tests: discovery, JWKS and a token endpoint that checks
 * the client secret, the redirect URI and the PKCE verifier, and signs ID tokens with RS256.
 */
const b64url = (bytes: Uint8Array | string) =>
  btoa(typeof bytes === 'string' ? bytes : String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export interface FakeIdp {
  fetch: typeof fetch;
  /** The person signs in at the provider: returns the code the provider sends back. */
  login(authorize: URL, email: string, options?: { nonce?: string; emailVerified?: boolean }): string;
  down: boolean;
}

export async function fakeIdp(issuer: string, clientId: string, secret: string): Promise<FakeIdp> {
  const keys = (await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const jwk = { ...((await crypto.subtle.exportKey('jwk', keys.publicKey)) as JsonWebKey), kid: 'test-key', use: 'sig', alg: 'RS256' };
  const codes = new Map<string, { email: string; nonce: string; challenge: string; redirectUri: string; emailVerified?: boolean }>();

  async function idToken(claims: Record<string, unknown>) {
    const input = `${b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'test-key' }))}.${b64url(JSON.stringify(claims))}`;
    const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', keys.privateKey, new TextEncoder().encode(input)));
    return `${input}.${b64url(signature)}`;
  }

  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const idp: FakeIdp = {
    down: false,
    login(authorize, email, options = {}) {
      const code = crypto.randomUUID();
      codes.set(code, {
        email,
        nonce: options.nonce ?? authorize.searchParams.get('nonce') ?? '',
        challenge: authorize.searchParams.get('code_challenge') ?? '',
        redirectUri: authorize.searchParams.get('redirect_uri') ?? '',
        emailVerified: options.emailVerified,
      });
      return code;
    },
    fetch: async (input, init) => {
      if (idp.down) throw new TypeError('network connection lost');
      const request = new Request(input, init);
      const url = new URL(request.url);
      if (url.pathname === '/.well-known/openid-configuration') {
        return json({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          jwks_uri: `${issuer}/jwks`,
          response_types_supported: ['code'],
          subject_types_supported: ['public'],
          id_token_signing_alg_values_supported: ['RS256'],
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (url.pathname === '/jwks') return json({ keys: [jwk] });
      if (url.pathname === '/token' && request.method === 'POST') {
        const form = new URLSearchParams(await request.text());
        const grant = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const challenge = b64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
        if (!grant || form.get('client_id') !== clientId || form.get('client_secret') !== secret || challenge !== grant.challenge || form.get('redirect_uri') !== grant.redirectUri) {
          return json({ error: 'invalid_grant' }, 400);
        }
        const now = Math.floor(Date.now() / 1000);
        return json({
          access_token: crypto.randomUUID(),
          token_type: 'Bearer',
          expires_in: 300,
          id_token: await idToken({
            iss: issuer,
            aud: clientId,
            sub: `sub-${grant.email}`,
            email: grant.email,
            ...(grant.emailVerified === undefined ? {} : { email_verified: grant.emailVerified }),
            nonce: grant.nonce,
            iat: now,
            exp: now + 300,
          }),
        });
      }
      return new Response('not found', { status: 404 });
    },
  };
  return idp;
}
