/**
 * `pnpm --dir examples/server start`: the reference service.
 *
 * Environment:
 *   DATABASE_URL       PostgreSQL (postgres://user:password@host:5432/db); without it, PGlite
 *   PGLITE_DIR         PGlite data directory (default examples/server/.data/pglite; 'memory' for none)
 *   JWT_SECRET         HS256 secret, at least 32 characters (required when NODE_ENV=production;
 *                      otherwise a random one is made and development tokens are printed)
 *   JWT_JWKS_URL       an identity provider's JWKS (RS256/ES256 tokens) instead of JWT_SECRET
 *   JWT_ISSUER, JWT_AUDIENCE   checked when set
 *   PORT, HOST         default 3000, 127.0.0.1
 *   TICK_INTERVAL_MS   how often to fire due timers and SLAs (default 5000; 0 for never)
 *   POOL_SIZE          PostgreSQL connections (default 10)
 */
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet } from 'jose';
import { fileURLToPath } from 'node:url';
import { signToken, type AuthOptions } from './auth.js';
import { startService } from './service.js';

const env = process.env;
const production = env.NODE_ENV === 'production';
if (env.JWT_SECRET && env.JWT_SECRET.length < 32) {
  console.error('JWT_SECRET must be at least 32 characters.');
  process.exit(1);
}
if (!env.JWT_SECRET && !env.JWT_JWKS_URL && production) {
  console.error('JWT_SECRET (an HS256 secret of at least 32 characters) or JWT_JWKS_URL is required when NODE_ENV=production.');
  process.exit(1);
}
const auth: AuthOptions = {
  secret: new TextEncoder().encode(env.JWT_SECRET ?? randomBytes(32).toString('hex')),
  ...(env.JWT_JWKS_URL ? { keys: createRemoteJWKSet(new URL(env.JWT_JWKS_URL)) } : {}),
  ...(env.JWT_ISSUER ? { issuer: env.JWT_ISSUER } : {}),
  ...(env.JWT_AUDIENCE ? { audience: env.JWT_AUDIENCE } : {}),
};

let service;
try {
  service = await startService({
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    pgliteDir: env.PGLITE_DIR ?? fileURLToPath(new URL('../.data/pglite', import.meta.url)),
    auth,
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    tickIntervalMs: Number(env.TICK_INTERVAL_MS ?? 5000),
    ...(env.POOL_SIZE ? { poolSize: Number(env.POOL_SIZE) } : {}),
    logger: env.LOG !== '0',
  });
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}

console.log(`CRM Flow service on ${service.url} (${service.store.db.label}); OpenAPI at ${service.url}/openapi.json`);
if (!env.JWT_SECRET && !env.JWT_JWKS_URL) {
  console.log('Development tokens (a random secret this run; set JWT_SECRET to sign your own):');
  for (const actor of [
    { id: 'sam', name: 'Sam', roles: ['sales-rep'] },
    { id: 'fay', name: 'Fay', roles: ['finance'] },
    { id: 'mia', name: 'Mia', roles: ['sales-manager'] },
    { id: 'ada', name: 'Ada', roles: ['admin', 'integration'] },
  ]) {
    console.log(`  ${actor.roles.join(',').padEnd(20)} ${await signToken(actor, auth)}`);
  }
}

let signals = 0;
const shutdown = (signal: string) => {
  if (++signals > 1) process.exit(1);
  console.log(`${signal}: finishing requests in flight, then closing the database…`);
  service.stop().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
