import type { Flow, SubflowNode, Variable } from '../../schema/flow.js';
import type { DataPatch } from '../../engine/types.js';
import { normalizePatch } from '../../engine/data.js';
import type { FlowRegistry } from '../types.js';

/** The variable a stand-in sub-flow waits on before it hands its data back. */
export const DONE = 'simulationDone';

/**
 * A stand-in for a sub-flow: the real child's data schema (plus the parent's
 * variables, so unmapped results come back by name), a start, a wait until
 * the simulation says the child is done, and an end. The engine runs it as
 * a real child instance: input and output mappings are the flow's own.
 */
export function stubChild(parent: Flow, node: SubflowNode, flows: FlowRegistry | undefined): Flow {
  const versions = flows?.get(node.flow) ?? [];
  const real = node.version !== undefined ? versions.find((f) => f.version === node.version) : versions.reduce<Flow | undefined>((a, b) => (!a || b.version > a.version ? b : a), undefined);
  const data: Record<string, Variable> = { ...parent.data, ...(real?.data ?? {}) };
  for (const name of Object.keys(node.input ?? {})) data[name] ??= { type: 'text' };
  data[DONE] = { type: 'boolean' };
  return {
    id: node.flow,
    version: node.version ?? real?.version ?? 1,
    name: real?.name ?? { en: node.flow },
    data,
    nodes: [
      { id: 'start', kind: 'start', name: { en: 'Start' } },
      { id: 'in-progress', kind: 'wait', name: { en: 'Sub-flow in progress' }, until: { var: DONE } },
      { id: 'end', kind: 'end', name: { en: 'Done' } },
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'in-progress' },
      { id: 'e2', source: 'in-progress', target: 'end' },
    ],
  };
}

/**
 * Splits a scenario's sub-flow choice (a patch on the parent's data) into
 * what the child must hold so the output mapping hands it back, and what has
 * to be written on the parent directly (paths the mapping does not carry).
 */
export function routeSubflowPatch(parent: Flow, node: SubflowNode, patch: DataPatch): { child: DataPatch; parent: DataPatch } {
  const child: DataPatch = {};
  const direct: DataPatch = {};
  for (const { path, value } of normalizePatch(patch, parent.data)) {
    if (!node.output) {
      child[path] = value;
      continue;
    }
    let routed = false;
    for (const [target, rule] of Object.entries(node.output)) {
      const from = plainVar(rule);
      if (from === undefined || !(path === target || path.startsWith(`${target}.`))) continue;
      child[from + path.slice(target.length)] = value;
      routed = true;
      break;
    }
    if (!routed) direct[path] = value;
  }
  return { child, parent: direct };
}

function plainVar(rule: unknown): string | undefined {
  if (rule === null || typeof rule !== 'object' || Array.isArray(rule)) return undefined;
  const v = (rule as { var?: unknown }).var;
  const name = Array.isArray(v) ? v[0] : v;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
