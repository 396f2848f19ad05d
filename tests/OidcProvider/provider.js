// An OpenID Connect provider for the gateway's end-to-end tests: the certified oidc-provider, issuing JWT access
// tokens to clients by the client_credentials grant. Each client stands for a user of the identity provider; its
// tokens carry a "roles" claim and, deliberately, claims the platform must never honour from a token (a partner's
// scope, customer and rate limit, another tenant, another actor kind).
//
// A "portal" client signs people in by the authorization code flow: the provider's own development login page takes
// any login (a user of that name, above, or one with no role at all), then asks for consent; the access token is for
// the resource the portal names, with the user's claims. The portal runs on a port chosen when the platform starts,
// so its callback, and the address it is sent back to after signing out at the provider, is accepted on any localhost
// port (a test provider only: a real one registers the exact addresses).
//
// Environment: PORT (required), ISSUER (default http://127.0.0.1:PORT), AUDIENCE (default escalation-platform),
// CLIENT_SECRET (default test-secret). Prints "ready" once it listens.
import { generateKeyPairSync } from 'node:crypto';

import Provider, { errors } from 'oidc-provider';

const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('PORT is required');
  process.exit(2);
}

const issuer = process.env.ISSUER ?? `http://127.0.0.1:${port}`;
const audience = process.env.AUDIENCE ?? 'escalation-platform';
const clientSecret = process.env.CLIENT_SECRET ?? 'test-secret';

// The "scope" claim is the one the provider grants: a client asking for scope=operations config:write gets it.
const hostile = {
  customer: 'acme',
  rate_limit: '999999',
  tenant: 'someone-else',
  actor_kind: 'partner',
};

// client id -> the claims its tokens carry besides iss, sub (the client id), aud, exp and the like
const users = {
  agent: { name: 'Ada Agent', roles: ['support-agent'], ...hostile },
  admin: { name: 'Alan Admin', roles: ['support-admin'] },
  visitor: { name: 'Vic Visitor', roles: ['visitor', 'admin'], ...hostile },
};

// resource indicator -> how tokens for it are made
const resources = {
  'urn:escalation-platform:rs256': { audience, alg: 'RS256' },
  'urn:escalation-platform:es256': { audience, alg: 'ES256' },
  'urn:escalation-platform:ps256': { audience, alg: 'PS256' },
  'urn:escalation-platform:short-lived': { audience, alg: 'RS256', accessTokenTTL: 1 },
  'urn:another-api': { audience: 'another-api', alg: 'RS256' },
};

const privateJwk = (type, options, kid) => ({
  ...generateKeyPairSync(type, options).privateKey.export({ format: 'jwk' }),
  kid,
  use: 'sig',
});

const portalClient = {
  client_id: 'portal',
  client_secret: clientSecret,
  grant_types: ['authorization_code'],
  redirect_uris: ['http://localhost/signin-oidc'],
  post_logout_redirect_uris: ['http://localhost/signout-callback-oidc'],
  response_types: ['code'],
  token_endpoint_auth_method: 'client_secret_post',
};
const portalCallback = /^http:\/\/localhost:\d+\/signin-oidc$/;
const portalSignedOut = /^http:\/\/localhost:\d+\/signout-callback-oidc$/;

const provider = new Provider(issuer, {
  clients: [
    ...Object.keys(users).map((clientId) => ({
      client_id: clientId,
      client_secret: clientSecret,
      grant_types: ['client_credentials'],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_post',
    })),
    portalClient,
  ],
  findAccount: async (ctx, id) => ({
    accountId: id,
    claims: async () => ({ sub: id, name: users[id]?.name ?? id }),
  }),
  claims: { openid: ['sub'], profile: ['name'] },
  jwks: {
    keys: [
      privateJwk('rsa', { modulusLength: 2048 }, 'rsa-1'),
      privateJwk('ec', { namedCurve: 'P-256' }, 'ec-1'),
    ],
  },
  features: {
    devInteractions: { enabled: true },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async () => undefined,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, resourceIndicator) => {
        const resource = resources[resourceIndicator];
        if (!resource) {
          throw new errors.InvalidTarget();
        }
        return {
          scope: 'operations config:write',
          audience: resource.audience,
          accessTokenFormat: 'jwt',
          accessTokenTTL: resource.accessTokenTTL ?? 300,
          jwt: { sign: { alg: resource.alg } },
        };
      },
    },
  },
  extraTokenClaims: async (ctx, token) => users[token.accountId ?? token.clientId],
  cookies: { keys: ['test-only-cookie-key'] },
});

const redirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function allowed(uri) {
  return (this.clientId === 'portal' && portalCallback.test(uri)) || redirectUriAllowed.call(this, uri);
};

const postLogoutRedirectUriAllowed = provider.Client.prototype.postLogoutRedirectUriAllowed;
provider.Client.prototype.postLogoutRedirectUriAllowed = function allowed(uri) {
  return (this.clientId === 'portal' && portalSignedOut.test(uri)) || postLogoutRedirectUriAllowed.call(this, uri);
};

provider.on('server_error', (ctx, error) => console.error('server_error', error));

provider.listen(port, '127.0.0.1', () => {
  console.log(`issuer ${issuer}`);
  console.log('ready');
});

const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
