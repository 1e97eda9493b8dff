// A small catalog and flow for the second red-team pass: every field kind a hostile write aims at
// (money with a max, a cross-field rule, datetime and date bounds, a date bound on another field,
// a pattern, options, a bounded integer, a list whose items carry money), edited by one role,
// seen by another, and a second step with separation of duties.
import { createEngine } from '../../src/engine/engine.js';
import { EngineError } from '../../src/engine/errors.js';
import { formatEngineText } from '../../src/engine/texts/format.js';
import type { Actor, Engine } from '../../src/engine/types.js';
import type { Catalog } from '../../src/schema/catalog.js';
import type { Flow } from '../../src/schema/flow.js';
import { createMemoryStore } from '../../src/stores/memory.js';
import type { FlowStore } from '../../src/stores/types.js';

const t = (en: string, zh = en) => ({ en, zh });

export const catalog: Catalog = {
  id: 'redteam',
  name: t('Red team'),
  departments: [],
  roles: [
    { id: 'rep', name: t('sales rep', '销售代表') },
    { id: 'fin', name: t('finance', '财务') },
    { id: 'admin', name: t('admin', '管理员') },
  ],
  entities: [
    {
      id: 'order',
      name: t('Order', '订单'),
      fields: [
        { id: 'amount', name: t('Amount', '金额'), type: 'money', constraints: { max: 1000 } },
        { id: 'paid', name: t('Paid', '已付'), type: 'money', constraints: { rule: { holds: { '<=': [{ var: 'value' }, { var: 'record.amount' }] }, message: t('no more than the amount', '不超过金额') } } },
        { id: 'due', name: t('Due', '到期时间'), type: 'datetime', constraints: { notBefore: { today: 0 }, notAfter: { date: '2027-12-31' } } },
        { id: 'receivedAt', name: t('Received at', '到账时间'), type: 'datetime' },
        { id: 'day', name: t('Order date', '下单日期'), type: 'date' },
        { id: 'ship', name: t('Ship date', '发货日期'), type: 'date', constraints: { notBefore: { field: 'day' } } },
        { id: 'deliver', name: t('Delivery date', '交货日期'), type: 'date', constraints: { notBefore: { today: 0 }, notAfter: { field: 'day', days: 30 } } },
        { id: 'code', name: t('Code', '编码'), type: 'string', constraints: { pattern: '^[A-Z]{3}$', patternHint: t('three capitals', '三个大写字母') } },
        { id: 'note', name: t('Note', '备注'), type: 'text' },
        { id: 'n', name: t('N', '数量'), type: 'integer', constraints: { min: 0, max: 10 } },
        {
          id: 'lines',
          name: t('Lines', '明细'),
          type: 'list',
          itemFields: [
            { id: 'price', name: t('Price', '单价'), type: 'money' },
            { id: 'qty', name: t('Qty', '数量'), type: 'integer' },
          ],
        },
      ],
    },
  ],
  windows: [
    {
      id: 'w',
      name: t('Order form', '订单表'),
      entity: 'order',
      fields: ['amount', 'paid', 'due', 'receivedAt', 'day', 'ship', 'deliver', 'code', 'note', 'n', 'lines'],
      access: { rep: 'edit', fin: 'view' },
    },
  ],
};

const node = (n: Record<string, unknown>) => ({ name: t(String(n.id)), ...n }) as Flow['nodes'][number];

/** start → a (rep) → b (rep or finance, not the person who did a) → end. */
export const flow: Flow = {
  id: 'f',
  version: 1,
  name: t('Order'),
  data: { order: { type: 'record', entity: 'order' }, x: { type: 'number' } },
  nodes: [node({ id: 'start', kind: 'start', roles: ['rep'] }), node({ id: 'a', kind: 'task', roles: ['rep'], window: 'w' }), node({ id: 'b', kind: 'task', roles: ['rep', 'fin'], window: 'w', notSameActorAs: ['a'] }), node({ id: 'end', kind: 'end' })],
  edges: [
    { id: 'e1', source: 'start', target: 'a' },
    { id: 'e2', source: 'a', target: 'b' },
    { id: 'e3', source: 'b', target: 'end' },
  ],
};

export const NOW = Date.parse('2026-12-01T02:00:00Z');
export const rep: Actor = { id: 'r', name: 'Rita', roles: ['rep'] };
export const rep2: Actor = { id: 'r2', name: 'Rob', roles: ['rep'] };
export const fin: Actor = { id: 'f', name: 'Fay', roles: ['fin'] };
export const admin: Actor = { id: 'ad', roles: ['admin'] };

export async function setup(store: FlowStore = createMemoryStore(), now = NOW): Promise<{ engine: Engine; store: FlowStore; clock: { now: number } }> {
  const clock = { now };
  const engine = createEngine({ store, catalog, clock: { now: () => clock.now } });
  await engine.deploy(flow, { actor: admin });
  return { engine, store, clock };
}

/** A case started by the rep, with the first step's task id. */
export async function started(engine: Engine): Promise<{ id: string; task: string }> {
  const { instance } = await engine.start('f', { actor: rep });
  const [task] = await engine.tasks(instance.instanceId, { actor: rep });
  return { id: instance.instanceId, task: task!.taskId };
}

/** The EngineError a promise rejects with (any other outcome fails the test). */
export async function refused(p: Promise<unknown>): Promise<EngineError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof EngineError)) throw new Error(`expected an EngineError, got ${e === undefined ? 'success' : String(e)}`);
  return e;
}

export const en = (e: EngineError) => formatEngineText(e.details.text!, { locale: 'en', catalog });
export const zh = (e: EngineError) => formatEngineText(e.details.text!, { locale: 'zh', catalog });
