// A real OpenID Connect provider (the npm package oidc-provider, pinned in devnet/package-lock.json) on
// loopback, standing in for the city's unified identity platform in tests: discovery, a JWKS, and the
// client-credentials grant issuing JWT access tokens (RFC 9068) for a resource (RFC 8707).
//
// Usage: node devnet/oidc/provider.mjs CONFIG.json
// CONFIG: { "port": 5399, "keys": [JWK with private parts, ...the first signs...],
//           "clients": [{ "client_id", "client_secret", "resource", "alg": "ES256"|"RS256",
//                         "claims": { "credit_code": "...", "holder_code": "...", "roles": [...] } }] }
// Rotating the signing key: write a CONFIG whose keys start with the new key and restart.
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const byId = new Map(config.clients.map((c) => [c.client_id, c]));

const provider = new Provider(issuer, {
  clients: config.clients.map((c) => ({
    client_id: c.client_id,
    client_secret: c.client_secret,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  jwks: { keys: config.keys },
  scopes: ['api'],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: async (ctx, client) => byId.get(client.clientId)?.resource,
      useGrantedResource: async () => true,
      getResourceServerInfo: async (ctx, resource, client) => {
        const known = byId.get(client.clientId);
        if (!known || known.resource !== resource) {
          throw new Provider.errors.InvalidTarget();
        }

        return {
          scope: 'api',
          audience: resource,
          accessTokenTTL: known.ttl ?? 300,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: known.alg ?? 'ES256' } },
        };
      },
    },
  },
  extraTokenClaims: async (ctx, token) => byId.get(token.clientId)?.claims,
});
provider.proxy = false;
provider.listen(config.port, '127.0.0.1', () => console.log(`oidc provider listening on ${issuer}`));
