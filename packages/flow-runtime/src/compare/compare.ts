import type { Locale } from '../analysis/types.js';
import { bindTask } from '../engine/access.js';
import { describe, describeHours, describeValue } from '../logic/describe/index.js';
import type { Catalog, Window } from '../schema/catalog.js';
import { noteIn, type Access, type LocalizedNote, type LocalizedText } from '../schema/common.js';
import type { Control, Flow, FlowEdge, FlowNode, TaskNode } from '../schema/flow.js';
import { COMPARE_WORDS } from './words.js';

/** Whether a thing was added, removed or changed between two versions. */
export type ChangeKind = 'added' | 'removed' | 'changed';

/** What a change is about. */
export type ChangeSubject = 'flow' | 'step' | 'edge' | 'guard' | 'control' | 'sla' | 'permission' | 'window' | 'data';

/** One difference between two versions of a flow, in words. */
export interface FlowChange {
  kind: ChangeKind;
  subject: ChangeSubject;
  /** The id of the step, connection, control point, window or data variable concerned (`''` for the flow itself). */
  id: string;
  /** The property that changed (`sla`, `guard`, `roles`, `access`…); absent for whole additions and removals. */
  property?: string;
  /** The old value in words (`'none'` when it had none). */
  before?: string;
  /** The new value in words. */
  after?: string;
  /** The whole change as one sentence, e.g. `SLA of 'Investigate': none → 24 h, escalate to Sales manager`. */
  text: string;
  /** Step ids to highlight on the diagrams. */
  nodes: string[];
  /** Connection ids to highlight on the diagrams. */
  edges: string[];
  /** Role ids the change affects. */
  roles: string[];
}

/** What changes for one role. */
export interface RoleImpact {
  role: string;
  /** The role's name in the chosen language. */
  name: string;
  /** One sentence per change, e.g. `now works on 'Approve'`. */
  lines: string[];
}

/** The result of {@link compareFlows}. */
export interface FlowComparison {
  changes: FlowChange[];
  counts: { added: number; removed: number; changed: number };
  byRole: RoleImpact[];
  /**
   * Highlights per diagram: keys are step ids, and `edge:<id>` for
   * connections; `before` marks the old version (removed, changed), `after`
   * the new one (added, changed).
   */
  marks: { before: Record<string, ChangeKind>; after: Record<string, ChangeKind> };
}

/** Options of {@link compareFlows}. */
export interface CompareOptions {
  /** The catalog the new version runs against (names of roles, windows, fields; access rules). */
  catalog?: Catalog;
  /** The catalog of the old version when it differs (window and permission changes); defaults to `catalog`. */
  catalogBefore?: Catalog;
  /** Language of the words; English by default. */
  locale?: Locale;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const NODE_PROPS = [
  'kind', 'name', 'description', 'department', 'roles', 'window', 'record', 'fields', 'required', 'mandatory', 'sla', 'notSameActorAs',
  'question', 'outcome', 'until', 'timer', 'assign', 'alert', 'flow', 'version', 'input', 'output', 'notes',
] as const;
const EDGE_PROPS = ['source', 'target', 'guard', 'default', 'label', 'recordLink'] as const;
const CONTROL_PROPS = ['kind', 'name', 'when', 'message', 'notify', 'blocks', 'severity'] as const;
const WINDOW_PROPS = ['name', 'entity', 'fields', 'required', 'recordFilter'] as const;

/**
 * Compares two versions of a flow and says, in words, every step,
 * connection, condition, control point, SLA, permission and window that was
 * added, removed or changed, property by property — plus what changes for
 * each role. Headless: the designer renders it and a change-control review
 * can reuse it.
 *
 * Steps, connections and control points are matched by id (connections
 * whose id changed are matched by their ends). Moving a step on the diagram
 * is not a change. Permissions are the effective access of each role to
 * each field of a step's window, so a catalog change (`catalogBefore` vs
 * `catalog`) shows up on the steps it touches.
 *
 * @example
 * const { changes } = compareFlows(v1, v2, { catalog, locale: 'en' });
 * changes.map((c) => c.text);
 * // → ["SLA of 'Investigate': none → 24 h, escalate to Sales manager", …]
 */
export function compareFlows(before: Flow, after: Flow, options: CompareOptions = {}): FlowComparison {
  const locale = options.locale ?? 'en';
  const catalog = options.catalog;
  const catalogBefore = options.catalogBefore ?? catalog;
  const w = COMPARE_WORDS[locale];
  const changes: FlowChange[] = [];
  /** The raw old and new values of the property being pushed (set just before a `changed` push). */
  const changedPair: { current: [unknown, unknown] | undefined } = { current: undefined };
  const roleLines = new Map<string, string[]>();
  const tell = (role: string, line: string) => {
    const lines = roleLines.get(role) ?? [];
    if (!lines.includes(line)) lines.push(line);
    roleLines.set(role, lines);
  };

  const text = (t: LocalizedText | undefined) => (t ? ((locale === 'zh' ? t.zh : undefined) ?? t.en) : w.none);
  const roleName = (id: string) => text(catalog?.roles.find((r) => r.id === id)?.name ?? catalogBefore?.roles.find((r) => r.id === id)?.name) ?? id;
  const roleNameOr = (id: string) => (catalog?.roles.some((r) => r.id === id) || catalogBefore?.roles.some((r) => r.id === id) ? roleName(id) : id);
  const deptName = (id: string) => {
    const d = catalog?.departments.find((x) => x.id === id) ?? catalogBefore?.departments.find((x) => x.id === id);
    return d ? text(d.name) : id;
  };
  const windowName = (id: string) => {
    const win = catalog?.windows.find((x) => x.id === id) ?? catalogBefore?.windows.find((x) => x.id === id);
    return w.quote(win ? text(win.name) : id);
  };
  const stepName = (id: string) => {
    const n = after.nodes.find((x) => x.id === id) ?? before.nodes.find((x) => x.id === id);
    return w.quote(n ? text(n.name) : id);
  };
  const edgeName = (e: FlowEdge, flow: Flow) => {
    const name = (id: string) => {
      const n = flow.nodes.find((x) => x.id === id);
      return n ? text(n.name) : id;
    };
    return w.edge(name(e.source), name(e.target), e.label ? text(e.label) : undefined);
  };
  // A fixed number of hours as "8 h"; a rule with the unit on every result ("4 hours if critical, otherwise …"), never bare numbers.
  const hours = (rule: unknown, flow: Flow) => (typeof rule === 'number' ? w.hours(String(rule)) : describeHours(rule, catalog, locale, flow));
  const fieldLabel = (path: string, flow: Flow) => w.quote(describeValue({ var: path }, catalog, locale, flow));

  /** A property value in words. */
  const say = (prop: string, value: unknown, flow: Flow, owner?: string): string => {
    if (value === undefined || value === null) {
      if (prop === 'roles' && owner === 'start') return w.anyone;
      if (prop === 'mandatory' || prop === 'default') return w.no;
      return w.none;
    }
    switch (prop) {
      case 'name':
      case 'description':
      case 'question':
      case 'message':
      case 'label':
        return text(value as LocalizedText);
      case 'department':
        return deptName(value as string);
      case 'roles':
      case 'notify':
        return w.list((value as string[]).map(roleNameOr));
      case 'window':
        return windowName(value as string);
      case 'fields':
      case 'required':
        return w.list((value as string[]).map((p) => fieldLabel(p, flow)));
      case 'mandatory':
      case 'default':
        return value ? w.yes : w.no;
      case 'sla': {
        const sla = value as { hours: unknown; escalateTo?: string };
        return w.sla(hours(sla.hours, flow), sla.escalateTo ? roleNameOr(sla.escalateTo) : undefined);
      }
      case 'timer':
        return hours((value as { hours: unknown }).hours, flow);
      case 'notSameActorAs':
      case 'blocks':
        return w.list((value as string[]).map(stepName));
      case 'guard':
      case 'until':
      case 'when':
        return describe(value, catalog, locale, flow);
      case 'assign':
        return w.list((value as { target: string; value: unknown }[]).map((a) => `${fieldLabel(a.target, flow)} ← ${describeValue(a.value, catalog, locale, flow, a.target)}`));
      case 'alert': {
        const a = value as { message: LocalizedText; to: string[] };
        return `${text(a.message)} → ${w.list(a.to.map(roleNameOr))}`;
      }
      case 'input':
      case 'output':
        return w.list(Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k} ← ${describeValue(v, catalog, locale, flow)}`));
      case 'notes':
        return (value as LocalizedNote[]).map((n) => noteIn(n, locale)).join(' · ') || w.none;
      case 'kind':
      case 'severity':
        return w.kind[value as string] ?? String(value);
      case 'recordLink': {
        const l = value as { entity: string; field: string; equals: string };
        return `${l.entity}.${l.field} = ${fieldLabel(l.equals, flow)}`;
      }
      case 'source':
      case 'target':
        return stepName(value as string);
      default:
        return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
    }
  };

  const push = (c0: Omit<FlowChange, 'text'> & { text?: string }, owner: string) => {
    // Only the other language changed: show both so the change is visible.
    const c = { ...c0 };
    if (c.kind === 'changed' && c.before !== undefined && c.before === c.after && c.property) {
      const both = (v: unknown) => {
        const l = v as Partial<LocalizedText> | undefined;
        return l && typeof l === 'object' && typeof l.en === 'string' ? `${l.en} / ${l.zh ?? '—'}` : undefined;
      };
      const pair = changedPair.current;
      const b = both(pair?.[0]);
      const a = both(pair?.[1]);
      if (b !== undefined && a !== undefined) {
        c.before = b;
        c.after = a;
      }
    }
    changedPair.current = undefined;
    const t =
      c.text ??
      (c.kind === 'changed' && c.property
        ? w.changed(w.prop[c.property] ?? c.property, owner, c.before ?? w.none, c.after ?? w.none)
        : c.kind === 'added'
          ? w.added(w.subject[c.subject === 'guard' ? 'edge' : c.subject === 'sla' || c.subject === 'permission' ? 'step' : c.subject], owner)
          : w.removed(w.subject[c.subject === 'guard' ? 'edge' : c.subject === 'sla' || c.subject === 'permission' ? 'step' : c.subject], owner));
    changes.push({ ...c, text: t });
  };

  // The flow itself.
  for (const prop of ['name', 'description'] as const) {
    if (!same(before[prop], after[prop])) {
      changedPair.current = [before[prop], after[prop]];
      push({ kind: 'changed', subject: 'flow', id: '', property: prop, before: say(prop, before[prop], before), after: say(prop, after[prop], after), nodes: [], edges: [], roles: [] }, w.quote(text(after.name)));
    }
  }

  // Data variables.
  for (const [id, v] of Object.entries(before.data)) {
    const now = after.data[id];
    const owner = w.quote(v.name ? text(v.name) : id);
    if (!now) push({ kind: 'removed', subject: 'data', id, nodes: [], edges: [], roles: [] }, owner);
    else
      for (const prop of ['type', 'entity', 'name', 'options', 'itemFields'] as const) {
        if (same(v[prop], now[prop])) continue;
        const fmt = (x: unknown) => (prop === 'name' ? text(x as LocalizedText) : prop === 'options' ? w.list(((x as { value: string }[] | undefined) ?? []).map((o) => o.value)) : say(prop, x, after));
        push({ kind: 'changed', subject: 'data', id, property: prop, before: fmt(v[prop]), after: fmt(now[prop]), nodes: [], edges: [], roles: [] }, owner);
      }
  }
  for (const [id, v] of Object.entries(after.data)) {
    if (!before.data[id]) push({ kind: 'added', subject: 'data', id, nodes: [], edges: [], roles: [] }, w.quote(v.name ? text(v.name) : id));
  }

  // Steps.
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const rolesOf = (n: FlowNode | undefined): string[] => (n && (n.kind === 'task' || n.kind === 'start') ? (n.roles ?? []) : []);
  for (const n of before.nodes) {
    if (newNodes.has(n.id)) continue;
    const roles = rolesOf(n);
    push({ kind: 'removed', subject: 'step', id: n.id, nodes: [n.id], edges: [], roles }, `${w.quote(text(n.name))}${w.paren(w.kind[n.kind] ?? n.kind)}`);
    if (n.kind !== 'start') for (const r of roles) tell(r, w.roleLoses(w.quote(text(n.name))));
  }
  for (const n of after.nodes) {
    const old = oldNodes.get(n.id);
    const owner = w.quote(text(n.name));
    if (!old) {
      const roles = rolesOf(n);
      const where = n.department ? `${w.comma}${deptName(n.department)}` : '';
      push({ kind: 'added', subject: 'step', id: n.id, nodes: [n.id], edges: [], roles }, `${owner}${w.paren(`${w.kind[n.kind]}${where}`)}`);
      if (n.kind !== 'start') for (const r of roles) tell(r, w.roleGains(owner));
      if (n.kind === 'task' && n.sla?.escalateTo) tell(n.sla.escalateTo, w.roleEscalation(owner, true));
      continue;
    }
    const changedProps: string[] = [];
    const o = old as Record<string, unknown>;
    const m = n as Record<string, unknown>;
    for (const prop of NODE_PROPS) {
      if (same(o[prop], m[prop])) continue;
      const subject: ChangeSubject = prop === 'sla' ? 'sla' : prop === 'roles' || prop === 'notSameActorAs' ? 'permission' : prop === 'window' ? 'window' : 'step';
      const property = n.kind === 'start' && prop === 'roles' ? 'startRoles' : prop;
      const oldRoles = prop === 'roles' ? rolesOf(old) : [];
      const newRoles = prop === 'roles' ? rolesOf(n) : [];
      const touched = prop === 'roles' ? [...new Set([...oldRoles, ...newRoles])] : prop === 'sla' ? rolesOf(n) : [];
      changedPair.current = [o[prop], m[prop]];
      push(
        { kind: 'changed', subject, id: n.id, property, before: say(prop, o[prop], before, old.kind), after: say(prop, m[prop], after, n.kind), nodes: [n.id], edges: [], roles: touched },
        owner,
      );
      changedProps.push(w.prop[prop] ?? prop);
      if (prop === 'roles') {
        for (const r of newRoles) if (!oldRoles.includes(r)) tell(r, n.kind === 'start' ? w.roleStart(true) : w.roleGains(owner));
        for (const r of oldRoles) if (!newRoles.includes(r)) tell(r, n.kind === 'start' ? w.roleStart(false) : w.roleLoses(owner));
      }
      if (prop === 'sla') {
        const was = old.kind === 'task' ? old.sla?.escalateTo : undefined;
        const now = n.kind === 'task' ? n.sla?.escalateTo : undefined;
        if (was !== now) {
          if (was) tell(was, w.roleEscalation(owner, false));
          if (now) tell(now, w.roleEscalation(owner, true));
        }
      }
    }
    // Tell the people doing the step what else changed about it.
    const others = changedProps.filter((p) => p !== (w.prop.roles ?? 'roles') && p !== (w.prop.name ?? 'name'));
    if (others.length && n.kind === 'task') for (const r of rolesOf(n)) if (rolesOf(old).includes(r)) tell(r, w.roleStepChanged(owner, w.list(others)));
  }

  // Permissions: effective access of each role to each field, per step.
  for (const n of after.nodes) {
    const old = oldNodes.get(n.id);
    if (n.kind !== 'task' || old?.kind !== 'task') continue;
    const b = bindTask(old as TaskNode, before, catalogBefore);
    const a = bindTask(n, after, catalog);
    const pool = new Set<string>([...b.candidates, ...a.candidates]);
    if (!b.candidates.length && b.window) for (const r of Object.keys(b.window.access)) pool.add(r);
    if (!a.candidates.length && a.window) for (const r of Object.keys(a.window.access)) pool.add(r);
    const owner = w.quote(text(n.name));
    for (const role of pool) {
      const was = b.candidates.length === 0 || b.candidates.includes(role) ? b.accessFor([role]).access : {};
      const now = a.candidates.length === 0 || a.candidates.includes(role) ? a.accessFor([role]).access : {};
      const paths = [...new Set([...Object.keys(was), ...Object.keys(now)])];
      const diffs = paths.filter((p) => (was[p] ?? 'none') !== (now[p] ?? 'none'));
      if (!diffs.length) continue;
      const line = (p: string, acc: Record<string, Access>, flow: Flow) => `${fieldLabel(p, flow)}: ${w.access[acc[p] ?? 'none']}`;
      // One group per transition (no access → view: these fields).
      const groups = new Map<string, string[]>();
      for (const p of diffs) {
        const key = w.arrow(w.access[was[p] ?? 'none'], w.access[now[p] ?? 'none']);
        groups.set(key, [...(groups.get(key) ?? []), fieldLabel(p, after)]);
      }
      const said = [...groups].map(([arrow, fs]) => w.fieldsArrow(w.list(fs), arrow));
      push(
        {
          kind: 'changed',
          subject: 'permission',
          id: n.id,
          property: 'access',
          before: w.list(diffs.map((p) => line(p, was, before))),
          after: w.list(diffs.map((p) => line(p, now, after))),
          text: `${w.accessAt(w.quote(roleNameOr(role)), owner)}${w.colon}${said.join(w.sep)}`,
          nodes: [n.id],
          edges: [],
          roles: [role],
        },
        owner,
      );
      for (const [arrow, fs] of groups) tell(role, w.roleAccess(w.list(fs), owner, arrow));
    }
  }

  // Connections (matched by id, then by their ends).
  const newEdges = new Map(after.edges.map((e) => [e.id, e]));
  const oldEdges = new Map(before.edges.map((e) => [e.id, e]));
  const pairs: [FlowEdge, FlowEdge][] = [];
  const gone: FlowEdge[] = [];
  const taken = new Set<string>();
  for (const e of before.edges) {
    const m = newEdges.get(e.id);
    if (m) {
      pairs.push([e, m]);
      taken.add(m.id);
    } else gone.push(e);
  }
  const fresh = after.edges.filter((e) => !taken.has(e.id) && !oldEdges.has(e.id));
  for (const e of [...gone]) {
    const m = fresh.find((f) => f.source === e.source && f.target === e.target);
    if (m) {
      pairs.push([e, m]);
      fresh.splice(fresh.indexOf(m), 1);
      gone.splice(gone.indexOf(e), 1);
    }
  }
  const edgeChange = (c: Omit<FlowChange, 'text' | 'nodes' | 'roles'> & { text?: string; beforeId?: string }, owner: string) => {
    const { beforeId, ...rest } = c;
    push({ ...rest, nodes: [], roles: [] }, owner);
    if (beforeId && beforeId !== c.id) changes[changes.length - 1]!.edges.push(beforeId);
  };
  for (const e of gone) edgeChange({ kind: 'removed', subject: 'edge', id: e.id, edges: [e.id] }, edgeName(e, before));
  for (const e of fresh) edgeChange({ kind: 'added', subject: 'edge', id: e.id, edges: [e.id] }, edgeName(e, after));
  for (const [o, m] of pairs) {
    const owner = edgeName(m, after);
    for (const prop of EDGE_PROPS) {
      if (same(o[prop], m[prop])) continue;
      changedPair.current = [o[prop], m[prop]];
      edgeChange(
        { kind: 'changed', subject: prop === 'guard' || prop === 'default' ? 'guard' : 'edge', id: m.id, beforeId: o.id, property: prop, before: say(prop, o[prop], before), after: say(prop, m[prop], after), edges: [m.id] },
        owner,
      );
    }
  }

  // Control points.
  const oldControls = new Map((before.controls ?? []).map((c) => [c.id, c]));
  const newControls = new Map((after.controls ?? []).map((c) => [c.id, c]));
  const controlRoles = (c: Control) => c.notify ?? [];
  for (const c of before.controls ?? []) {
    if (newControls.has(c.id)) continue;
    const owner = w.quote(text(c.name));
    push({ kind: 'removed', subject: 'control', id: c.id, nodes: c.blocks ?? [], edges: [], roles: controlRoles(c) }, `${owner}${w.paren(w.kind[c.kind] ?? c.kind)}`);
    for (const r of controlRoles(c)) tell(r, w.roleNotified(owner, false));
  }
  for (const c of after.controls ?? []) {
    const old = oldControls.get(c.id);
    const owner = w.quote(text(c.name));
    if (!old) {
      push({ kind: 'added', subject: 'control', id: c.id, nodes: c.blocks ?? [], edges: [], roles: controlRoles(c) }, `${owner}${w.paren(w.kind[c.kind] ?? c.kind)}`);
      for (const r of controlRoles(c)) tell(r, w.roleNotified(owner, true));
      continue;
    }
    for (const prop of CONTROL_PROPS) {
      if (same(old[prop], c[prop])) continue;
      changedPair.current = [old[prop], c[prop]];
      push({ kind: 'changed', subject: 'control', id: c.id, property: prop, before: say(prop, old[prop], before), after: say(prop, c[prop], after), nodes: [...new Set([...(old.blocks ?? []), ...(c.blocks ?? [])])], edges: [], roles: [] }, owner);
      if (prop === 'notify') {
        for (const r of controlRoles(c)) if (!controlRoles(old).includes(r)) tell(r, w.roleNotified(owner, true));
        for (const r of controlRoles(old)) if (!controlRoles(c).includes(r)) tell(r, w.roleNotified(owner, false));
      }
    }
  }

  // Windows the flow uses, when the catalog changed between the versions.
  if (catalog && catalogBefore && catalog !== catalogBefore) {
    const used = new Set<string>();
    for (const f of [before, after]) for (const n of f.nodes) if (n.kind === 'task' && n.window) used.add(n.window);
    const stepsUsing = (id: string) => after.nodes.filter((n) => n.kind === 'task' && n.window === id).map((n) => n.id);
    for (const id of used) {
      const o = catalogBefore.windows.find((x) => x.id === id);
      const m = catalog.windows.find((x) => x.id === id);
      if (!o && !m) continue;
      const owner = windowName(id);
      if (!o || !m) {
        push({ kind: o ? 'removed' : 'added', subject: 'window', id, nodes: stepsUsing(id), edges: [], roles: Object.keys((m ?? o)!.access) }, owner);
        continue;
      }
      const fields = (win: Window, ids: readonly string[] | undefined) => {
        const entity = (win === o ? catalogBefore : catalog).entities.find((e) => e.id === win.entity);
        return w.list((ids ?? []).map((f) => w.quote(text(entity?.fields.find((x) => x.id === f)?.name) === w.none ? f : text(entity?.fields.find((x) => x.id === f)?.name))));
      };
      for (const prop of WINDOW_PROPS) {
        if (same(o[prop], m[prop])) continue;
        const fmt = (win: Window) =>
          prop === 'name' ? text(win.name) : prop === 'fields' || prop === 'required' ? fields(win, win[prop]) : prop === 'recordFilter' ? (win.recordFilter === undefined ? w.none : describe(win.recordFilter, catalog, locale)) : win.entity;
        push({ kind: 'changed', subject: 'window', id, property: prop, before: fmt(o), after: fmt(m), nodes: stepsUsing(id), edges: [], roles: [] }, owner);
      }
      const roles = [...new Set([...Object.keys(o.access), ...Object.keys(m.access)])];
      const acc = (win: Window, r: string) => w.access[win.access[r] ?? 'none'];
      const accessDiff = roles.filter((r) => (o.access[r] ?? 'none') !== (m.access[r] ?? 'none'));
      if (accessDiff.length) {
        push(
          {
            kind: 'changed', subject: 'window', id, property: 'access',
            before: w.list(accessDiff.map((r) => `${roleNameOr(r)}: ${acc(o, r)}`)),
            after: w.list(accessDiff.map((r) => `${roleNameOr(r)}: ${acc(m, r)}`)),
            nodes: stepsUsing(id), edges: [], roles: accessDiff,
          },
          owner,
        );
      }
      if (!same(o.fieldAccess ?? {}, m.fieldAccess ?? {})) {
        const keys = [...new Set([...Object.keys(o.fieldAccess ?? {}), ...Object.keys(m.fieldAccess ?? {})])].filter((f) => !same(o.fieldAccess?.[f], m.fieldAccess?.[f]));
        const fmt = (win: Window) => w.list(keys.map((f) => `${fields(win, [f])}: ${w.list(Object.entries(win.fieldAccess?.[f] ?? {}).map(([r, a]) => `${roleNameOr(r)} ${w.access[a]}`))}`));
        push({ kind: 'changed', subject: 'window', id, property: 'fieldAccess', before: fmt(o), after: fmt(m), nodes: stepsUsing(id), edges: [], roles: [] }, owner);
      }
    }
  }

  // Highlights.
  const marks: FlowComparison['marks'] = { before: {}, after: {} };
  const mark = (side: Record<string, ChangeKind>, key: string, kind: ChangeKind) => {
    if (!side[key] || kind !== 'changed') side[key] = kind;
  };
  for (const c of changes) {
    for (const id of c.nodes) {
      if (c.kind === 'removed' && c.subject === 'step') mark(marks.before, id, 'removed');
      else if (c.kind === 'added' && c.subject === 'step') mark(marks.after, id, 'added');
      else {
        if (oldNodes.has(id)) mark(marks.before, id, 'changed');
        if (newNodes.has(id)) mark(marks.after, id, 'changed');
      }
    }
    for (const id of c.edges) {
      if (c.kind === 'removed') mark(marks.before, `edge:${id}`, 'removed');
      else if (c.kind === 'added') mark(marks.after, `edge:${id}`, 'added');
      else {
        if (oldEdges.has(id)) mark(marks.before, `edge:${id}`, 'changed');
        if (newEdges.has(id)) mark(marks.after, `edge:${id}`, 'changed');
      }
    }
  }

  const counts = { added: 0, removed: 0, changed: 0 };
  for (const c of changes) counts[c.kind]++;
  const order = (catalog?.roles ?? []).map((r) => r.id);
  const byRole = [...roleLines.entries()]
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? 1e9 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 1e9 : order.indexOf(b)))
    .map(([role, lines]) => ({ role, name: roleNameOr(role), lines }));
  return { changes, counts, byRole, marks };
}

