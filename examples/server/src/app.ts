/**
 * The HTTP service: Fastify routes over one engine and its store. Every
 * request but /health and /openapi.json needs a signed token; the actor comes
 * from it, never from the body. Refusals are problem objects:
 * `{ status, code, message, problems?, details? }`, with the engine's plain
 * message for engine refusals.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { formatEngineText, isEngineError, type Actor, type Engine, type FlowStore } from '@crm/flow-runtime';
import { actorFrom, AuthError, type AuthOptions } from './auth.js';
import { langOf, t, type Lang, type MessageKey } from './messages.js';
import { openApiDocument } from './openapi.js';

/** Options of {@link buildServer}. */
export interface ServerOptions {
  engine: Engine;
  store: FlowStore;
  auth: AuthOptions;
  /** Roles that may read the event feed and its cursors. Default `['admin', 'integration']`. */
  feedRoles?: readonly string[];
  /** Fastify's logger option. Default off. */
  logger?: boolean;
  /** Largest page a client may ask for. Default 200. */
  maxPage?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    lang: Lang;
  }
}

/** One thing wrong with a request, by JSON path. */
export interface Problem {
  path: string;
  message: string;
}

/** A refusal the service answers with. */
class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems?: Problem[],
  ) {
    super(message);
  }
}

/** HTTP status of each engine refusal; codes not listed (added later) are 422. */
const STATUS: Partial<Record<string, number>> = {
  NOT_PERMITTED: 403,
  FIELD_NOT_EDITABLE: 403,
  SAME_ACTOR: 403,
  UNKNOWN_FIELD: 422,
  INVALID_VALUE: 422,
  REQUIRED_MISSING: 422,
  INVALID_MIGRATION: 422,
  GATE_CLOSED: 409,
  TASK_NOT_OPEN: 409,
  VERSION_CONFLICT: 409,
  VERSION_EXISTS: 409,
  INSTANCE_ENDED: 409,
  UNKNOWN_INSTANCE: 404,
  UNKNOWN_FLOW: 404,
  INVALID_FLOW: 400,
  UNSAFE_FLOW: 422,
  INVALID_CURSOR: 400,
  STORE_FAILED: 503,
};

const json = z.record(z.string(), z.unknown());
const seq = z.number().int().min(0);
const schemas = {
  start: z.object({ data: json.optional(), version: z.number().int().min(1).optional() }).strict(),
  complete: z.object({ data: json.optional(), expectedSeq: seq.optional() }).strict(),
  update: z.object({ data: json, expectedSeq: seq.optional() }).strict(),
  cancel: z.object({ reason: z.string().min(1).max(2000) }).strict(),
  cursor: z.object({ position: z.string().min(1).max(200) }).strict(),
  page: (max: number) =>
    z.object({
      limit: z.coerce.number().int().min(1).max(max).optional(),
      cursor: z.string().min(1).max(2000).optional(),
    }),
};

/** Parses a request part with a zod schema; a mismatch is a 400 naming each problem. */
function parse<T>(schema: z.ZodType<T>, value: unknown, lang: Lang, where: 'body' | 'query'): T {
  const res = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (res.success) return res.data;
  const problems = res.error.issues.map((i) => ({ path: [where, ...i.path.map(String)].join('.'), message: i.message }));
  throw new HttpProblem(400, 'INVALID_REQUEST', t('body.invalid', lang), problems);
}

/** Builds the service (not listening yet). */
export function buildServer(options: ServerOptions): FastifyInstance {
  const { engine, store, auth } = options;
  const feedRoles = options.feedRoles ?? ['admin', 'integration'];
  const maxPage = options.maxPage ?? 200;
  const pageQuery = schemas.page(maxPage);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 1_048_576 });

  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('lang', 'en');

  app.addHook('onRequest', async (req) => {
    req.lang = langOf(req.headers['accept-language']);
    const path = req.url.split('?')[0];
    if (path === '/health' || path === '/openapi.json') return;
    req.actor = await actorFrom(req.headers.authorization, auth);
  });

  const hasRole = (actor: Actor, roles: readonly string[]) => actor.roles.some((r) => roles.includes(r));
  const requireRole = (req: FastifyRequest, roles: readonly string[], key: MessageKey) => {
    if (!hasRole(req.actor, roles)) throw new HttpProblem(403, 'NOT_PERMITTED', t(key, req.lang));
  };
  const page = <T>(items: T[] & { next?: string }) => ({ items: [...items], next: items.next ?? null });

  app.setNotFoundHandler((req, reply) => sendProblem(reply, new HttpProblem(404, 'NOT_FOUND', t('not.found', req.lang))));

  app.setErrorHandler((error: FastifyError | Error, req, reply) => {
    const lang = req.lang ?? 'en';
    if (error instanceof HttpProblem) return sendProblem(reply, error);
    if (error instanceof AuthError) {
      void reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, new HttpProblem(401, 'UNAUTHENTICATED', t(error.reason, lang)));
    }
    if (isEngineError(error)) {
      const status = STATUS[error.code] ?? 422;
      const problems = error.details.problems?.map((p) => ({ path: (p as { path?: string }).path ?? '', message: p.message }));
      // The engine's refusal in the request's language, rendered from its code and details (they carry the text too).
      const said = formatEngineText(error.code, error.details, { locale: lang });
      const message = status === 503 ? `${t('store.down', lang)} (${said})` : said;
      return reply
        .code(status)
        .type('application/problem+json')
        .send({ status, code: error.code, message, ...(problems ? { problems } : {}), details: error.details });
    }
    const code = (error as FastifyError).code ?? '';
    if (code.startsWith('FST_ERR_CTP_')) {
      // Malformed JSON, an empty JSON body, a body too large or of a type the service does not take.
      const status = (error as FastifyError).statusCode ?? 400;
      return sendProblem(reply, new HttpProblem(status, 'INVALID_JSON', t('body.json', lang), [{ path: 'body', message: error.message }]));
    }
    if ((error as { code?: string }).code === 'STORE_UNAVAILABLE') return sendProblem(reply, new HttpProblem(503, 'STORE_UNAVAILABLE', `${t('store.down', lang)} (${error.message})`));
    req.log.error(error);
    return sendProblem(reply, new HttpProblem(500, 'INTERNAL', t('server.error', lang)));
  });

  app.get('/health', async () => ({ ok: true }));
  app.get('/openapi.json', async () => openApiDocument(maxPage));

  app.get('/flows', async () => ({ items: await engine.definitions() }));

  app.post('/flows', async (req, reply) => {
    // The engine decides who may deploy (its admin roles) and says so in its own words.
    if (req.body === undefined || req.body === null || typeof req.body !== 'object') throw new HttpProblem(400, 'INVALID_REQUEST', t('body.invalid', req.lang), [{ path: 'body', message: 'Expected a flow definition (a JSON object).' }]);
    const res = await engine.deploy(req.body, { actor: req.actor });
    return reply.code(res.created ? 201 : 200).send(res);
  });

  app.post<{ Params: { flowId: string } }>('/flows/:flowId/instances', async (req, reply) => {
    const body = parse(schemas.start, req.body ?? {}, req.lang, 'body');
    const res = await engine.start(req.params.flowId, { actor: req.actor, ...(body.data ? { data: body.data } : {}), ...(body.version ? { version: body.version } : {}) });
    return reply.code(201).send(res);
  });

  app.get('/instances', async (req) => {
    const q = parse(
      pageQuery.extend({ flowId: z.string().min(1).optional(), status: z.enum(['active', 'incident', 'completed', 'cancelled']).optional(), parentId: z.string().min(1).optional() }),
      req.query,
      req.lang,
      'query',
    );
    return page(await engine.instances({ ...q, limit: q.limit ?? 50 }));
  });

  app.get<{ Params: { instanceId: string } }>('/instances/:instanceId', async (req) => engine.instance(req.params.instanceId));

  app.get<{ Params: { instanceId: string } }>('/instances/:instanceId/tasks', async (req) => ({ items: await engine.tasks(req.params.instanceId, { actor: req.actor }) }));

  app.get<{ Params: { instanceId: string } }>('/instances/:instanceId/history', async (req) => ({ items: await engine.history(req.params.instanceId, { locale: req.lang, timeZone: 'UTC' }) }));

  app.get('/tasks', async (req) => {
    const q = parse(pageQuery, req.query, req.lang, 'query');
    return page(await engine.tasks({ actor: req.actor, limit: q.limit ?? 50, ...(q.cursor ? { cursor: q.cursor } : {}) }));
  });

  app.post<{ Params: { instanceId: string; taskId: string } }>('/instances/:instanceId/tasks/:taskId/complete', async (req) => {
    const body = parse(schemas.complete, req.body ?? {}, req.lang, 'body');
    return engine.complete(req.params.instanceId, req.params.taskId, { actor: req.actor, ...(body.data ? { data: body.data } : {}), ...(body.expectedSeq !== undefined ? { expectedSeq: body.expectedSeq } : {}) });
  });

  app.post<{ Params: { instanceId: string } }>('/instances/:instanceId/data', async (req) => {
    const body = parse(schemas.update, req.body, req.lang, 'body');
    return engine.updateData(req.params.instanceId, { actor: req.actor, data: body.data, ...(body.expectedSeq !== undefined ? { expectedSeq: body.expectedSeq } : {}) });
  });

  app.post<{ Params: { instanceId: string } }>('/instances/:instanceId/cancel', async (req) => {
    const body = parse(schemas.cancel, req.body, req.lang, 'body');
    return engine.cancel(req.params.instanceId, { actor: req.actor, reason: body.reason });
  });

  app.get('/feed', async (req) => {
    requireRole(req, feedRoles, 'feed.forbidden');
    const q = parse(z.object({ after: z.string().min(1).max(200).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() }), req.query, req.lang, 'query');
    try {
      return await store.feed({ limit: q.limit ?? 100, ...(q.after ? { after: q.after } : {}) });
    } catch (e) {
      if (e instanceof Error && e.name === 'FeedPositionError') throw new HttpProblem(400, 'INVALID_CURSOR', e.message, [{ path: 'query.after', message: e.message }]);
      throw e;
    }
  });

  /** The subscriber named in the path: text every store keeps (a %00 in the URL gave PostgreSQL's own error, a 500). */
  const subscriberOf = (req: { params: { subscriber: string }; lang: Lang }): string => {
    const s = req.params.subscriber;
    if (!s || s.length > 200 || s.includes('\u0000')) throw new HttpProblem(400, 'INVALID_REQUEST', t('body.invalid', req.lang), [{ path: 'params.subscriber', message: t('feed.subscriber', req.lang) }]);
    return s;
  };

  app.get<{ Params: { subscriber: string } }>('/feed/cursors/:subscriber', async (req) => {
    requireRole(req, feedRoles, 'feed.forbidden');
    const subscriber = subscriberOf(req);
    return { subscriber, position: (await store.feedCursor({ subscriber })) ?? null };
  });

  app.put<{ Params: { subscriber: string } }>('/feed/cursors/:subscriber', async (req, reply) => {
    requireRole(req, feedRoles, 'feed.forbidden');
    const subscriber = subscriberOf(req);
    const body = parse(schemas.cursor, req.body, req.lang, 'body');
    try {
      await store.saveFeedCursor({ subscriber, position: body.position });
    } catch (e) {
      if (e instanceof Error && e.name === 'FeedPositionError') throw new HttpProblem(400, 'INVALID_CURSOR', e.message, [{ path: 'body.position', message: e.message }]);
      throw e;
    }
    return reply.code(204).send();
  });

  return app;
}

function sendProblem(reply: FastifyReply, p: HttpProblem): FastifyReply {
  return reply
    .code(p.status)
    .type('application/problem+json')
    .send({ status: p.status, code: p.code, message: p.message, ...(p.problems ? { problems: p.problems } : {}) });
}
