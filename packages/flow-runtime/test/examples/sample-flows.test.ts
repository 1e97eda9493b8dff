import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectVarUses, evaluate } from '../../src/logic/index.js';
import { indexEntities, parseCatalog, parseFlow, resolveDataPath, type Flow, type LocalizedText } from '../../src/schema/index.js';
import { EXAMPLES_DIR } from '../paths.js';
import { leadingTaskWindows, onEveryPath, reachable, reachesEnd } from './flow-graph.js';
import { FLOW_IDS, loadCatalog, loadFlow, readExample } from './load-examples.js';

const catalog = loadCatalog();
const flows = new Map<string, Flow>(FLOW_IDS.map((id) => [id, loadFlow(id, catalog)]));
const flow = (id: string): Flow => flows.get(id)!;
const CREDIT_ALERT_RULE = { '>=': [{ var: 'customer.creditUsed' }, { '*': [0.9, { var: 'customer.creditLimit' }] }] };

describe('the sample catalog and flows parse clean', () => {
  it('the catalog has no problems', () => {
    const r = parseCatalog(readExample('catalog.json'));
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });

  it.each(FLOW_IDS)('%s has no problems against the catalog', (id) => {
    const r = parseFlow(readExample(`${id}.json`), catalog);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.id).toBe(id);
  });

  it('ships exactly the nine flows of PRODUCT.md, one file each, named by id', () => {
    const files = readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.json') && f !== 'catalog.json');
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...FLOW_IDS].sort());
  });

  it('a flow naming a window the catalog lacks is caught (the check is live)', () => {
    const broken = structuredClone(readExample('new-customer-approval.json')) as { nodes: Array<{ id: string; window?: string }> };
    broken.nodes.find((n) => n.id === 'review-credit-limit')!.window = 'credit-limit-reveiw';
    const r = parseFlow(broken, catalog);
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toContain('FLOW_E024');
  });
});

describe('what a key user checks in the sample flows', () => {
  it('new-customer approval links the four windows in order, each its own step', () => {
    expect(leadingTaskWindows(flow('new-customer-approval'))).toEqual([
      'customer-info',
      'payment-terms-review',
      'credit-limit-review',
      'sales-expense-evaluation',
    ]);
  });

  it('the sales-expense evaluation may not be done by whoever entered the customer', () => {
    const f = flow('new-customer-approval');
    const evaluation = f.nodes.find((n) => n.kind === 'task' && n.window === 'sales-expense-evaluation');
    const entry = f.nodes.find((n) => n.kind === 'task' && n.window === 'customer-info');
    expect(evaluation?.kind === 'task' && evaluation.notSameActorAs).toEqual([entry?.id]);
  });

  it.each(['new-order', 'credit-limit-review'])('%s warns the sales rep at 90%% credit use', (id) => {
    const alert = flow(id).controls?.find((c) => c.kind === 'alert');
    expect(alert?.when).toEqual(CREDIT_ALERT_RULE);
    expect(alert?.notify).toContain('sales-rep');
    expect(evaluate(alert?.when, { customer: { creditLimit: 500000, creditUsed: 450000 } })).toBe(true);
    expect(evaluate(alert?.when, { customer: { creditLimit: 500000, creditUsed: 449999 } })).toBe(false);
  });

  it('the prepaid gate blocks the factory order and shipping until payments cover the order', () => {
    const f = flow('prepaid-order');
    const gate = f.controls?.find((c) => c.kind === 'gate');
    const blockedWindows = (gate?.blocks ?? []).map((id) => {
      const n = f.nodes.find((x) => x.id === id);
      return n?.kind === 'task' ? n.window : undefined;
    });
    expect(blockedWindows.sort()).toEqual(['factory-order', 'shipping']);
    expect(evaluate(gate?.when, { order: { amount: 60000, paidAmount: 30000 } })).toBe(true);
    expect(evaluate(gate?.when, { order: { amount: 60000 } })).toBe(true);
    expect(evaluate(gate?.when, { order: { amount: 60000, paidAmount: 60000 } })).toBe(false);
  });

  it('the complaint investigation SLA is 4/24/72 hours by severity and escalates to the sales manager', () => {
    const investigate = flow('complaint-handling').nodes.find((n) => n.kind === 'task' && n.window === 'complaint-investigation');
    const sla = investigate?.kind === 'task' ? investigate.sla : undefined;
    expect(sla?.escalateTo).toBe('sales-manager');
    const hours = (severity: string) => evaluate(sla?.hours, { complaint: { severity } });
    expect([hours('critical'), hours('high'), hours('medium'), hours('low')]).toEqual([4, 24, 72, 72]);
  });

  it.each(FLOW_IDS)('%s names the flow and every node in English and Chinese', (id) => {
    const f = flow(id);
    const named: Array<[string, LocalizedText | undefined]> = [
      ['flow', f.name],
      ['description', f.description],
      ...f.nodes.map((n): [string, LocalizedText] => [n.id, n.name]),
      ...f.edges.filter((e) => e.label).map((e): [string, LocalizedText | undefined] => [e.id, e.label]),
    ];
    for (const [what, text] of named) {
      expect(text?.en, what).toBeTruthy();
      expect(text?.zh, what).toBeTruthy();
    }
  });
});

describe.each(FLOW_IDS)('%s is clean as a graph', (id) => {
  const f = flow(id);
  it('every node is reachable from the start and can reach an end', () => {
    const fromStart = reachable(f);
    const toEnd = reachesEnd(f);
    expect(f.nodes.filter((n) => !fromStart.has(n.id)).map((n) => n.id)).toEqual([]);
    expect(f.nodes.filter((n) => !toEnd.has(n.id)).map((n) => n.id)).toEqual([]);
  });

  it('decisions have labelled guards and one default edge; other steps have one way on', () => {
    for (const n of f.nodes) {
      const out = f.edges.filter((e) => e.source === n.id);
      if (n.kind === 'decision') {
        expect(out.filter((e) => e.default).length, n.id).toBe(1);
        for (const e of out) expect(e.default === true || e.guard !== undefined, e.id).toBe(true);
        for (const e of out) expect(e.label, e.id).toBeDefined();
      } else if (n.kind === 'end') expect(out, n.id).toEqual([]);
      else expect(out.length, n.id).toBe(1);
    }
  });

  it('mandatory steps lie on every path from start to end', () => {
    for (const n of f.nodes) if (n.kind === 'task' && n.mandatory) expect(onEveryPath(f, n.id), n.id).toBe(true);
  });

  it('every human step has roles, a window and a lane; every node has a position in a lane', () => {
    const lanes = new Set(f.layout?.lanes?.map((l) => l.department));
    for (const n of f.nodes) {
      if (n.kind === 'task') {
        expect(n.roles?.length, n.id).toBeGreaterThan(0);
        expect(n.window, n.id).toBeDefined();
      }
      expect(n.department && lanes.has(n.department), n.id).toBe(true);
      expect(f.layout?.nodes?.[n.id], n.id).toBeDefined();
    }
    // left to right; the few edges that go back (round again) say why
    const back = f.edges.filter((e) => f.layout!.nodes![e.target]!.x <= f.layout!.nodes![e.source]!.x);
    for (const e of back) expect(e.label?.en, e.id).toBeTruthy();
    expect(back.length).toBeLessThanOrEqual(2);
  });

  it('sub-flows exist and their mappings name real variables on both sides', () => {
    const entities = indexEntities(catalog);
    for (const n of f.nodes) {
      if (n.kind !== 'subflow') continue;
      const child = flows.get(n.flow);
      expect(child, `${n.id} → ${n.flow}`).toBeDefined();
      if (!child) continue;
      for (const name of Object.keys(n.input ?? {})) expect(Object.keys(child.data), `${n.id} input`).toContain(name);
      for (const rule of Object.values(n.output ?? {})) {
        for (const use of collectVarUses(rule)) expect(resolveDataPath(use.path, child.data, entities).ok, `${n.id} output reads ${use.path}`).toBe(true);
      }
    }
  });
});
