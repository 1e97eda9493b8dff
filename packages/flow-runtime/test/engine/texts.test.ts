// Engine texts in en and zh: every refusal, incident, SLA alert and history
// line renders from its code and details in the reader's language and time
// zone, with roles by their catalog names.
import { describe, expect, it } from 'vitest';
import { isEngineError, type EngineError } from '../../src/engine/errors.js';
import { ENGINE_ERROR_CODES } from '../../src/engine/errors.js';
import type { EngineText, TextArg } from '../../src/engine/texts/index.js';
// The root entry's renderer: the engine's texts and those of change control.
import { CHANGE_TEXTS, ENGINE_TEXTS, formatEngineText, PROBLEM_TEXTS } from '../../src/index.js';
import { createEngine as createEngineOnly, createMemoryStore as createMemoryStoreOnly, formatEngineText as formatEngineOnly } from '../../src/engine-entry.js';
import type { Catalog } from '../../src/schema/catalog.js';
import { PROBLEM_CODES } from '../../src/schema/problems.js';
import { catalog, finance, orderFlow, sales } from './fixtures.js';
import { HOUR, T0, testEngine } from './helpers.js';

/** The fixture catalog with Chinese role names, as a reader's catalog. */
const zhCatalog: Pick<Catalog, 'roles'> = {
  roles: catalog.roles.map((r) => ({ ...r, name: { en: r.name.en, zh: { 'sales-rep': '销售代表', 'sales-manager': '销售经理', finance: '财务', warehouse: '仓库', admin: '管理员' }[r.id]! } })),
};
const ZH = { locale: 'zh', timeZone: 'Asia/Shanghai', catalog: zhCatalog };
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const CJK = /[\u4e00-\u9fff]/;

async function caught(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (e) {
    if (isEngineError(e)) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

/** A plausible argument for a placeholder, so every entry can be rendered. */
const sample: Record<string, TextArg> = {
  step: { kind: 'step', id: 'credit', name: { en: 'Credit check', zh: '信用审核' } },
  roles: { kind: 'roles', ids: ['finance'] },
  who: { kind: 'actor', id: 'fay', name: 'Fay', roles: ['finance'] },
  dueAt: { kind: 'time', at: T0 },
  field: { kind: 'field', path: 'customer.creditLimit', name: { en: 'Credit limit', zh: '信用额度' }, owner: { en: 'Customer', zh: '客户' } },
};

describe('the message catalog', () => {
  it('has every error code in both languages, and every entry renders in both without placeholders left', () => {
    for (const code of Object.keys(ENGINE_ERROR_CODES)) expect(ENGINE_TEXTS[code] ?? CHANGE_TEXTS[code], code).toBeDefined();
    for (const [key, entry] of [...Object.entries(ENGINE_TEXTS), ...Object.entries(CHANGE_TEXTS)]) {
      const names = new Set<string>();
      for (const tpl of [entry.en, entry.zh]) if (typeof tpl === 'string') for (const m of tpl.matchAll(/\{\^?(\w+)\}/g)) names.add(m[1]!);
      const args = Object.fromEntries([...names].map((n) => [n, sample[n] ?? 'x']));
      const en = formatEngineText(key, args, { locale: 'en', timeZone: 'UTC' });
      const zh = formatEngineText(key, args, ZH);
      expect(en, key).not.toMatch(/\{\w+\}|undefined/);
      expect(zh, key).not.toMatch(/\{\w+\}|undefined/);
      // Whole sentences are written in Chinese (fragments such as '{detail}' may be only an argument).
      if (!/^(logic\.error|INVALID_MIGRATION\.problems|INVALID_VALUE\.type|history\.change|limit\.rule|INVALID_VALUE\.limits)$/.test(key)) expect(zh, key).toMatch(CJK);
    }
  });

  it('change-control texts render from the root entry, and from the engine entry when passed as texts', () => {
    const text: EngineText = { key: 'CHANGE_STAGE.stage', args: { flowId: 'order', version: 2, stage: { kind: 'msg', key: 'change.stage.submitted' }, what: { kind: 'msg', key: 'change.what.publish' } } };
    const zh = '无法发布（只能发布已批准的版本）：流程“order”第 2 版已提交，正在等待审核。';
    expect(formatEngineText(text, { locale: 'zh' })).toBe(zh);
    expect(formatEngineText(text, { locale: 'en' })).toBe("Cannot publish it (only an approved version is published): version 2 of flow 'order' is submitted and awaiting review.");
    expect(formatEngineOnly(text, { locale: 'zh', texts: CHANGE_TEXTS })).toBe(zh);
    // A host's own wording still wins over the built-in entries.
    expect(formatEngineText(text, { locale: 'en', texts: { 'CHANGE_STAGE.stage': { en: 'Not now.', zh: '现在不行。' } } })).toBe('Not now.');
    for (const key of Object.keys(CHANGE_TEXTS)) expect(ENGINE_TEXTS, key).not.toHaveProperty(key);
  });

  it('says what each definition problem is in Chinese, by its code and place', () => {
    const problem = (code: string, path: string) => formatEngineText({ key: `problem.${code}`, args: { path, message: 'As the parser wrote it.' } }, { locale: 'zh' });
    expect(problem('FLOW_E021', '/edges/0/target')).toBe('/edges/0/target：引用的节点不存在。');
    expect(problem('FLOW_E001', '')).toBe('文本不是有效的 JSON。');
    expect(problem('FLOW_E999', '/x')).toBe('/x：定义有误。');
    expect(problem('__proto__', '/x')).toBe('/x：定义有误。');
    expect(formatEngineText({ key: 'problem.FLOW_E021', args: { path: '/edges/0/target', message: 'As the parser wrote it.' } }, { locale: 'en' })).toBe('As the parser wrote it.');
  });

  it('the engine entry says in Chinese what its own deploy check finds; the full table comes with the root entry', async () => {
    const text = (code: string): EngineText => ({ key: `problem.${code}`, args: { path: '/nodes/0/kind', message: 'As the parser wrote it.' } });
    // What checkFlowShape reports, rendered by the engine entry's own formatter, refusal and all.
    const engine = createEngineOnly({ store: createMemoryStoreOnly() });
    const refused = await engine.deploy({ id: 'x', version: 1, nodes: [{ id: 'a', kind: 'teleport' }], edges: [] }, { actor: { id: 'admin', roles: ['admin'] } }).catch((e: unknown) => e as EngineError);
    expect(isEngineError(refused) && refused.code).toBe('INVALID_FLOW');
    expect(formatEngineOnly((refused as EngineError).code, (refused as EngineError).details, { locale: 'zh' })).toContain('/nodes/0/kind：节点类型未知。');
    for (const code of ['FLOW_E010', 'FLOW_E011', 'FLOW_E015', 'FLOW_E020', 'FLOW_E021']) expect(formatEngineOnly(text(code), { locale: 'zh' })).toBe(formatEngineText(text(code), { locale: 'zh' }));
    // A problem only the full format check finds: its general meaning from the root, or with PROBLEM_TEXTS given.
    expect(formatEngineText(text('FLOW_E030'), { locale: 'zh' })).toBe('/nodes/0/kind：规则使用了不允许的运算符。');
    expect(formatEngineOnly(text('FLOW_E030'), { locale: 'zh', texts: PROBLEM_TEXTS })).toBe('/nodes/0/kind：规则使用了不允许的运算符。');
    expect(formatEngineOnly(text('FLOW_E030'), { locale: 'zh' })).toBe('/nodes/0/kind：定义有误。');
    // Every code the format check writes has its Chinese in the root's table.
    for (const code of Object.keys(PROBLEM_CODES)) expect(formatEngineText(text(code), { locale: 'zh' }), code).not.toContain('定义有误');
  });

  it('renders times in the reader’s zone and locale, never as ISO text', () => {
    const text: EngineText = { key: 'alert.overdue', args: { step: sample.step!, dueAt: { kind: 'time', at: Date.UTC(2026, 10, 22, 11, 15) } } };
    expect(formatEngineText(text, ZH)).toBe('“信用审核”已逾期：截止时间为 2026年11月22日 19:15。');
    expect(formatEngineText(text, { locale: 'en', timeZone: 'Europe/London' })).toBe("'Credit check' is overdue: it was due 22 Nov 2026, 11:15.");
    expect(formatEngineText(text, { locale: 'en', timeZone: 'UTC' })).toBe("'Credit check' is overdue: it was due 22 Nov 2026, 11:15 UTC.");
  });

  it('shows date and date-time values of the data as dates and times in the reader’s zone', () => {
    const change = (value: string, type: string): EngineText => ({ key: 'history.change', args: { field: sample.field!, from: { kind: 'value', value: null }, to: { kind: 'value', value, type } } });
    expect(formatEngineText(change('2024-04-09T15:30:00+08:00', 'datetime'), ZH)).toBe('客户的信用额度 — → 2024年4月9日 15:30');
    expect(formatEngineText(change('2024-04-09T15:30:00+08:00', 'datetime'), { locale: 'en', timeZone: 'Europe/Berlin' })).toBe("the customer's credit limit — → 9 Apr 2024, 09:30");
    expect(formatEngineText(change('2024-04-15', 'date'), { ...ZH, timeZone: 'America/Los_Angeles' })).toBe('客户的信用额度 — → 2024年4月15日');
  });

  it('names roles from the reader’s catalog, and lets a host reword or add entries', () => {
    const args = { roles: { kind: 'roles', ids: ['finance', 'sales-manager'] } as TextArg, step: sample.step! };
    expect(formatEngineText('NOT_PERMITTED.task', args, ZH)).toBe('只有财务或销售经理可以处理“信用审核”。');
    expect(formatEngineText('NOT_PERMITTED.task', args, { locale: 'en' })).toBe("Only finance or sales-manager may do 'Credit check'.");
    const texts = { 'NOT_PERMITTED.task': { en: 'Ask {roles}.', zh: '请找{roles}。' }, 'my.own': { en: 'Mine: {n}', zh: '我的：{n}' } };
    expect(formatEngineText('NOT_PERMITTED.task', args, { ...ZH, texts })).toBe('请找财务或销售经理。');
    expect(formatEngineText('my.own', { n: 12_500 }, { locale: 'en', texts })).toBe('Mine: 12,500');
    // An unknown refinement falls back to its code's general meaning.
    expect(formatEngineText('GATE_CLOSED.somethingNew', {}, { locale: 'zh' })).toBe(ENGINE_TEXTS.GATE_CLOSED!.zh);
  });
});

describe('refusals render from code and details', () => {
  it('a step the actor may not do, in zh, with both role lists by name', async () => {
    const { engine } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0 } } });
    const [task] = await engine.tasks(instance.instanceId, { actor: sales });
    const e = await caught(engine.complete(instance.instanceId, task!.taskId, { actor: finance, data: {} }));
    expect(e.code).toBe('NOT_PERMITTED');
    expect(e.message).toBe("Only sales rep may do 'Order entry' (you act as finance).");
    expect(formatEngineText(e.code, e.details, ZH)).toBe('只有销售代表可以处理“Order entry”（你的角色是财务）。');
  });

  it('a value that does not fit, a field not editable, a required field missing — all in zh', async () => {
    const { engine } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0 } } });
    const id = instance.instanceId;
    const [task] = await engine.tasks(id, { actor: sales });
    const bad = await caught(engine.complete(id, task!.taskId, { actor: sales, data: { 'order.amount': 'lots' } }));
    expect(bad.code).toBe('INVALID_VALUE');
    expect(formatEngineText(bad.code, bad.details, { locale: 'zh' })).toBe('order的Amount必须是数字。');
    const locked = await caught(engine.complete(id, task!.taskId, { actor: sales, data: { 'customer.creditLimit': 99 } }));
    expect(locked.code).toBe('FIELD_NOT_EDITABLE');
    expect(formatEngineText(locked.code, locked.details, ZH)).toMatch(/^只有财务可以修改/);
    const missing = await caught(engine.complete(id, task!.taskId, { actor: sales, data: {} }));
    expect(missing.code).toBe('REQUIRED_MISSING');
    expect(formatEngineText(missing.code, missing.details, ZH)).toBe('“Order entry”需要先填写order的Amount才能完成。');
  });

  it('a definition refused at deploy lists its problems in zh by code and place', async () => {
    const { engine } = await testEngine([]);
    const broken = { ...structuredClone(orderFlow), id: 'broken', edges: [...orderFlow.edges, { id: 'zz', source: 'entry', target: 'nowhere' }] };
    const e = await caught(engine.deploy(broken, { actor: { id: 'ada', roles: ['admin'] } }));
    expect(e.code).toBe('INVALID_FLOW');
    expect(e.message).toMatch(/^The flow cannot be deployed:\n- .*nowhere/);
    expect(formatEngineText(e.code, e.details, { locale: 'zh' })).toContain('/edges/7/target：引用的节点不存在。');
  });

  it('a refusal without its own text still renders its code’s meaning', () => {
    expect(formatEngineText('VERSION_CONFLICT', {}, { locale: 'zh' })).toBe(ENGINE_TEXTS.VERSION_CONFLICT!.zh);
  });
});

describe('SLA alerts, incidents and history in the reader’s language', () => {
  it('the SLA escalation alert and the history name the role and show the time in the reader’s zone', async () => {
    const { engine } = await testEngine([orderFlow]);
    const { instance } = await engine.start('order', { actor: sales, hostData: { customer: { name: 'A', creditLimit: 10, creditUsed: 0 } } });
    const id = instance.instanceId;
    const [entry] = await engine.tasks(id, { actor: sales });
    await engine.complete(id, entry!.taskId, { actor: sales, data: { 'order.amount': 1 } });
    const late = await engine.tick(T0 + 5 * HOUR);
    const alert = late.events.find((e) => e.type === 'alert.raised');
    if (alert?.type !== 'alert.raised') throw new Error('no alert');
    expect(alert.message.en).not.toMatch(ISO);
    expect(alert.message.en).toBe("'Credit check' is overdue: it was due 2 Mar 2026, 13:00 UTC.");
    expect(formatEngineText(alert.text!, ZH)).toBe('“Credit check”已逾期：截止时间为 2026年3月2日 21:00。');
    const zh = await engine.history(id, ZH);
    const escalated = zh.find((h) => h.type === 'task.escalated')!;
    expect(escalated.summary).toBe('“Credit check”已逾期，已升级给销售经理。');
    expect(zh.find((h) => h.type === 'task.opened' && h.nodeId === 'credit')!.summary).toBe('“Credit check”等待财务处理，截止时间 2026年3月2日 21:00。');
    for (const h of zh) expect(h.summary, h.type).not.toMatch(ISO);
    // Without options: English, times in UTC, roles by the engine catalog's names.
    const en = await engine.history(id);
    expect(en.find((h) => h.type === 'task.escalated')!.summary).toBe("'Credit check' is overdue; escalated to sales manager.");
    expect(formatEngineText(en.find((h) => h.type === 'task.escalated')!.text, ZH)).toBe(escalated.summary);
  });

  it('an incident carries its text: a path that finds no branch, in zh', async () => {
    const triage = {
      id: 'noway',
      version: 1,
      name: { en: 'No way' },
      data: { n: { type: 'number' as const } },
      nodes: [
        { id: 'start', kind: 'start' as const, name: { en: 'Start' } },
        { id: 'd', kind: 'decision' as const, name: { en: 'Big?', zh: '大额？' } },
        { id: 'a', kind: 'end' as const, name: { en: 'A' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'd' },
        { id: 'e2', source: 'd', target: 'a', guard: { '>': [{ var: 'n' }, 5] } },
      ],
    };
    // The core engine (no deploy check) runs it; the incident is how a stuck path shows.
    const { engine } = await testEngine([triage]);
    const { instance } = await engine.start('noway', { actor: sales, hostData: { n: 1 } });
    const incident = instance.incidents[0]!;
    expect(incident.code).toBe('NO_PATH');
    expect(formatEngineText(incident.text!, { locale: 'zh' })).toBe('“大额？”之后的条件都不成立，且没有默认路径，流程无法继续。请修改数据或流程。');
    const zh = await engine.history(instance.instanceId, { locale: 'zh' });
    expect(zh.find((h) => h.type === 'incident.raised')!.summary).toMatch(/^异常：“大额？”之后/);
  });
});

describe('texts that travel', () => {
  it('render the same after a JSON round trip, and malformed arguments never throw', async () => {
    const { engine } = await testEngine([orderFlow]);
    const e = await caught(engine.start('order', { actor: finance }));
    const wire = JSON.parse(JSON.stringify({ code: e.code, details: e.details })) as { code: string; details: Record<string, unknown> };
    expect(formatEngineText(wire.code, wire.details, ZH)).toBe(formatEngineText(e.code, e.details, ZH));
    expect(formatEngineText(wire.code, wire.details, ZH)).toBe('只有销售代表可以发起“Order”。');
    const broken = { key: 'NOT_PERMITTED.task', args: { roles: { kind: 'roles' }, step: { kind: 'step' } } } as unknown as EngineText;
    expect(() => formatEngineText(broken, ZH)).not.toThrow();
    expect(formatEngineText({ key: 'alert.overdue' } as unknown as EngineText, { locale: 'zh' })).toMatch(/已逾期/);
  });
});
