import { describe, expect, it } from 'vitest';
import { parseCatalog, type Catalog, type Flow } from '@crm/flow-runtime';
import { catalogCommands as c, catalogFindings, createCatalogStore, permissionMatrix } from '../../src/index.js';
import { newCustomerApproval, sampleCatalog } from '../fixtures/samples.js';

const fresh = (): Catalog => structuredClone(sampleCatalog);
const windowOf = (cat: Catalog, id: string) => cat.windows.find((w) => w.id === id)!;

describe('catalog commands', () => {
  it('adds a window on an entity with all its fields and no access, under a free id, and undo removes it', () => {
    const store = createCatalogStore(fresh());
    const cmd = c.addWindow(store.getSnapshot().catalog, 'complaint', { en: 'Returns', zh: '退货' });
    store.run(cmd);
    const w = windowOf(store.getSnapshot().catalog, cmd.id);
    expect(w.entity).toBe('complaint');
    expect(w.fields).toEqual(sampleCatalog.entities.find((e) => e.id === 'complaint')!.fields.map((f) => f.id));
    expect(w.access).toEqual({});
    expect(parseCatalog(store.getSnapshot().catalog).ok).toBe(true);
    const again = c.addWindow(store.getSnapshot().catalog, 'complaint', { en: 'Returns 2' });
    expect(again.id).not.toBe(cmd.id);
    store.undo();
    expect(store.getSnapshot().catalog.windows.some((x) => x.id === cmd.id)).toBe(false);
    store.redo();
    expect(store.getSnapshot().catalog.windows.some((x) => x.id === cmd.id)).toBe(true);
  });

  it('sets window access and per-field overrides, removing an override falls back to the window', () => {
    const store = createCatalogStore(fresh());
    const id = 'customer-info';
    const field = windowOf(sampleCatalog, id).fields[0]!;
    store.run(c.setRoleAccess(id, 'service', 'view'));
    store.run(c.setFieldAccess(id, field, 'service', 'edit'));
    let w = windowOf(store.getSnapshot().catalog, id);
    expect(w.access.service).toBe('view');
    expect(w.fieldAccess?.[field]?.service).toBe('edit');
    store.run(c.setFieldAccess(id, field, 'service', undefined));
    w = windowOf(store.getSnapshot().catalog, id);
    expect(w.fieldAccess?.[field]?.service).toBeUndefined();
    store.run(c.setRoleAccess(id, 'service', 'none'));
    expect('service' in windowOf(store.getSnapshot().catalog, id).access).toBe(false);
    // four steps, all undoable back to the start
    for (let i = 0; i < 4; i++) store.undo();
    expect(store.getSnapshot().catalog).toEqual(sampleCatalog);
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('hiding a field drops it from required and overrides; a window keeps at least one field', () => {
    const cat = fresh();
    const w0 = windowOf(cat, 'customer-info');
    const [first] = w0.fields;
    const store = createCatalogStore(cat);
    store.run(c.setFieldRequired('customer-info', first!, true));
    store.run(c.setFieldAccess('customer-info', first!, 'finance', 'edit'));
    store.run(c.setFieldShown('customer-info', first!, false));
    const w = windowOf(store.getSnapshot().catalog, 'customer-info');
    expect(w.fields).not.toContain(first);
    expect(w.required ?? []).not.toContain(first);
    expect(w.fieldAccess?.[first!]).toBeUndefined();
    store.run(c.setFieldShown('customer-info', first!, true));
    expect(windowOf(store.getSnapshot().catalog, 'customer-info').fields[0]).toBe(first);
    const lone = createCatalogStore({ ...fresh(), windows: [{ ...w0, fields: [first!] }] });
    lone.run(c.setFieldShown('customer-info', first!, false));
    expect(lone.getSnapshot().catalog.windows[0]!.fields).toEqual([first]);
  });

  it('typing a name is one undo step; a record-display condition can be set and removed', () => {
    const store = createCatalogStore(fresh());
    for (const s of ['C', 'Cu', 'Cus']) store.run(c.renameWindow('customer-info', 'en', s), { typing: 'name' });
    store.flush();
    store.run(c.setRecordFilter('customer-info', { '==': [{ var: 'status' }, 'active'] }));
    expect(windowOf(store.getSnapshot().catalog, 'customer-info').recordFilter).toEqual({ '==': [{ var: 'status' }, 'active'] });
    store.undo();
    expect(windowOf(store.getSnapshot().catalog, 'customer-info').recordFilter).toBe(windowOf(sampleCatalog, 'customer-info').recordFilter);
    expect(windowOf(store.getSnapshot().catalog, 'customer-info').name.en).toBe('Cus');
    store.undo();
    expect(windowOf(store.getSnapshot().catalog, 'customer-info').name.en).toBe(windowOf(sampleCatalog, 'customer-info').name.en);
  });

  it('refuses to edit a window that does not exist, naming it', () => {
    const store = createCatalogStore(fresh());
    expect(() => store.run(c.setRoleAccess('no-such-window', 'service', 'edit'))).toThrow(/no-such-window/);
  });
});

describe('catalog findings and their fixes', () => {
  const flowWith = (roles: string[]): Flow => {
    const f = newCustomerApproval();
    const t = f.nodes.find((n) => n.kind === 'task' && n.window === 'customer-info');
    if (t?.kind !== 'task') throw new Error('fixture has no customer-info task');
    t.roles = roles;
    return f;
  };

  it("says a role cannot edit a task's window and fixes it in one command", () => {
    const cat = fresh();
    windowOf(cat, 'customer-info').access = { ...windowOf(cat, 'customer-info').access };
    delete windowOf(cat, 'customer-info').access.service;
    delete windowOf(cat, 'customer-info').fieldAccess;
    const flow = flowWith(['service']);
    const found = catalogFindings(cat, [flow], 'en').find((f) => f.code === 'role-cannot-edit-window')!;
    expect(found.message).toMatch(/Customer service/);
    expect(found.fix?.label).toMatch(/^Give 'Customer service' edit access to window /);
    const zh = catalogFindings(cat, [flow], 'zh').find((f) => f.code === 'role-cannot-edit-window')!;
    expect(zh.fix?.label).toMatch(/^为“客服”开放窗口/);
    const store = createCatalogStore(cat);
    store.run(found.fix!.command);
    expect(windowOf(store.getSnapshot().catalog, 'customer-info').access.service).toBe('edit');
    expect(catalogFindings(store.getSnapshot().catalog, [flow], 'en').some((f) => f.code === 'role-cannot-edit-window')).toBe(false);
  });

  it('flags a required field the window does not show, and its fix shows it', () => {
    const cat = fresh();
    const w = windowOf(cat, 'customer-info');
    const hidden = sampleCatalog.entities.find((e) => e.id === w.entity)!.fields.find((f) => !w.fields.includes(f.id)) ?? { id: w.fields.at(-1)! };
    w.fields = w.fields.filter((f) => f !== hidden.id);
    w.required = [hidden.id];
    w.access = { ...w.access, service: 'edit' };
    const f = catalogFindings(cat, [flowWith(['service'])], 'en').find((x) => x.code === 'required-field-hidden')!;
    expect(f.message).toMatch(/requires/);
    const store = createCatalogStore(cat);
    store.run(f.fix!.command);
    expect(windowOf(store.getSnapshot().catalog, 'customer-info').fields).toContain(hidden.id);
    expect(catalogFindings(store.getSnapshot().catalog, [flowWith(['service'])], 'en').some((x) => x.code === 'required-field-hidden')).toBe(false);
  });

  it('the permission matrix shows each role per step and field, dashes for roles that do not do the step', () => {
    const cat = fresh();
    const w = windowOf(cat, 'customer-info');
    const field = w.fields[0]!;
    w.access = { 'sales-rep': 'edit', service: 'view' };
    w.fieldAccess = { [field]: { 'sales-rep': 'view' } };
    const flow = flowWith(['sales-rep', 'service']);
    const step = permissionMatrix(flow, cat, 'en').find((s) => s.window?.id === 'customer-info')!;
    const row = step.fields.find((x) => x.path === field)!;
    expect(row.cells['sales-rep']).toBe('view');
    expect(row.cells.service).toBe('view');
    expect(row.cells.finance).toBe('not-theirs');
    const other = step.fields.find((x) => x.path !== field)!;
    expect(other.cells['sales-rep']).toBe('edit');
  });
});
