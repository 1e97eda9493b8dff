/**
 * A deployed flow version prepared for running: nodes and ordered outgoing
 * edges indexed, every rule (guards, controls, SLA hours, timers, waits,
 * assignments, sub-flow mappings) compiled once with `prepareRule`, tasks
 * bound to their windows. Cached per definition object, so a version is
 * compiled once however many instances run on it.
 */
import type { Catalog } from '../schema/catalog.js';
import type { Control, FlowEdge, FlowNode, Flow, TaskNode } from '../schema/flow.js';
import { indexEntities, resolveDataPath, type EntityIndex, type PathInfo } from '../schema/data-paths.js';
import { prepareRule } from '../logic/evaluate.js';
import type { CompiledRule, RuleSource } from '../logic/compile.js';
import { bindTask, type TaskBinding } from './access.js';
import { mandatoryDominators } from './dominators.js';

/** An edge with its guard compiled. */
export interface CompiledEdge {
  edge: FlowEdge;
  guard?: CompiledRule;
  /** True for a node's default edge. */
  byDefault: boolean;
}

/** A control with its condition compiled. */
export interface CompiledControl {
  control: Control;
  when: CompiledRule;
}

/** A flow version ready to run. */
export interface CompiledFlow {
  flow: Flow;
  id: string;
  version: number;
  start: FlowNode;
  nodes: Map<string, FlowNode>;
  /** Outgoing edges in definition order, without the default edge. */
  out: Map<string, CompiledEdge[]>;
  /** The default outgoing edge of a node, if any. */
  defaults: Map<string, CompiledEdge>;
  controls: CompiledControl[];
  /** Gates naming each node. */
  gates: Map<string, CompiledControl[]>;
  tasks: Map<string, TaskBinding>;
  /** True when some step runs a sub-flow. */
  subflows: boolean;
  /** Compiled rules of nodes: `sla`, `until`, `timer`, `assign:<i>`, `in:<var>`, `out:<path>`. */
  rules: Map<string, Map<string, CompiledRule>>;
  /** Mandatory task nodes on every path from the start to each node (computed on first use). */
  mandatoryBefore(nodeId: string): string[];
  /** Type information of a data path (memoised). */
  pathInfo(path: string): PathInfo;
  /** The memoised information of a path resolved before, if any. */
  knownPath(path: string): PathInfo | undefined;
  catalog?: Catalog;
}

const cache = new WeakMap<Flow, WeakMap<object, CompiledFlow>>();
const NONE: string[] = [];
const NO_CATALOG = {};
/** Data paths a compiled flow keeps resolved (the flow's own paths and list items number far fewer). */
const MAX_MEMO_PATHS = 10_000;

/** Compiles (or returns the cached compilation of) a parsed flow against a catalog. */
export function compileFlow(flow: Flow, catalog?: Catalog, rules?: RuleSource): CompiledFlow {
  // With rules compiled ahead of time the caller keeps the compilation (the engine's definition cache).
  if (rules) return build(flow, catalog, (r) => rules(r) ?? prepareRule(r));
  let byCatalog = cache.get(flow);
  if (!byCatalog) cache.set(flow, (byCatalog = new WeakMap()));
  const key = catalog ?? NO_CATALOG;
  const hit = byCatalog.get(key);
  if (hit) return hit;
  const compiled = build(flow, catalog, prepareRule);
  byCatalog.set(key, compiled);
  return compiled;
}

function build(flow: Flow, catalog: Catalog | undefined, prepareRule: (rule: unknown) => CompiledRule): CompiledFlow {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const start = flow.nodes.find((n) => n.kind === 'start');
  if (!start) throw new Error(`Flow '${flow.id}' has no start node.`);
  const out = new Map<string, CompiledEdge[]>();
  const defaults = new Map<string, CompiledEdge>();
  for (const n of flow.nodes) out.set(n.id, []);
  for (const edge of flow.edges) {
    const ce: CompiledEdge = edge.guard === undefined ? { edge, byDefault: edge.default === true } : { edge, guard: prepareRule(edge.guard), byDefault: edge.default === true };
    if (edge.default) defaults.set(edge.source, ce);
    else out.get(edge.source)?.push(ce);
  }
  const controls = (flow.controls ?? []).map((control) => ({ control, when: prepareRule(control.when) }));
  const gates = new Map<string, CompiledControl[]>();
  for (const c of controls) {
    if (c.control.kind !== 'gate') continue;
    for (const nodeId of c.control.blocks ?? []) gates.set(nodeId, [...(gates.get(nodeId) ?? []), c]);
  }
  const tasks = new Map<string, TaskBinding>();
  const rules = new Map<string, Map<string, CompiledRule>>();
  for (const n of flow.nodes) {
    const r = new Map<string, CompiledRule>();
    if (n.kind === 'task') {
      tasks.set(n.id, bindTask(n, flow, catalog));
      if (n.sla) r.set('sla', prepareRule(n.sla.hours));
    } else if (n.kind === 'wait') {
      if (n.until !== undefined) r.set('until', prepareRule(n.until));
      if (n.timer) r.set('timer', prepareRule(n.timer.hours));
    } else if (n.kind === 'system') {
      (n.assign ?? []).forEach((a, i) => r.set(`assign:${i}`, prepareRule(a.value)));
    } else if (n.kind === 'subflow') {
      for (const [k, v] of Object.entries(n.input ?? {})) r.set(`in:${k}`, prepareRule(v));
      for (const [k, v] of Object.entries(n.output ?? {})) r.set(`out:${k}`, prepareRule(v));
    }
    if (r.size) rules.set(n.id, r);
  }
  const entities: EntityIndex | undefined = indexEntities(catalog);
  const paths = new Map<string, PathInfo>();
  let dominators: Map<string, string[]> | undefined;
  const mandatory = new Set(flow.nodes.filter((n): n is TaskNode => n.kind === 'task' && n.mandatory === true).map((n) => n.id));
  return {
    flow,
    id: flow.id,
    version: flow.version,
    start,
    nodes,
    out,
    defaults,
    controls,
    gates,
    tasks,
    rules,
    catalog,
    subflows: flow.nodes.some((n) => n.kind === 'subflow'),
    mandatoryBefore(nodeId) {
      if (mandatory.size === 0) return NONE;
      dominators ??= mandatoryDominators(flow, start.id, mandatory);
      return dominators.get(nodeId) ?? NONE;
    },
    knownPath: (path) => paths.get(path),
    pathInfo(path) {
      let info = paths.get(path);
      if (info) return info;
      info = resolveDataPath(path, flow.data, entities);
      // Written paths come from callers: past a bound, new ones are resolved each time instead of kept.
      if (paths.size < MAX_MEMO_PATHS) paths.set(path, info);
      return info;
    },
  };
}
