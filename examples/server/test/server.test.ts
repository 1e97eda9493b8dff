// The reference service over HTTP: every status it promises, the actor from the token only, paged
// work lists, the feed, a concurrent-complete race through real HTTP (on PGlite, and on PostgreSQL
// when one is available), a clear error when the database is unreachable, and a graceful stop.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { signToken, type AuthOptions } from '../src/auth.js';
import { startService, type Service } from '../src/service.js';

const auth: AuthOptions = { secret: new TextEncoder().encode(randomBytes(32).toString('hex')) };
const other: AuthOptions = { secret: new TextEncoder().encode(randomBytes(32).toString('hex')) };

const flow = {
  id: 'review',
  version: 1,
  name: { en: 'Review', zh: '审核' },
  data: { note: { type: 'string' }, amount: { type: 'number' } },
  nodes: [
    { id: 'start', kind: 'start', name: { en: 'Start' } },
    { id: 'check', kind: 'task', name: { en: 'Check the request' }, roles: ['service'], fields: ['note', 'amount'] },
    { id: 'end', kind: 'end', name: { en: 'End' } },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'check' },
    { id: 'e2', source: 'check', target: 'end' },
  ],
};

const token = (id: string, roles: string[], opts: AuthOptions & { expiresIn?: string } = auth) => signToken({ id, roles, name: id }, opts);

interface Res {
  status: number;
  body: Record<string, unknown> & { items?: Record<string, unknown>[]; next?: string | null; code?: string; message?: string; problems?: { path: string; message: string }[] };
  headers: Headers;
}

/** A client of a listening service. */
function client(base: string) {
  return async (method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; lang?: string } = {}): Promise<Res> => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.lang) headers['accept-language'] = opts.lang;
    let body: string | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Res['body']) : {}, headers: res.headers };
  };
}

/** Starts a service, deploys the test flow as an administrator. */
async function serve(databaseUrl?: string) {
  const service = await startService({ ...(databaseUrl ? { databaseUrl } : { pgliteDir: 'memory' }), auth, port: 0, tickIntervalMs: 0, seedFlows: false, logger: false });
  const call = client(service.url);
  const admin = await token('ada', ['admin']);
  const deployed = await call('POST', '/flows', { token: admin, body: flow });
  expect(deployed.status).toBe(201);
  return { service, call, admin };
}

describe('the reference service on PGlite', () => {
  let service: Service;
  let call: ReturnType<typeof client>;
  let admin: string;
  let clerk: string;
  let clerk2: string;
  let manager: string;
  const start = async (data: Record<string, unknown> = {}) => {
    const res = await call('POST', '/flows/review/instances', { token: clerk, body: { data } });
    expect(res.status).toBe(201);
    const instance = res.body.instance as { instanceId: string; seq: number; tasks: Record<string, { taskId: string }> };
    return { id: instance.instanceId, seq: instance.seq, taskId: Object.values(instance.tasks)[0]!.taskId };
  };

  beforeAll(async () => {
    ({ service, call, admin } = await serve());
    clerk = await token('cleo', ['service']);
    clerk2 = await token('carl', ['service']);
    manager = await token('mia', ['sales-manager']);
  });
  afterAll(() => service?.stop());

  it('answers health and describes itself in OpenAPI without a token, covering every route', async () => {
    expect((await call('GET', '/health')).status).toBe(200);
    const doc = await call('GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    const routes = [
      ['get', '/flows'], ['post', '/flows'], ['post', '/flows/{flowId}/instances'], ['get', '/instances'], ['get', '/instances/{instanceId}'],
      ['get', '/instances/{instanceId}/tasks'], ['get', '/instances/{instanceId}/history'], ['get', '/tasks'], ['post', '/instances/{instanceId}/tasks/{taskId}/complete'],
      ['post', '/instances/{instanceId}/data'], ['post', '/instances/{instanceId}/cancel'], ['get', '/feed'], ['get', '/feed/cursors/{subscriber}'], ['put', '/feed/cursors/{subscriber}'],
    ];
    for (const [method, path] of routes) expect(paths[path!]?.[method!], `${method} ${path}`).toBeDefined();
  });

  it('401 without a token, with a bad signature, an expired token, or no roles claim; in the reader\'s language', async () => {
    const none = await call('GET', '/tasks');
    expect(none).toMatchObject({ status: 401, body: { code: 'UNAUTHENTICATED' } });
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await call('GET', '/tasks', { token: await token('x', ['service'], other) })).status).toBe(401);
    expect((await call('GET', '/tasks', { token: await token('x', ['service'], { ...auth, expiresIn: '-1m' }) })).status).toBe(401);
    expect((await call('GET', '/tasks', { token: 'not.a.jwt' })).status).toBe(401);
    const { SignJWT } = await import('jose');
    const noRoles = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('x').sign(auth.secret);
    expect((await call('GET', '/tasks', { token: noRoles })).body.message).toMatch(/roles/);
    expect((await call('GET', '/tasks', { lang: 'zh-CN,zh;q=0.9' })).body.message).toBe('请先登录：在 Authorization 头中发送 Bearer 令牌。');
  });

  it('deploys only for administrators; a bad definition is a 400 with problems; redeploying is a 200', async () => {
    const refused = await call('POST', '/flows', { token: clerk, body: { ...flow, version: 2 } });
    expect(refused).toMatchObject({ status: 403, body: { code: 'NOT_PERMITTED' } });
    const direct = await service.engine.deploy({ ...flow, version: 2 }, { actor: { id: 'cleo', name: 'cleo', roles: ['service'] } }).catch((e: Error) => e.message);
    expect(refused.body.message).toBe(direct);
    expect((await call('POST', '/flows', { token: admin, body: flow })).status).toBe(200);
    const bad = await call('POST', '/flows', { token: admin, body: { id: 'broken', version: 1, nodes: 'no' } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_FLOW');
    expect(bad.body.problems!.length).toBeGreaterThan(0);
    expect((await call('GET', '/flows', { token: clerk })).body.items).toEqual([expect.objectContaining({ flowId: 'review', version: 1 })]);
  });

  it('400 with problems for malformed JSON and for a body of the wrong shape; the actor never comes from the body', async () => {
    const malformed = await call('POST', '/flows/review/instances', { token: clerk, raw: '{"data": {' });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'INVALID_JSON' } });
    expect(malformed.body.problems![0]!.path).toBe('body');
    const shape = await call('POST', '/flows/review/instances', { token: clerk, body: { data: 5, actor: { id: 'boss', roles: ['admin'] } } });
    expect(shape.status).toBe(400);
    expect(shape.body.problems!.map((p) => p.path).sort()).toEqual(['body', 'body.data']);
    expect((await call('POST', '/flows/nope/instances', { token: clerk, body: {} })).status).toBe(404);
  });

  it('pages the actor\'s work list with limit and cursor', async () => {
    const started = [];
    for (let i = 0; i < 5; i++) started.push((await start({ amount: i })).id);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const res = await call('GET', `/tasks?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: clerk2 });
      expect(res.status).toBe(200);
      expect(res.body.items!.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items!.map((t) => t.instanceId as string));
      cursor = res.body.next;
    } while (cursor);
    for (const id of started) expect(seen).toContain(id);
    expect((await call('GET', '/tasks?limit=2', { token: manager })).body.items).toEqual([]);
    expect((await call('GET', '/tasks?limit=0', { token: clerk })).status).toBe(400);
    expect((await call('GET', '/tasks?cursor=junk', { token: clerk })).body.code).toBe('INVALID_CURSOR');
    const instances = await call('GET', '/instances?flowId=review&status=active&limit=3', { token: clerk });
    expect(instances.body.items).toHaveLength(3);
    expect(instances.body.next).toEqual(expect.any(String));
  });

  it('403 with the engine\'s plain message for the wrong role; 409 when someone acted first; 422 for data the flow does not have', async () => {
    const { id, seq, taskId } = await start();
    const wrong = await call('POST', `/instances/${id}/tasks/${taskId}/complete`, { token: manager, body: {} });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('NOT_PERMITTED');
    expect(wrong.body.message).toMatch(/service/);
    const direct = await service.engine.complete(id, taskId, { actor: { id: 'mia', name: 'mia', roles: ['sales-manager'] } }).catch((e: Error) => e.message);
    expect(wrong.body.message).toBe(direct);
    // The same refusal in Chinese for a reader who asks for it; the details carry the text for any other language.
    const zh = await call('POST', `/instances/${id}/tasks/${taskId}/complete`, { token: manager, body: {}, lang: 'zh-CN,zh;q=0.9' });
    expect(zh.body.message).toBe('只有客服可以处理“Check the request”（你的角色是销售经理）。');
    expect((zh.body.details as { text?: { key: string } }).text?.key).toBe('NOT_PERMITTED.task');
    const unknownField = await call('POST', `/instances/${id}/data`, { token: clerk, body: { data: { colour: 'red' } } });
    expect(unknownField).toMatchObject({ status: 422, body: { code: 'UNKNOWN_FIELD' } });
    const saved = await call('POST', `/instances/${id}/data`, { token: clerk, body: { data: { note: 'draft' } } });
    expect(saved.status).toBe(200);
    const stale = await call('POST', `/instances/${id}/tasks/${taskId}/complete`, { token: clerk, body: { expectedSeq: seq } });
    expect(stale).toMatchObject({ status: 409, body: { code: 'VERSION_CONFLICT' } });
    const done = await call('POST', `/instances/${id}/tasks/${taskId}/complete`, { token: clerk, body: { data: { amount: 3 } } });
    expect(done.status).toBe(200);
    expect((done.body.instance as { status: string }).status).toBe('completed');
    expect((await call('POST', `/instances/${id}/tasks/${taskId}/complete`, { token: clerk2, body: {} })).status).toBe(409);
    const history = await call('GET', `/instances/${id}/history`, { token: clerk });
    expect(history.body.items!.map((h) => h.type)).toContain('task.completed');
    const historyZh = await call('GET', `/instances/${id}/history`, { token: clerk, lang: 'zh' });
    expect(historyZh.body.items!.map((h) => h.summary)).toContain('cleo（客服）完成了“Check the request”。');
    expect((await call('GET', '/instances/missing', { token: clerk })).status).toBe(404);
    expect((await call('GET', '/nowhere', { token: clerk })).status).toBe(404);
  });

  it('cancels for the roles the engine allows, and a cancelled case refuses work with 409', async () => {
    const { id, taskId } = await start();
    // Not the starter, not an administrator: the engine's refusal.
    const refused = await call('POST', `/instances/${id}/cancel`, { token: clerk2, body: { reason: 'duplicate' } });
    expect(refused).toMatchObject({ status: 403, body: { code: 'NOT_PERMITTED' } });
    const direct = await service.engine.cancel(id, { actor: { id: 'carl', name: 'carl', roles: ['service'] }, reason: 'duplicate' }).catch((e: Error) => e.message);
    expect(refused.body.message).toBe(direct);
    expect((await call('POST', `/instances/${id}/cancel`, { token: admin, body: {} })).status).toBe(400);
    expect((await call('POST', `/instances/${id}/cancel`, { token: admin, body: { reason: 'duplicate' } })).status).toBe(200);
    expect((await call('POST', `/instances/${id}/tasks/${taskId}/complete`, { token: clerk, body: {} })).status).toBe(409);
  });

  it('serves the event feed to integrations, with durable cursors', async () => {
    expect((await call('GET', '/feed', { token: clerk })).status).toBe(403);
    const integration = await token('etl', ['integration']);
    const first = await call('GET', '/feed?limit=3', { token: integration });
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(3);
    const next = first.body.next as string;
    expect((await call('PUT', '/feed/cursors/etl', { token: integration, body: { position: next } })).status).toBe(204);
    expect((await call('GET', '/feed/cursors/etl', { token: integration })).body.position).toBe(next);
    const rest = await call('GET', `/feed?after=${encodeURIComponent(next)}&limit=1000`, { token: integration });
    expect((rest.body.events as unknown[]).length).toBeGreaterThan(0);
    expect((await call('GET', '/feed?after=nonsense', { token: integration })).status).toBe(400);
    expect((await call('PUT', '/feed/cursors/etl', { token: integration, body: { position: 'nonsense' } })).status).toBe(400);
    // A NUL in the subscriber's name (%00) is the caller's mistake on every store, never a database error.
    for (const [method, body] of [['GET', undefined], ['PUT', { position: next }]] as const) {
      const bad = await call(method, '/feed/cursors/etl%00', { token: integration, ...(body ? { body } : {}) });
      expect(bad.status).toBe(400);
      expect(bad.body.problems).toEqual([{ path: 'params.subscriber', message: 'A subscriber name is 1 to 200 characters of text without a NUL character.' }]);
    }
  });
});

async function race(call: ReturnType<typeof client>) {
  const starter = await token('cleo', ['service']);
  const res = await call('POST', '/flows/review/instances', { token: starter, body: {} });
  const instance = res.body.instance as { instanceId: string; tasks: Record<string, { taskId: string }> };
  const taskId = Object.values(instance.tasks)[0]!.taskId;
  const tokens = await Promise.all(Array.from({ length: 10 }, (_, i) => token(`clerk-${i}`, ['service'])));
  const results = await Promise.all(tokens.map((t, i) => call('POST', `/instances/${instance.instanceId}/tasks/${taskId}/complete`, { token: t, body: { data: { note: `by ${i}` } } })));
  const statuses = results.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(9);
  const history = await call('GET', `/instances/${instance.instanceId}/history`, { token: starter });
  expect(history.body.items!.filter((h) => h.type === 'task.completed')).toHaveLength(1);
}

describe('a concurrent-complete race through HTTP', () => {
  it('on PGlite: one of ten clerks completes the task, nine get 409', async () => {
    const { service, call } = await serve();
    try {
      await race(call);
    } finally {
      await service.stop();
    }
  });

  const server = inject('pgUrl');
  it.skipIf(!server)('on PostgreSQL, two service processes\' worth of engines on one database: one 200, nine 409', async () => {
    const url = new URL(server);
    const name = `server_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url.pathname = `/${name}`;
    const a = await serve(url.toString());
    // A second service on the same database: requests alternate between the two.
    const b = await startService({ databaseUrl: url.toString(), auth, port: 0, tickIntervalMs: 0, seedFlows: false });
    const callB = client(b.url);
    let n = 0;
    const either: ReturnType<typeof client> = (method, path, opts) => (n++ % 2 ? callB : a.call)(method, path, opts);
    try {
      await race(either);
    } finally {
      await Promise.all([a.service.stop(), b.stop()]);
    }
  });
});

describe('tokens from an identity provider', () => {
  it('verifies ES256 tokens with the provider\'s keys (JWKS), checks issuer and audience, and refuses HS256 then', async () => {
    const { generateKeyPair, exportJWK, createLocalJWKSet, SignJWT } = await import('jose');
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const idp: AuthOptions = { ...auth, keys: createLocalJWKSet({ keys: [jwk] }), issuer: 'https://id.example', audience: 'crm-flow' };
    const service = await startService({ pgliteDir: 'memory', auth: idp, port: 0, tickIntervalMs: 0, seedFlows: false });
    const call = client(service.url);
    const sign = (claims: { iss: string; aud: string }) =>
      new SignJWT({ roles: ['service'] }).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('cleo').setIssuer(claims.iss).setAudience(claims.aud).setExpirationTime('5m').sign(privateKey);
    try {
      expect((await call('GET', '/tasks', { token: await sign({ iss: 'https://id.example', aud: 'crm-flow' }) })).status).toBe(200);
      expect((await call('GET', '/tasks', { token: await sign({ iss: 'https://evil.example', aud: 'crm-flow' }) })).status).toBe(401);
      expect((await call('GET', '/tasks', { token: await sign({ iss: 'https://id.example', aud: 'other' }) })).status).toBe(401);
      expect((await call('GET', '/tasks', { token: await token('cleo', ['service']) })).status).toBe(401);
    } finally {
      await service.stop();
    }
  });
});

describe('starting and stopping', () => {
  it('refuses to start with a clear message when the database is unreachable', async () => {
    await expect(startService({ databaseUrl: 'postgres://flow:secret@127.0.0.1:1/crm', auth, port: 0, tickIntervalMs: 0 })).rejects.toThrow(/Cannot use the flow store at PostgreSQL flow@127\.0\.0\.1:1\/crm.*DATABASE_URL/);
  });

  it('answers 503 in plain language when the database goes away while it runs', async () => {
    const { service, call } = await serve();
    try {
      await service.store.close();
      const res = await call('GET', '/tasks', { token: await token('cleo', ['service']) });
      expect(res).toMatchObject({ status: 503, body: { code: 'STORE_FAILED' } });
      expect(res.body.message).toMatch(/^The database cannot be reached right now/);
    } finally {
      await service.app.close();
    }
  });

  it('finishes requests in flight on stop, then refuses new connections and closes the database', async () => {
    const { service, call } = await serve();
    const clerk = await token('cleo', ['service']);
    const inFlight = call('POST', '/flows/review/instances', { token: clerk, body: {} });
    await new Promise((r) => setTimeout(r, 5));
    const stopped = service.stop();
    expect((await inFlight).status).toBe(201);
    await stopped;
    await expect(call('GET', '/health')).rejects.toThrow();
    await expect(service.store.db.query('SELECT 1')).rejects.toThrow();
  });
});
