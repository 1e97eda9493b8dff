// Random valid flows for property tests: series-parallel structures of tasks,
// system steps, exclusive choices (with a default) and parallel blocks, built
// from a random block tree so every flow is well formed by construction.
import fc from 'fast-check';
import type { Flow, FlowEdge, FlowNode } from '../../src/schema/flow.js';

export const ROLES = ['r0', 'r1', 'r2'] as const;
export const FIELDS = 4;

export type Block =
  | { k: 'task'; roles: string[]; mandatory: boolean; field: number }
  | { k: 'sys'; field: number; value: number }
  | { k: 'seq'; items: Block[] }
  | { k: 'par'; branches: Block[] }
  | { k: 'choice'; field: number; threshold: number; branches: Block[] };

const field = fc.integer({ min: 0, max: FIELDS - 1 });

export const blockArb: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ k: fc.constant('task' as const), roles: fc.subarray([...ROLES], { minLength: 1 }), mandatory: fc.boolean(), field }),
    fc.record({ k: fc.constant('sys' as const), field, value: fc.integer({ min: -5, max: 20 }) }),
    fc.record({ k: fc.constant('seq' as const), items: fc.array(tie('block'), { minLength: 1, maxLength: 4 }) }),
    fc.record({ k: fc.constant('par' as const), branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }),
    fc.record({ k: fc.constant('choice' as const), field, threshold: fc.integer({ min: 0, max: 10 }), branches: fc.array(tie('block'), { minLength: 2, maxLength: 3 }) }),
  ),
})).block;

/** Facts the properties check against. */
export interface BuiltFlow {
  flow: Flow;
  /** Task nodes not inside any choice branch: every completed run passes them. */
  unconditional: Set<string>;
  mandatory: Set<string>;
  /** Join node → the task nodes inside its parallel block. */
  joins: Map<string, string[]>;
  /** Task node → its roles and the field it may write. */
  tasks: Map<string, { roles: string[]; field: string }>;
}

/** Turns a block tree into a flow: start → block → end. */
export function buildFlow(root: Block, id = 'random'): BuiltFlow {
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const unconditional = new Set<string>();
  const mandatory = new Set<string>();
  const joins = new Map<string, string[]>();
  const tasks = new Map<string, { roles: string[]; field: string }>();
  let n = 0;
  const add = (node: Record<string, unknown>) => {
    const nodeId = `${String(node.kind)}${++n}`;
    nodes.push({ id: nodeId, name: { en: nodeId }, ...node } as FlowNode);
    return nodeId;
  };
  const link = (source: string, target: string, extra: Partial<FlowEdge> = {}) => edges.push({ id: `e${edges.length + 1}`, source, target, ...extra });

  /** Builds a block; returns its entry and exit node ids and the task nodes inside. */
  const build = (b: Block, conditional: boolean): { entry: string; exit: string; inner: string[] } => {
    switch (b.k) {
      case 'task': {
        const t = add({ kind: 'task', roles: b.roles, mandatory: b.mandatory, fields: [`v${b.field}`] });
        tasks.set(t, { roles: b.roles, field: `v${b.field}` });
        if (!conditional) unconditional.add(t);
        if (b.mandatory) mandatory.add(t);
        return { entry: t, exit: t, inner: [t] };
      }
      case 'sys': {
        const s = add({ kind: 'system', assign: [{ target: `v${b.field}`, value: b.value }] });
        return { entry: s, exit: s, inner: [] };
      }
      case 'seq': {
        const parts = b.items.map((x) => build(x, conditional));
        for (let i = 1; i < parts.length; i++) link(parts[i - 1]!.exit, parts[i]!.entry);
        return { entry: parts[0]!.entry, exit: parts.at(-1)!.exit, inner: parts.flatMap((p) => p.inner) };
      }
      case 'par': {
        const split = add({ kind: 'parallel' });
        const parts = b.branches.map((x) => build(x, conditional));
        const join = add({ kind: 'join' });
        for (const p of parts) {
          link(split, p.entry);
          link(p.exit, join);
        }
        const inner = parts.flatMap((p) => p.inner);
        joins.set(join, inner);
        return { entry: split, exit: join, inner };
      }
      case 'choice': {
        const decision = add({ kind: 'decision' });
        const parts = b.branches.map((x) => build(x, true));
        const merge = add({ kind: 'system' });
        parts.forEach((p, i) => {
          const last = i === parts.length - 1;
          link(decision, p.entry, last ? { default: true } : { guard: { '>': [{ var: `v${b.field}` }, b.threshold + i] } });
          link(p.exit, merge);
        });
        return { entry: decision, exit: merge, inner: parts.flatMap((p) => p.inner) };
      }
    }
  };

  const start = add({ kind: 'start' });
  const body = build(root, false);
  const end = add({ kind: 'end', outcome: 'done' });
  link(start, body.entry);
  link(body.exit, end);
  const data: Flow['data'] = {};
  for (let i = 0; i < FIELDS; i++) data[`v${i}`] = { type: 'number' };
  return { flow: { id, version: 1, name: { en: 'Random' }, data, nodes, edges }, unconditional, mandatory, joins, tasks };
}

/** Actors: one per role, a second r0 user, and one holding two roles. */
export const ACTORS = [
  { id: 'a0', roles: ['r0'] },
  { id: 'a1', roles: ['r1'] },
  { id: 'a2', roles: ['r2'] },
  { id: 'a3', roles: ['r0'] },
  { id: 'a4', roles: ['r1', 'r2'] },
];

export type Step =
  | { kind: 'complete'; pick: number; actor: number; field: number; value: number; concurrent: boolean; actor2: number }
  | { kind: 'update'; actor: number; field: number; value: number };

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('complete' as const), pick: fc.nat(20), actor: fc.nat(ACTORS.length - 1), field, value: fc.integer({ min: -5, max: 20 }), concurrent: fc.boolean(), actor2: fc.nat(ACTORS.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('update' as const), actor: fc.nat(ACTORS.length - 1), field, value: fc.integer({ min: -5, max: 20 }) }) },
);
