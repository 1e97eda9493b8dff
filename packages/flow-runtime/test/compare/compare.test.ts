import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCatalogOrThrow, parseFlowOrThrow, type Catalog, type Flow } from '../../src/index.js';
import { compareFlows } from '../../src/analysis-entry.js';
import { EXAMPLES_DIR } from '../paths.js';

const catalog: Catalog = parseCatalogOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}catalog.json`, 'utf8')));
const load = (id: string): Flow => parseFlowOrThrow(JSON.parse(readFileSync(`${EXAMPLES_DIR}${id}.json`, 'utf8')));
const task = (f: Flow, id: string) => {
  const n = f.nodes.find((x) => x.id === id);
  if (!n || n.kind !== 'task') throw new Error(`no task ${id}`);
  return n;
};

describe('compareFlows()', () => {
  it('finds nothing between a version and its copy, even when steps were moved on the diagram', () => {
    const a = load('complaint-handling');
    const b = structuredClone(a);
    b.version = 2;
    b.layout = { nodes: { intake: { x: 999, y: 999 } } };
    const r = compareFlows(a, b, { catalog });
    expect(r.changes).toEqual([]);
    expect(r.byRole).toEqual([]);
    expect(r.marks).toEqual({ before: {}, after: {} });
  });

  it('says an SLA change property by property, in English and Chinese', () => {
    const a = load('complaint-handling');
    delete task(a, 'investigate').sla;
    const b = structuredClone(a);
    task(b, 'investigate').sla = { hours: 24, escalateTo: 'sales-manager' };
    const en = compareFlows(a, b, { catalog, locale: 'en' });
    expect(en.changes).toHaveLength(1);
    expect(en.changes[0]).toMatchObject({ kind: 'changed', subject: 'sla', id: 'investigate', property: 'sla', before: 'none', after: '24 h, escalate to Sales manager' });
    expect(en.changes[0]!.text).toBe("SLA of 'Investigate': none → 24 h, escalate to Sales manager");
    const zh = compareFlows(a, b, { catalog, locale: 'zh' });
    expect(zh.changes[0]!.text).toBe('「调查原因」的时限：无 → 24小时，超时上报销售经理');
    // The sales manager learns they will now be alerted; the warehouse that does the step learns its SLA changed.
    expect(en.byRole.find((r) => r.role === 'sales-manager')?.lines).toEqual(["is now alerted when 'Investigate' is late"]);
    expect(en.byRole.find((r) => r.role === 'warehouse')?.lines).toEqual(["'Investigate' changes: SLA"]);
    expect(en.marks.before).toEqual({ investigate: 'changed' });
    expect(en.marks.after).toEqual({ investigate: 'changed' });
  });

  it('lists added and removed steps and connections, and marks each diagram', () => {
    const a = load('complaint-handling');
    const b = structuredClone(a);
    b.nodes.push({ id: 'check', kind: 'task', name: { en: 'Double-check', zh: '复核' }, department: 'finance', roles: ['finance'] });
    const removed = b.edges.shift()!;
    b.edges.push({ id: 'into-check', source: 'intake', target: 'check' });
    const r = compareFlows(a, b, { catalog });
    const texts = r.changes.map((c) => c.text);
    expect(texts).toContain("Step 'Double-check' (task, Finance) added");
    expect(texts).toContain("Connection 'Take the complaint' → 'Double-check' added");
    expect(texts.some((t) => t.startsWith('Connection ') && t.endsWith(' removed'))).toBe(true);
    expect(r.marks.after).toMatchObject({ check: 'added', 'edge:into-check': 'added' });
    expect(r.marks.before).toMatchObject({ [`edge:${removed.id}`]: 'removed' });
    expect(r.marks.before.check).toBeUndefined();
    expect(r.counts).toEqual({ added: 2, removed: 1, changed: 0 });
    expect(r.byRole.find((x) => x.role === 'finance')?.lines).toEqual(["now works on 'Double-check'"]);
    const zh = compareFlows(a, b, { catalog, locale: 'zh' });
    expect(zh.changes.map((c) => c.text)).toContain('新增步骤「复核」（任务，财务部）');
  });

  it('describes a changed guard in words, not JSON', () => {
    const a = load('credit-limit-review');
    const b = structuredClone(a);
    const guarded = b.edges.find((e) => e.guard !== undefined)!;
    guarded.guard = { '>': [{ var: 'customer.creditLimit' }, 50000] };
    const r = compareFlows(a, b, { catalog });
    const g = r.changes.find((c) => c.subject === 'guard')!;
    expect(g.property).toBe('guard');
    expect(g.after).toMatch(/credit limit is more than 50,?000/);
    expect(g.text).not.toContain('{');
    expect(r.marks.after[`edge:${guarded.id}`]).toBe('changed');
  });

  it('shows both languages when only the other language of a name changed', () => {
    const a = load('complaint-handling');
    const b = structuredClone(a);
    b.nodes.find((n) => n.id === 'intake')!.name = { en: 'Take the complaint (new)', zh: '受理投诉' };
    const zh = compareFlows(a, b, { catalog, locale: 'zh' });
    expect(zh.changes[0]!.text).toBe('「受理投诉」的名称：Take the complaint / 受理投诉 → Take the complaint (new) / 受理投诉');
    expect(compareFlows(a, b, { catalog, locale: 'en' }).changes[0]!.text).toBe("Name of 'Take the complaint (new)': Take the complaint → Take the complaint (new)");
  });

  it('matches a connection whose id changed by its ends', () => {
    const a = load('complaint-handling');
    const b = structuredClone(a);
    b.edges[0]!.id = 'renamed-edge';
    expect(compareFlows(a, b, { catalog }).changes).toEqual([]);
  });

  it('shows which role gains or loses access to which fields when the step roles change', () => {
    const a = load('complaint-handling');
    const b = structuredClone(a);
    task(b, 'investigate').roles = ['warehouse', 'service'];
    const r = compareFlows(a, b, { catalog });
    expect(r.changes.find((c) => c.property === 'roles')?.text).toBe("Roles of 'Investigate': Warehouse → Warehouse, Customer service");
    const perm = r.changes.find((c) => c.subject === 'permission' && c.property === 'access')!;
    expect(perm.roles).toEqual(['service']);
    expect(perm.text).toMatch(/^Access of 'Customer service' at 'Investigate': .*'severity'.* no access → (view|edit)/);
    const service = r.byRole.find((x) => x.role === 'service')!;
    expect(service.name).toBe('Customer service');
    expect(service.lines[0]).toBe("now works on 'Investigate'");
    expect(r.byRole.find((x) => x.role === 'warehouse')).toBeUndefined();
  });

  it('reports window changes in the catalog as permissions of the steps that use them', () => {
    const a = load('complaint-handling');
    const after = structuredClone(catalog);
    const win = after.windows.find((w) => w.id === task(a, 'investigate').window)!;
    const field = win.fields.find((f) => win.access.warehouse === 'edit' && win.fieldAccess?.[f]?.warehouse === undefined)!;
    win.fieldAccess = { ...win.fieldAccess, [field]: { warehouse: 'view' } };
    win.required = [...(win.required ?? []), field];
    const r = compareFlows(a, a, { catalog: after, catalogBefore: catalog });
    const subjects = r.changes.map((c) => `${c.subject}:${c.property}`);
    expect(subjects).toContain('permission:access');
    expect(subjects).toContain('window:fieldAccess');
    expect(subjects).toContain('window:required');
    expect(r.changes.find((c) => c.subject === 'permission')!.text).toContain('edit → view');
    expect(r.marks.after.investigate).toBe('changed');
    expect(r.byRole.find((x) => x.role === 'warehouse')?.lines.some((l) => l.includes('edit → view'))).toBe(true);
  });

  it('covers control points and who they notify', () => {
    const a = load('credit-limit-review');
    const b = structuredClone(a);
    b.controls = [
      ...(b.controls ?? []),
      { id: 'big', kind: 'alert', name: { en: 'Big limit', zh: '大额' }, when: { '>': [{ var: 'customer.creditLimit' }, 100000] }, message: { en: 'Look.' }, notify: ['finance'] },
    ];
    const r = compareFlows(a, b, { catalog, locale: 'zh' });
    expect(r.changes.map((c) => c.text)).toContain('新增控制点「大额」（提醒）');
    expect(r.byRole.find((x) => x.role === 'finance')?.lines).toContain('将收到「大额」的通知');
  });

  it('compares every sample flow with itself without a change', () => {
    for (const id of ['lead-to-order', 'new-order', 'prepaid-order', 'quotation', 'rework-order', 'sample-order', 'new-customer-approval']) {
      const f = load(id);
      expect(compareFlows(f, structuredClone(f), { catalog }).changes).toEqual([]);
    }
  });
});
