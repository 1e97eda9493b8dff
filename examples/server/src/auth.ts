/**
 * Who acts: the actor comes from a signed JWT verified with `jose` — HS256
 * with a shared secret, or an identity provider's public keys (a JWKS, RS256
 * or ES256) — never from the request body. Claims: `sub` (the actor id),
 * `roles` (a list of role names), `name` (optional).
 */
import { jwtVerify, SignJWT, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import type { Actor } from '@crm/flow-runtime';

/** Why a request has no actor. */
export class AuthError extends Error {
  constructor(readonly reason: 'auth.missing' | 'auth.invalid' | 'auth.claims') {
    super(reason);
  }
}

/** Options of token verification. */
export interface AuthOptions {
  /** The HS256 secret (at least 32 bytes); also signs development tokens. */
  secret: Uint8Array;
  /** An identity provider's keys (`createRemoteJWKSet(url)`): when given, tokens are verified with them (RS256, ES256) instead of the secret. */
  keys?: JWTVerifyGetKey;
  issuer?: string;
  audience?: string;
}

/** The actor of a request, from its `Authorization: Bearer …` header. */
export async function actorFrom(header: string | undefined, options: AuthOptions): Promise<Actor> {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!m) throw new AuthError('auth.missing');
  let payload;
  try {
    const checks = { ...(options.issuer ? { issuer: options.issuer } : {}), ...(options.audience ? { audience: options.audience } : {}) };
    ({ payload } = options.keys
      ? await jwtVerify(m[1]!, options.keys, { algorithms: ['RS256', 'ES256', 'EdDSA'], ...checks })
      : await jwtVerify(m[1]!, options.secret, { algorithms: ['HS256'], ...checks }));
  } catch (e) {
    if (e instanceof joseErrors.JOSEError) throw new AuthError('auth.invalid');
    throw e;
  }
  const roles = payload.roles;
  if (typeof payload.sub !== 'string' || !payload.sub || !Array.isArray(roles) || !roles.every((r) => typeof r === 'string')) throw new AuthError('auth.claims');
  // Never a system actor from a token: system writes skip window access checks.
  return { id: payload.sub, roles: roles as string[], ...(typeof payload.name === 'string' ? { name: payload.name } : {}) };
}

/** Signs a token for an actor (for tests and the development tokens the service prints). */
export async function signToken(actor: { id: string; roles: string[]; name?: string }, options: AuthOptions & { expiresIn?: string }): Promise<string> {
  let jwt = new SignJWT({ roles: actor.roles, ...(actor.name ? { name: actor.name } : {}) })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '8h');
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(options.secret);
}
