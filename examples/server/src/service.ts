/**
 * The running service: the store (PostgreSQL when a URL is given, else
 * PGlite), the engine, the sample flows deployed, the HTTP server listening,
 * a tick loop firing timers and SLAs (exactly once across every process on
 * one PostgreSQL), and a graceful stop.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createEngine, isEngineError, parseCatalogOrThrow, type Catalog, type Engine } from '@crm/flow-runtime';
import { createPostgresStore, type SqlFlowStore } from '@crm/flow-store-postgres';
import { createPgliteStore } from '@crm/flow-store-postgres/pglite';
import { buildServer } from './app.js';
import type { AuthOptions } from './auth.js';

/** What the service needs to start. */
export interface ServiceConfig {
  /** PostgreSQL URL; PGlite when absent. */
  databaseUrl?: string;
  /** PGlite data directory, or 'memory'. Used without `databaseUrl`. */
  pgliteDir?: string;
  auth: AuthOptions;
  port?: number;
  host?: string;
  /** Deploy the sample flows of examples/flows at start. */
  seedFlows?: boolean;
  /** How often to fire due timers and SLAs; 0 for never. */
  tickIntervalMs?: number;
  /** Connections in the PostgreSQL pool. */
  poolSize?: number;
  logger?: boolean;
}

/** A started service. */
export interface Service {
  app: FastifyInstance;
  engine: Engine;
  store: SqlFlowStore;
  /** Where it listens. */
  url: string;
  /** Stops taking requests, lets those in flight finish, stops ticking, closes the database. */
  stop(): Promise<void>;
}

const FLOWS_DIR = fileURLToPath(new URL('../../flows/', import.meta.url));

/** The sample catalog and flows (sub-flows first, so flows that call them deploy). */
export function sampleFlows(): { catalog: Catalog; flows: unknown[] } {
  const read = (f: string): unknown => JSON.parse(readFileSync(FLOWS_DIR + f, 'utf8'));
  const files = readdirSync(FLOWS_DIR).filter((f) => f.endsWith('.json') && f !== 'catalog.json');
  const flows = files.map(read);
  return { catalog: parseCatalogOrThrow(read('catalog.json')), flows };
}

/** The service deploys the sample flows at start-up as its own administrator. */
const SEEDER = { id: 'service-seed', name: 'Service start-up', roles: ['admin'] };

async function deployAll(engine: Engine, flows: unknown[]): Promise<void> {
  // A flow that starts another deploys once that one is there: retry the refused ones until none moves.
  let pending = flows;
  while (pending.length) {
    const refused: unknown[] = [];
    for (const f of pending) {
      try {
        await engine.deploy(f, { actor: SEEDER });
      } catch (e) {
        if (isEngineError(e, 'INVALID_FLOW') || isEngineError(e, 'UNKNOWN_FLOW') || isEngineError(e, 'UNSAFE_FLOW')) refused.push(f);
        else throw e;
      }
    }
    if (refused.length === pending.length) {
      await engine.deploy(refused[0], { actor: SEEDER });
      return;
    }
    pending = refused;
  }
}

/** Opens the store, builds the engine and server, and listens. */
export async function startService(config: ServiceConfig): Promise<Service> {
  const store = config.databaseUrl
    ? await createPostgresStore({ connectionString: config.databaseUrl, ...(config.poolSize ? { poolSize: config.poolSize } : {}) })
    : await createPgliteStore(config.pgliteDir && config.pgliteDir !== 'memory' ? { dataDir: config.pgliteDir } : {});
  const { catalog, flows } = sampleFlows();
  const engine = createEngine({ store, catalog });
  if (config.seedFlows !== false) await deployAll(engine, flows);
  const app = buildServer({ engine, store, auth: config.auth, ...(config.logger !== undefined ? { logger: config.logger } : {}) });

  let ticking: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  if (config.tickIntervalMs) {
    timer = setInterval(() => {
      ticking = ticking.then(() => engine.tick()).catch((e: unknown) => app.log.error(e));
    }, config.tickIntervalMs);
    timer.unref();
  }

  const address = await app.listen({ port: config.port ?? 3000, host: config.host ?? '127.0.0.1' });
  let stopping: Promise<void> | undefined;
  return {
    app,
    engine,
    store,
    url: address,
    stop() {
      stopping ??= (async () => {
        if (timer) clearInterval(timer);
        await app.close();
        await ticking;
        await store.close();
      })();
      return stopping;
    },
  };
}
