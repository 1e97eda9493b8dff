// A small reference walk of a scenario through a flow, with the semantics that
// examples/flows/scenarios/README.md describes. It keeps the sample scenarios
// honest (guards, windows, access, required fields, gates) until the real
// simulator exists; it is not the engine.
import { evaluate, truthy } from '../../src/logic/index.js';
import type { Catalog, Flow, FlowNode, TaskNode, Window } from '../../src/schema/index.js';
import type { Scenario } from './load-examples.js';

type Data = Record<string, unknown>;
type Patch = Record<string, unknown>;

export interface WalkResult {
  path: string[];
  outcome: string | undefined;
  /** Everything that would stop the scenario on a real run, in plain words. */
  problems: string[];
}

const MAX_STEPS = 200;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Reads a dotted path. */
export function getPath(data: Data, path: string): unknown {
  let cur: unknown = data;
  for (const seg of path.split('.')) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

/** Writes a dotted path, creating objects on the way. */
export function setPath(data: Data, path: string, value: unknown): void {
  const segs = path.split('.');
  let cur: Data = data;
  for (const seg of segs.slice(0, -1)) {
    if (!isPlainObject(cur[seg])) cur[seg] = {};
    cur = cur[seg] as Data;
  }
  cur[segs[segs.length - 1]!] = value;
}

/** The dotted paths a patch writes: `{customer: {a: 1}}` and `{'customer.a': 1}` both write `customer.a`. */
export function flattenPatch(patch: Patch, flow: Flow): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(patch)) {
    if (!key.includes('.') && flow.data[key]?.type === 'record' && isPlainObject(value)) {
      for (const [field, v] of Object.entries(value)) out.push([`${key}.${field}`, v]);
    } else out.push([key, value]);
  }
  return out;
}

function applyPatch(data: Data, patch: Patch, flow: Flow): void {
  for (const [path, value] of flattenPatch(patch, flow)) setPath(data, path, structuredClone(value));
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

/** The record variable a task's window opens. */
export function taskRecord(task: TaskNode, win: Window, flow: Flow): string | undefined {
  if (task.record) return task.record;
  const vars = Object.entries(flow.data).filter(([, v]) => v.type === 'record' && v.entity === win.entity);
  return vars.length === 1 ? vars[0]![0] : undefined;
}

/** The access a role has to a window field: the field override, else the window's. */
export function fieldAccess(win: Window, field: string, role: string): 'edit' | 'view' | 'none' {
  return win.fieldAccess?.[field]?.[role] ?? win.access[role] ?? 'none';
}

/**
 * Walks `scenario` through `flow`: tasks apply their choices, system steps
 * assign, decisions take the first true guard in edge order or the default,
 * waits and sub-flows apply their choices (data arriving / data returned).
 */
export function walkScenario(flow: Flow, catalog: Catalog, scenario: Scenario): WalkResult {
  const data = structuredClone(scenario.data);
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const windows = new Map(catalog.windows.map((w) => [w.id, w]));
  const entities = new Map(catalog.entities.map((e) => [e.id, e]));
  const visits = new Map<string, number>();
  const doneBy = new Map<string, string>();
  const path: string[] = [];
  const problems: string[] = [];
  const outgoing = (id: string) => flow.edges.filter((e) => e.source === id);
  const choiceFor = (id: string): Patch | undefined => {
    const c = scenario.choices?.[id];
    const n = visits.get(id) ?? 0;
    visits.set(id, n + 1);
    if (Array.isArray(c)) {
      if (n >= c.length) problems.push(`'${id}' is reached ${n + 1} times but has ${c.length} choices`);
      return c[n];
    }
    return c;
  };

  let node: FlowNode | undefined = flow.nodes.find((n) => n.kind === 'start');
  for (let step = 0; node && step < MAX_STEPS; step++) {
    path.push(node.id);
    if (node.kind === 'end') return { path, outcome: node.outcome, problems };
    let next: string | undefined;
    switch (node.kind) {
      case 'task': {
        checkTask(node, choiceFor(node.id));
        next = outgoing(node.id)[0]?.target;
        break;
      }
      case 'system':
        for (const a of node.assign ?? []) setPath(data, a.target, evaluate(a.value, data));
        next = outgoing(node.id)[0]?.target;
        break;
      case 'wait':
      case 'subflow': {
        const patch = choiceFor(node.id);
        if (patch) applyPatch(data, patch, flow);
        next = outgoing(node.id)[0]?.target;
        break;
      }
      case 'decision': {
        const edges = outgoing(node.id);
        const hit = edges.find((e) => !e.default && e.guard !== undefined && truthy(evaluate(e.guard, data))) ?? edges.find((e) => e.default);
        next = hit?.target;
        break;
      }
      default:
        next = outgoing(node.id)[0]?.target;
    }
    node = next ? byId.get(next) : undefined;
    if (!node) problems.push(`the walk stops after '${path[path.length - 1]}'`);
  }
  if (node) problems.push(`no end after ${MAX_STEPS} steps`);
  return { path, outcome: undefined, problems };

  function checkTask(task: TaskNode, patch: Patch | undefined): void {
    const role = (task.roles ?? []).find((r) => scenario.actors[r] !== undefined);
    const where = `task '${task.id}'`;
    if (!role) {
      problems.push(`${where}: no actor for roles ${(task.roles ?? []).join(', ')}`);
      return;
    }
    const user = scenario.actors[role]!;
    for (const other of task.notSameActorAs ?? []) {
      if (doneBy.get(other) === user) problems.push(`${where}: ${user} also did '${other}' (separation of duties)`);
    }
    doneBy.set(task.id, user);
    for (const gate of flow.controls ?? []) {
      if (gate.kind === 'gate' && gate.blocks?.includes(task.id) && truthy(evaluate(gate.when, data))) problems.push(`${where}: blocked by gate '${gate.id}'`);
    }
    const win = task.window ? windows.get(task.window) : undefined;
    const recordVar = win ? taskRecord(task, win, flow) : undefined;
    if (win && recordVar) {
      const record = getPath(data, recordVar);
      if (win.recordFilter !== undefined && !truthy(evaluate(win.recordFilter, isPlainObject(record) ? record : {}))) {
        problems.push(`${where}: window '${win.id}' would not list the record (its record-display condition is false)`);
      }
    }
    if (patch) {
      for (const [p] of flattenPatch(patch, flow)) {
        const [head, field, ...rest] = p.split('.');
        if (task.fields?.includes(p)) continue;
        if (!win || head !== recordVar || !field || rest.length > 0 || !win.fields.includes(field)) {
          problems.push(`${where}: writes '${p}', which its window does not show`);
        } else if (fieldAccess(win, field, role) !== 'edit') {
          problems.push(`${where}: ${role} may not edit '${field}' in window '${win.id}'`);
        }
      }
      applyPatch(data, patch, flow);
    }
    if (win && recordVar) {
      const entity = entities.get(win.entity);
      const required = new Set([...(win.required ?? []), ...(entity?.fields.filter((f) => f.required).map((f) => f.id) ?? [])]);
      for (const f of required) {
        if (isEmpty(getPath(data, `${recordVar}.${f}`))) problems.push(`${where}: required field '${recordVar}.${f}' is empty when the step is completed`);
      }
    }
    for (const p of task.required ?? []) if (isEmpty(getPath(data, p))) problems.push(`${where}: '${p}' is required`);
  }
}
