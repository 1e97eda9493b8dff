/**
 * The SQL store over any {@link SqlDatabase} (a `pg` pool or PGlite). Each
 * command's writes are one transaction: the instance rows are locked in id
 * order and their `seq` checked, then events, summaries, snapshots and
 * open-task rows are written; the primary key (instance_id, seq) of the
 * event table refuses a second command decided on the same `seq` even when
 * both passed the check, so a conflict is reported, never a lost event.
 */
import type {
  AppendChangeResult,
  AppendResult,
  ChangeEvent,
  FeedPage,
  FlowEvent,
  FlowStore,
  InstanceState,
  InstanceSummary,
  OpenTaskRow,
  StoredDefinition,
} from '@crm/flow-runtime';
import type { SqlClient, SqlDatabase } from './sql.js';

/** The store, with its database for hosts that query or close it. */
export interface SqlFlowStore extends FlowStore {
  readonly db: SqlDatabase;
  /** Closes the connections the store opened (a pool it was given stays open). */
  close(): Promise<void>;
}

const UNIQUE_VIOLATION = '23505';
const FEED_START = '0.0';
const FEED_POSITION = /^(\d{1,20})\.(\d{1,20})$/;

/** Creates the store over a database whose schema is migrated (see `migrate`). */
export function createSqlStore(db: SqlDatabase): SqlFlowStore {
  /** The seq each write's instance has now (0 when new), locking existing rows in id order. */
  async function lockSeqs(tx: SqlClient, ids: string[]): Promise<Map<string, number>> {
    const res = await tx.query<{ instance_id: string; seq: number }>(
      `SELECT instance_id, seq FROM flow_instances WHERE instance_id IN (SELECT json_array_elements_text($1::json)) ORDER BY instance_id FOR UPDATE`,
      [JSON.stringify(ids)],
    );
    return new Map(res.rows.map((r) => [r.instance_id, r.seq]));
  }

  return {
    db,
    close: () => db.close(),

    async append({ writes }): Promise<AppendResult> {
      if (writes.length === 0) return { ok: true };
      for (const w of writes) await checkId(w.instanceId, 'instanceId');
      // Each part as the JSON the queries send, made once: text PostgreSQL cannot keep anywhere in it (its json
      // columns would take it and fail on reading) is refused the same way as on every store, before the database.
      const events = writes.flatMap((w) => w.events);
      const eventsJson = JSON.stringify(events);
      const instancesJson = JSON.stringify(writes.map((w) => ({ summary: w.summary, state: w.state ?? null })));
      const rows = writes.flatMap((w) => w.openTasks);
      const rowsJson = JSON.stringify(rows);
      await checkJsonText(eventsJson, 'events');
      await checkJsonText(instancesJson, 'summary');
      await checkJsonText(rowsJson, 'summary');
      try {
        return await db.transaction(async (tx) => {
          const seqs = await lockSeqs(tx, writes.map((w) => w.instanceId));
          for (const w of writes) {
            const actualSeq = seqs.get(w.instanceId) ?? 0;
            if (actualSeq !== w.expectedSeq) throw new SeqConflict({ ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq });
          }
          if (events.length) {
            await tx.query(
              `INSERT INTO flow_events (instance_id, seq, type, at, event)
               SELECT e->>'instanceId', (e->>'seq')::int, e->>'type', (e->>'at')::float8, e
               FROM json_array_elements($1::json) WITH ORDINALITY AS x(e, n) ORDER BY n`,
              [eventsJson],
            );
          }
          await tx.query(
            `INSERT INTO flow_instances (instance_id, flow_id, version, status, seq, started_at, updated_at, next_due_at, parent_id, summary, state, claimed_until)
             SELECT s->>'instanceId', s->>'flowId', (s->>'version')::int, s->>'status', (s->>'seq')::int, (s->>'startedAt')::float8,
                    (s->>'updatedAt')::float8, (s->>'nextDueAt')::float8, s->>'parentId', s, w->'state', NULL
             FROM json_array_elements($1::json) AS w, LATERAL (SELECT w->'summary') AS x(s)
             ON CONFLICT (instance_id) DO UPDATE SET
               flow_id = EXCLUDED.flow_id, version = EXCLUDED.version, status = EXCLUDED.status, seq = EXCLUDED.seq,
               started_at = EXCLUDED.started_at, updated_at = EXCLUDED.updated_at, next_due_at = EXCLUDED.next_due_at,
               parent_id = EXCLUDED.parent_id, summary = EXCLUDED.summary, state = EXCLUDED.state, claimed_until = NULL`,
            [instancesJson],
          );
          const ids = JSON.stringify(writes.map((w) => w.instanceId));
          await tx.query(`DELETE FROM flow_open_tasks WHERE instance_id IN (SELECT json_array_elements_text($1::json))`, [ids]);
          await tx.query(`DELETE FROM flow_task_roles WHERE instance_id IN (SELECT json_array_elements_text($1::json))`, [ids]);
          if (rows.length) {
            const json = rowsJson;
            await tx.query(
              `INSERT INTO flow_open_tasks (instance_id, task_id, opened_at, task)
               SELECT r->>'instanceId', r->>'taskId', (r->>'openedAt')::float8, r FROM json_array_elements($1::json) AS r`,
              [json],
            );
            await tx.query(
              `INSERT INTO flow_task_roles (role, opened_at, instance_id, task_id)
               SELECT DISTINCT role, (r->>'openedAt')::float8, r->>'instanceId', r->>'taskId'
               FROM json_array_elements($1::json) AS r, json_array_elements_text(r->'roles') AS role`,
              [json],
            );
          }
          return { ok: true } as const;
        });
      } catch (e) {
        if (e instanceof SeqConflict) return e.result;
        if (sqlState(e) === UNIQUE_VIOLATION) {
          // Another command stored events at the same seq between our check and our insert.
          const now = await db.query<{ instance_id: string; seq: number }>(`SELECT instance_id, seq FROM flow_instances WHERE instance_id IN (SELECT json_array_elements_text($1::json))`, [
            JSON.stringify(writes.map((w) => w.instanceId)),
          ]);
          const seqs = new Map(now.rows.map((r) => [r.instance_id, r.seq]));
          const w = writes.find((x) => (seqs.get(x.instanceId) ?? 0) !== x.expectedSeq) ?? writes[0]!;
          return { ok: false, instanceId: w.instanceId, expectedSeq: w.expectedSeq, actualSeq: seqs.get(w.instanceId) ?? 0 };
        }
        throw e;
      }
    },

    async load({ instanceId, afterSeq = 0 }) {
      if (!storable(instanceId)) return [];
      const res = await db.query<{ event: FlowEvent }>(`SELECT event FROM flow_events WHERE instance_id = $1 AND seq > $2 ORDER BY seq`, [instanceId, afterSeq]);
      return res.rows.map((r) => r.event);
    },

    async instance({ instanceId }) {
      if (!storable(instanceId)) return undefined;
      const res = await db.query<{ summary: InstanceSummary }>(`SELECT summary FROM flow_instances WHERE instance_id = $1`, [instanceId]);
      return res.rows[0]?.summary;
    },

    async states({ instanceIds: asked }) {
      const instanceIds = asked.filter(storable);
      if (instanceIds.length === 0) return [];
      const res = await db.query<{ state: InstanceState }>(
        `SELECT state FROM flow_instances WHERE instance_id IN (SELECT json_array_elements_text($1::json)) AND state IS NOT NULL`,
        [JSON.stringify(instanceIds)],
      );
      return res.rows.map((r) => r.state);
    },

    async instances({ flowId, status, dueBefore, parentId, limit, after }) {
      // An id no store keeps names no instance (as on every store); a page key holding one is read as it sorts.
      if (![flowId, status, parentId].every((x) => x === undefined || storable(x))) return [];
      const where: string[] = [];
      const params: unknown[] = [];
      const p = (v: unknown) => `$${params.push(v)}`;
      if (flowId !== undefined) where.push(`flow_id = ${p(flowId)}`);
      if (status !== undefined) where.push(`status = ${p(status)}`);
      if (parentId !== undefined) where.push(`parent_id = ${p(parentId)}`);
      if (dueBefore !== undefined) where.push(`next_due_at <= ${p(dueBefore)}`);
      if (after) where.push(`(started_at, instance_id) > (${p(after.startedAt)}::float8, ${p(beforeNul(after.instanceId))})`);
      const res = await db.query<{ summary: InstanceSummary }>(
        `SELECT summary FROM flow_instances ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY started_at, instance_id${limit !== undefined ? ` LIMIT ${p(limit)}` : ''}`,
        params,
      );
      return res.rows.map((r) => r.summary);
    },

    async due({ before, limit, leaseMs }) {
      const rows =
        leaseMs === undefined
          ? (
              await db.query<{ summary: InstanceSummary }>(
                `SELECT summary FROM flow_instances
                 WHERE next_due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= clock_timestamp())
                 ORDER BY next_due_at, instance_id LIMIT $2`,
                [before, limit],
              )
            ).rows
          : // Claims the earliest unclaimed due rows; rows another worker is claiming or writing right now are skipped, not waited for.
            (
              await db.query<{ summary: InstanceSummary }>(
                `UPDATE flow_instances AS i SET claimed_until = clock_timestamp() + make_interval(secs => $3::float8 / 1000)
                 FROM (SELECT instance_id FROM flow_instances
                       WHERE next_due_at <= $1 AND (claimed_until IS NULL OR claimed_until <= clock_timestamp())
                       ORDER BY next_due_at, instance_id LIMIT $2 FOR UPDATE SKIP LOCKED) AS due
                 WHERE i.instance_id = due.instance_id
                 RETURNING i.summary`,
                [before, limit, leaseMs],
              )
            ).rows;
      return rows.map((r) => r.summary).sort((a, b) => a.nextDueAt! - b.nextDueAt! || (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
    },

    async openTasks({ roles: asked, instanceId, limit, after }) {
      // A role no store keeps is held by no task; an id no store keeps names no instance (as on every store).
      const roles = asked?.filter(storable);
      if (instanceId !== undefined && !storable(instanceId)) return [];
      const cursor = after ? taskKey(after) : undefined;
      if (instanceId !== undefined) {
        const res = await db.query<{ task: OpenTaskRow }>(`SELECT task FROM flow_open_tasks WHERE instance_id = $1 ORDER BY opened_at, instance_id, task_id`, [instanceId]);
        const rows = res.rows
          .map((r) => r.task)
          .filter((r) => (!roles || r.roles.some((x) => roles.includes(x))) && (!after || r.openedAt > after.openedAt || (r.openedAt === after.openedAt && (r.instanceId > after.instanceId || (r.instanceId === after.instanceId && r.taskId > after.taskId)))));
        return limit === undefined ? rows : rows.slice(0, limit);
      }
      if (!roles) {
        const params: unknown[] = cursor ? [...cursor] : [];
        const where = cursor ? `WHERE ${cursor.length === 2 ? '(opened_at, instance_id) > ($1::float8, $2)' : '(opened_at, instance_id, task_id) > ($1::float8, $2, $3)'}` : '';
        const lim = limit !== undefined ? `LIMIT $${params.push(limit)}` : '';
        const res = await db.query<{ task: OpenTaskRow }>(`SELECT task FROM flow_open_tasks ${where} ORDER BY opened_at, instance_id, task_id ${lim}`, params);
        return res.rows.map((r) => r.task);
      }
      if (roles.length === 0) return [];
      // Per role, its first `limit` keys after the cursor (an index range each); the union's first
      // `limit` distinct keys are the page, since each of them is among its own role's first `limit`.
      const params: unknown[] = [JSON.stringify([...new Set(roles)])];
      const p = (v: unknown) => `$${params.push(v)}`;
      const range = !cursor
        ? ''
        : cursor.length === 2
          ? `AND (k.opened_at, k.instance_id) > (${p(cursor[0])}::float8, ${p(cursor[1])})`
          : `AND (k.opened_at, k.instance_id, k.task_id) > (${p(cursor[0])}::float8, ${p(cursor[1])}, ${p(cursor[2])})`;
      const lim = limit !== undefined ? `LIMIT ${p(limit)}` : '';
      const res = await db.query<{ task: OpenTaskRow }>(
        `SELECT t.task FROM (
           SELECT DISTINCT k.opened_at, k.instance_id, k.task_id
           FROM json_array_elements_text($1::json) AS r(role)
           CROSS JOIN LATERAL (
             SELECT k.opened_at, k.instance_id, k.task_id FROM flow_task_roles AS k
             WHERE k.role = r.role ${range}
             ORDER BY k.opened_at, k.instance_id, k.task_id ${lim}
           ) AS k
         ) AS k
         JOIN flow_open_tasks AS t ON t.instance_id = k.instance_id AND t.task_id = k.task_id
         ORDER BY k.opened_at, k.instance_id, k.task_id ${lim}`,
        params,
      );
      return res.rows.map((r) => r.task);
    },

    async feed({ after, limit = 100 }): Promise<FeedPage> {
      const [tx, pos] = parsePosition(after === undefined ? FEED_START : after);
      // Only events of transactions older than every transaction still running: a transaction that
      // commits later can only add events after what this page returns.
      // Output names differ from the columns: ORDER BY a bare name would sort the text copies.
      const res = await db.query<{ at_tx: string; at_pos: string; event: FlowEvent }>(
        `SELECT tx::text AS at_tx, pos::text AS at_pos, event FROM flow_events
         WHERE (tx, pos) > ($1::xid8, $2::bigint) AND tx < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY flow_events.tx, flow_events.pos LIMIT $3`,
        [tx, pos, Math.max(0, limit)],
      );
      const last = res.rows.at(-1);
      return { events: res.rows.map((r) => r.event), next: last ? `${last.at_tx}.${last.at_pos}` : (after ?? FEED_START) };
    },

    async feedCursor({ subscriber }) {
      if (!storable(subscriber)) return undefined;
      const res = await db.query<{ position: string }>(`SELECT position FROM flow_feed_cursors WHERE subscriber = $1`, [subscriber]);
      return res.rows[0]?.position;
    },

    async saveFeedCursor({ subscriber, position }) {
      parsePosition(position);
      await checkId(subscriber, 'subscriber');
      await db.query(
        `INSERT INTO flow_feed_cursors (subscriber, position) VALUES ($1, $2)
         ON CONFLICT (subscriber) DO UPDATE SET position = EXCLUDED.position, updated_at = now()`,
        [subscriber, position],
      );
    },

    async putDefinition({ definition }) {
      await checkId(definition.flowId);
      await checkJson(definition, 'definition');
      const inserted = await db.query(
        `INSERT INTO flow_definitions (flow_id, version, deployed_at, definition) VALUES ($1, $2, $3, $4::json)
         ON CONFLICT (flow_id, version) DO NOTHING RETURNING version`,
        [definition.flowId, definition.version, definition.deployedAt, JSON.stringify(definition)],
      );
      if (inserted.rows.length) return { created: true };
      const existing = await db.query<{ definition: StoredDefinition }>(`SELECT definition FROM flow_definitions WHERE flow_id = $1 AND version = $2`, [definition.flowId, definition.version]);
      return { created: false, existing: existing.rows[0]!.definition };
    },

    async getDefinition({ flowId, version }) {
      if (!storable(flowId)) return undefined;
      const res =
        version !== undefined
          ? await db.query<{ definition: StoredDefinition }>(`SELECT definition FROM flow_definitions WHERE flow_id = $1 AND version = $2`, [flowId, version])
          : await db.query<{ definition: StoredDefinition }>(`SELECT definition FROM flow_definitions WHERE flow_id = $1 ORDER BY version DESC LIMIT 1`, [flowId]);
      return res.rows[0]?.definition;
    },

    async definitions({ flowId }) {
      if (flowId !== undefined && !storable(flowId)) return [];
      const res =
        flowId !== undefined
          ? await db.query<{ definition: StoredDefinition }>(`SELECT definition FROM flow_definitions WHERE flow_id = $1 ORDER BY version`, [flowId])
          : await db.query<{ definition: StoredDefinition }>(`SELECT definition FROM flow_definitions ORDER BY flow_id, version`);
      return res.rows.map((r) => r.definition);
    },

    async retireDefinition({ flowId, version, retired }) {
      if (!storable(flowId)) return undefined;
      await checkJson(retired, 'retired');
      const read = async () => (await db.query<{ definition: StoredDefinition }>(`SELECT definition FROM flow_definitions WHERE flow_id = $1 AND version = $2`, [flowId, version])).rows[0]?.definition;
      const existing = await read();
      if (!existing || existing.retired) return existing;
      // The definition stays as written (json, key order kept), with the retirement added; the first retirement
      // stays: a concurrent one re-checks the condition on the updated row and changes nothing.
      await db.query(`UPDATE flow_definitions SET definition = $3::json WHERE flow_id = $1 AND version = $2 AND (definition -> 'retired') IS NULL`, [
        flowId,
        version,
        JSON.stringify({ ...existing, retired }),
      ]);
      return read();
    },

    async appendChange({ event }) {
      await checkId(event.flowId);
      await checkJson(event, 'event');
      return db.transaction(async (tx): Promise<AppendChangeResult> => {
        // Serialises recorders of one flow; the primary key guards the sequence as well.
        await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`flow_changes:${event.flowId}`]);
        const last = (await tx.query<{ s: number | null }>('SELECT max(seq)::int AS s FROM flow_changes WHERE flow_id = $1', [event.flowId])).rows[0]?.s ?? 0;
        if (event.seq !== last + 1) return { ok: false, actualSeq: last };
        await tx.query('INSERT INTO flow_changes (flow_id, seq, at, event) VALUES ($1, $2, $3, $4::json)', [event.flowId, event.seq, event.at, JSON.stringify(event)]);
        // The index of standing scheduled publications: set by 'scheduled', ended by any other event of the version but 'migrated'.
        if (event.type === 'scheduled') {
          await tx.query(
            `INSERT INTO flow_scheduled (flow_id, version, publish_at, seq) VALUES ($1, $2, $3, $4)
             ON CONFLICT (flow_id, version) DO UPDATE SET publish_at = excluded.publish_at, seq = excluded.seq`,
            [event.flowId, event.version, event.publishAt ?? event.at, event.seq],
          );
        } else if (event.type !== 'migrated') {
          await tx.query('DELETE FROM flow_scheduled WHERE flow_id = $1 AND version = $2', [event.flowId, event.version]);
        }
        return { ok: true };
      });
    },

    async changes({ flowId }) {
      if (flowId !== undefined && !storable(flowId)) return [];
      const res =
        flowId !== undefined
          ? await db.query<{ event: ChangeEvent }>('SELECT event FROM flow_changes WHERE flow_id = $1 ORDER BY seq', [flowId])
          : await db.query<{ event: ChangeEvent }>('SELECT event FROM flow_changes ORDER BY flow_id, seq');
      return res.rows.map((r) => r.event);
    },

    async scheduledChanges({ before }) {
      const res = await db.query<{ event: ChangeEvent }>(
        `SELECT c.event FROM flow_scheduled s JOIN flow_changes c ON c.flow_id = s.flow_id AND c.seq = s.seq
         WHERE s.publish_at <= $1 ORDER BY s.publish_at, s.flow_id, s.version`,
        [before],
      );
      return res.rows.map((r) => r.event);
    },
  };
}

/** A NUL or half of a surrogate pair: text PostgreSQL cannot keep (nor any store, by the runtime's contract). */
const BAD_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** The same in JSON text: JSON.stringify writes exactly these as \u0000 and \ud800-\udfff escapes (a whole pair stays as it is). */
const BAD_JSON = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f])/i;

/** True when `v` is text every store keeps, so a row could be stored under it. */
function storable(v: unknown): v is string {
  return typeof v === 'string' && !BAD_TEXT.test(v);
}

/**
 * The runtime's refusal of text no store keeps — `INVALID_VALUE`, "'flowId' cannot be stored: it holds a NUL or a
 * broken character" (en/zh), an `EngineError` — the same error the memory and Dexie stores throw for the same call.
 * The runtime is loaded only here, when such a write comes (the store itself loads no runtime code).
 */
async function storedTextError(what: string): Promise<Error> {
  const { EngineError, formatEngineText } = await import('@crm/flow-runtime/engine');
  const text = { key: 'INVALID_VALUE.stored', args: { why: { kind: 'msg' as const, key: 'data.badText', args: {} }, field: { kind: 'field' as const, path: what } } };
  return new EngineError('INVALID_VALUE', formatEngineText(text, { locale: 'en', timeZone: 'UTC' }), { fields: [what], text });
}

/** Refuses an id (instance, flow, subscriber) holding text no store keeps. */
async function checkId(id: string, what = 'flowId'): Promise<void> {
  if (!storable(id)) throw await storedTextError(what);
}

/** Refuses a value whose JSON holds text PostgreSQL cannot keep (the memory and Dexie stores keep it; the engine never writes it). */
async function checkJson(value: unknown, what: string): Promise<void> {
  await checkJsonText(JSON.stringify(value) ?? '', what);
}

/** {@link checkJson} on JSON text already made (the text a query sends). */
async function checkJsonText(json: string, what: string): Promise<void> {
  if (BAD_JSON.test(json)) throw await storedTextError(what);
}

/**
 * A page key's text as the database can compare it. No stored id holds a NUL (every store refuses one), so the
 * ids after 'P\0…' are exactly those after 'P' (code-unit order): the text is cut at its first NUL.
 */
function beforeNul(id: string): string {
  const at = id.indexOf('\0');
  return at < 0 ? id : id.slice(0, at);
}

/**
 * A task page key as the database can compare it: [openedAt, instanceId, taskId], or [openedAt, instanceId] when the
 * instance id holds a NUL (every task of instance 'P' sorts before 'P\0…', every later instance after it).
 */
function taskKey(after: { openedAt: number; instanceId: string; taskId: string }): unknown[] {
  return after.instanceId.includes('\0') ? [after.openedAt, beforeNul(after.instanceId)] : [after.openedAt, after.instanceId, beforeNul(after.taskId)];
}

/** Signals a sequence mismatch out of the transaction, which rolls it back. */
class SeqConflict extends Error {
  constructor(readonly result: Extract<AppendResult, { ok: false }>) {
    super('sequence conflict');
  }
}

/** The SQLSTATE of a database error, when it has one. */
export function sqlState(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;
}

/**
 * A feed position this store never gave out: the runtime's `FeedPositionError` contract (its name and code), which the
 * engine answers as INVALID_CURSOR. Made here rather than imported: the store loads no runtime code (its CLI runs without it).
 */
class FeedPositionError extends Error {
  readonly code = 'INVALID_CURSOR';
  override readonly name = 'FeedPositionError';
  constructor(readonly position: unknown) {
    super(`'${typeof position === 'string' ? position : typeof position}' is not a feed position of this store: pass a 'next' that feed() returned.`);
  }
}

/** The largest transaction id (xid8) and position (bigint) PostgreSQL holds. */
const MAX_TX = 18446744073709551615n;
const MAX_POS = 9223372036854775807n;

/** Reads a position this store gave out ('transaction.position'); anything else is a {@link FeedPositionError}, never a database error. */
function parsePosition(position: unknown): [string, string] {
  const m = typeof position === 'string' ? FEED_POSITION.exec(position) : null;
  if (!m || BigInt(m[1]!) > MAX_TX || BigInt(m[2]!) > MAX_POS) throw new FeedPositionError(position);
  return [m[1]!, m[2]!];
}
